// EXIF/XMP reading and writing through exiv2 0.27.
#include "CRosetteNative.h"
#include "Support.hpp"

#include <exiv2/exiv2.hpp>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace {

std::mutex xmpMutex;
std::once_flag initOnce;

void xmpLock(void *data, bool lockUnlock) {
    auto *m = static_cast<std::mutex *>(data);
    if (lockUnlock) m->lock(); else m->unlock();
}

std::string exifText(const Exiv2::ExifData &exif, const char *key) {
    auto it = exif.findKey(Exiv2::ExifKey(key));
    if (it == exif.end()) return std::string();
    std::string s = it->toString();
    // EXIF ASCII values may carry trailing NULs or spaces.
    while (!s.empty() && (s.back() == '\0' || s.back() == ' ')) s.pop_back();
    return s;
}

void fillSubjects(const Exiv2::XmpData &xmp, rsn_metadata *out) {
    out->hasXmp = out->hasXmp || !xmp.empty();
    auto it = xmp.findKey(Exiv2::XmpKey("Xmp.lr.hierarchicalSubject"));
    if (it == xmp.end()) return;
    std::string joined;
    long n = it->count();
    for (long i = 0; i < n; ++i) {
        if (!joined.empty()) joined.push_back('\n');
        joined += it->toString(i);
    }
    rsn::copyText(out->hierarchicalSubjects, sizeof out->hierarchicalSubjects, joined);
}

/// Finds the standard XMP APP1 segment among a JPEG's leading segments (before the image data).
/// Only the segment structure is walked (marker, length); the XMP itself is left to exiv2.
bool findXmpSegment(const uint8_t *d, long n, long &start, long &length) {
    static const char header[] = "http://ns.adobe.com/xap/1.0/";  // followed by a NUL: 29 bytes
    if (n < 4 || d[0] != 0xFF || d[1] != 0xD8) return false;
    long i = 2;
    while (i + 4 <= n) {
        if (d[i] != 0xFF) return false;
        uint8_t m = d[i + 1];
        if (m == 0xFF) { i += 1; continue; }
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) { i += 2; continue; }
        if (m == 0xDA || m == 0xD9) return false;
        long len = (long(d[i + 2]) << 8) | long(d[i + 3]);
        if (len < 2 || i + 2 + len > n) return false;
        if (m == 0xE1 && len - 2 >= 29 && std::memcmp(d + i + 4, header, 29) == 0) {
            start = i;
            length = len + 2;
            return true;
        }
        i += 2 + len;
    }
    return false;
}

/// Decodes only the properties Rosette reads from an XMP packet. The XMP toolkit serialises every parse
/// behind one process-wide lock, and digiKam-style packets are large; so when the packet carries
/// lr:hierarchicalSubject as an element, a minimal packet holding just that element is decoded (by exiv2),
/// else the whole packet.
void decodeSubjects(const std::string &packet, rsn_metadata *out) {
    out->hasXmp = 1;
    static const std::string open = "<lr:hierarchicalSubject", close = "</lr:hierarchicalSubject>";
    if (packet.find("hierarchicalSubject") == std::string::npos) return;
    Exiv2::XmpData xmp;
    size_t a = packet.find(open);
    size_t b = a == std::string::npos ? a : packet.find(close, a);
    if (a != std::string::npos && b != std::string::npos) {
        std::string mini = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                           "<rdf:Description rdf:about=\"\" xmlns:lr=\"http://ns.adobe.com/lightroom/1.0/\">"
                           + packet.substr(a, b + close.size() - a) + "</rdf:Description></rdf:RDF></x:xmpmeta>";
        if (Exiv2::XmpParser::decode(xmp, mini) == 0 && xmp.findKey(Exiv2::XmpKey("Xmp.lr.hierarchicalSubject")) != xmp.end()) {
            fillSubjects(xmp, out);
            return;
        }
        xmp.clear();
    }
    if (Exiv2::XmpParser::decode(xmp, packet) == 0) fillSubjects(xmp, out);
}

/// The camera-trap fields of the raw maker note (exiv2 0.27 leaves notes it has no decoder for as bytes).
/// A malformed note leaves them absent: the rest of the photo's metadata still counts.
void fillCamera(const Exiv2::ExifData &exif, rsn_metadata *out) {
    rsn_camera_reading_clear(&out->camera);
    auto it = exif.findKey(Exiv2::ExifKey("Exif.Photo.MakerNote"));
    if (it == exif.end() || it->size() <= 0) return;
    thread_local std::vector<uint8_t> note;
    note.resize(size_t(it->size()));
    it->copy(note.data(), Exiv2::littleEndian);
    char err[128];
    if (rsn_makernote_parse(note.data(), long(note.size()), out->make, &out->camera, err, sizeof err) != 0) {
        rsn_camera_reading_clear(&out->camera);
    }
}

void fill(Exiv2::Image &image, rsn_metadata *out) {
    std::memset(out, 0, sizeof(*out));
    rsn::copyText(out->mimeType, sizeof out->mimeType, image.mimeType());
    out->pixelWidth = image.pixelWidth();
    out->pixelHeight = image.pixelHeight();
    const Exiv2::ExifData &exif = image.exifData();
    out->hasExif = exif.empty() ? 0 : 1;
    static const char *timeKeys[] = {"Exif.Photo.DateTimeOriginal", "Exif.Photo.DateTimeDigitized",
                                     "Exif.Image.DateTime"};
    for (const char *key : timeKeys) {
        std::string t = exifText(exif, key);
        if (!t.empty()) {
            rsn::copyText(out->dateTimeOriginal, sizeof out->dateTimeOriginal, t);
            rsn::copyText(out->dateTimeSource, sizeof out->dateTimeSource, key);
            break;
        }
    }
    rsn::copyText(out->subSecTimeOriginal, sizeof out->subSecTimeOriginal,
                  exifText(exif, "Exif.Photo.SubSecTimeOriginal"));
    rsn::copyText(out->offsetTimeOriginal, sizeof out->offsetTimeOriginal,
                  exifText(exif, "Exif.Photo.OffsetTimeOriginal"));
    rsn::copyText(out->make, sizeof out->make, exifText(exif, "Exif.Image.Make"));
    rsn::copyText(out->model, sizeof out->model, exifText(exif, "Exif.Image.Model"));
    std::string serial = exifText(exif, "Exif.Photo.BodySerialNumber");
    if (serial.empty()) serial = exifText(exif, "Exif.Image.CameraSerialNumber");
    rsn::copyText(out->serialNumber, sizeof out->serialNumber, serial);

    fillSubjects(image.xmpData(), out);
    fillCamera(exif, out);
}
} // namespace

extern "C" void rsn_initialize(void) {
    std::call_once(initOnce, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
        Exiv2::XmpParser::initialize(xmpLock, &xmpMutex);
        Exiv2::XmpProperties::registerNs("http://ns.adobe.com/lightroom/1.0/", "lr");
    });
}

extern "C" int rsn_metadata_read_buffer(const uint8_t *data, long size, rsn_metadata *out, char *err,
                                        int errlen) {
    rsn_initialize();
    return rsn::guarded(err, errlen, 1, [&] {
        // The XMP segment is hidden from exiv2's full read (its APP1 marker turned into APP15, which readers
        // skip) and decoded separately, keeping only what Rosette uses.
        thread_local std::vector<uint8_t> copy;
        copy.assign(data, data + size);
        long xmpStart = 0, xmpLength = 0;
        bool hasXmp = findXmpSegment(copy.data(), size, xmpStart, xmpLength);
        std::string packet;
        if (hasXmp) {
            packet.assign(reinterpret_cast<const char *>(copy.data() + xmpStart + 4 + 29), size_t(xmpLength - 4 - 29));
            copy[xmpStart + 1] = 0xEF;
        }
        auto image = Exiv2::ImageFactory::open(copy.data(), size);
        if (image.get() == nullptr) throw std::runtime_error("not an image file");
        image->readMetadata();
        fill(*image, out);
        if (hasXmp) decodeSubjects(packet, out);
        return 0;
    });
}

extern "C" int rsn_metadata_read_file(const char *path, rsn_metadata *out, char *err, int errlen) {
    rsn_initialize();
    return rsn::guarded(err, errlen, 2, [&] {
        auto image = Exiv2::ImageFactory::open(std::string(path), false);
        if (image.get() == nullptr) throw std::runtime_error("not an image file");
        image->readMetadata();
        fill(*image, out);
        return 0;
    });
}

extern "C" int rsn_metadata_write_buffer(const uint8_t *data, long size, const rsn_metadata_update *update,
                                         uint8_t **out, long *outSize, char *err, int errlen) {
    rsn_initialize();
    *out = nullptr;
    *outSize = 0;
    return rsn::guarded(err, errlen, 2, [&] {
        auto image = Exiv2::ImageFactory::open(data, size);
        if (image.get() == nullptr) throw std::runtime_error("not an image file");
        image->readMetadata();
        Exiv2::ExifData exif = update->clearExisting ? Exiv2::ExifData() : image->exifData();
        Exiv2::XmpData xmp = update->clearExisting ? Exiv2::XmpData() : image->xmpData();
        auto setText = [&exif](const char *key, const char *value) {
            if (value != nullptr && value[0] != '\0') exif[key] = std::string(value);
        };
        setText("Exif.Photo.DateTimeOriginal", update->dateTimeOriginal);
        setText("Exif.Image.DateTime", update->dateTimeOriginal);
        setText("Exif.Photo.SubSecTimeOriginal", update->subSecTimeOriginal);
        setText("Exif.Image.Make", update->make);
        setText("Exif.Image.Model", update->model);
        setText("Exif.Photo.BodySerialNumber", update->serialNumber);
        if (update->makerNote != nullptr && update->makerNoteSize > 0) {
            Exiv2::DataValue note(update->makerNote, update->makerNoteSize, Exiv2::littleEndian, Exiv2::undefined);
            exif["Exif.Photo.MakerNote"] = note;
        }
        if (update->hierarchicalSubjects != nullptr && update->hierarchicalSubjects[0] != '\0') {
            Exiv2::XmpTextValue bag;
            bag.setXmpArrayType(Exiv2::XmpValue::xaBag);
            Exiv2::Value::AutoPtr value = Exiv2::Value::create(Exiv2::xmpBag);
            std::string all(update->hierarchicalSubjects);
            size_t start = 0;
            while (start <= all.size()) {
                size_t end = all.find('\n', start);
                if (end == std::string::npos) end = all.size();
                if (end > start) value->read(all.substr(start, end - start));
                start = end + 1;
            }
            xmp.add(Exiv2::XmpKey("Xmp.lr.hierarchicalSubject"), value.get());
        }
        image->setExifData(exif);
        image->setXmpData(xmp);
        image->writeMetadata();
        Exiv2::BasicIo &io = image->io();
        io.seek(0, Exiv2::BasicIo::beg);
        long n = io.size();
        uint8_t *buffer = static_cast<uint8_t *>(std::malloc(n > 0 ? n : 1));
        if (buffer == nullptr) throw std::runtime_error("out of memory");
        if (io.read(buffer, n) != n) {
            std::free(buffer);
            throw std::runtime_error("could not read back the written image");
        }
        *out = buffer;
        *outSize = n;
        return 0;
    });
}

extern "C" void rsn_free(void *pointer) { std::free(pointer); }

extern "C" const char *rsn_exiv2_version(void) {
    static const std::string v = Exiv2::versionString();
    return v.c_str();
}
