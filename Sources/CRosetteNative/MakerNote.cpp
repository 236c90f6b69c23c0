// Camera-trap maker notes (Reconyx HyperFire, UltraFire, HyperFire 2), parsed from their raw bytes.
//
// The layouts are fixed binary records, little-endian (field positions as documented in exiftool's Reconyx
// tag tables). Every read goes through `Note`, which refuses any byte beyond the note's size.
#include "CRosetteMakerNote.h"
#include "Support.hpp"

#include <cstring>
#include <stdexcept>
#include <string>

namespace {

constexpr int32_t absentTemperature = -1000;

/// Bounds-checked little-endian reads from a maker note.
struct Note {
    const uint8_t *bytes;
    long size;

    bool has(long offset, long length) const { return offset >= 0 && length >= 0 && offset <= size - length; }
    bool u8(long offset, uint32_t &v) const {
        if (!has(offset, 1)) return false;
        v = bytes[offset];
        return true;
    }
    bool u16(long offset, uint32_t &v) const {
        if (!has(offset, 2)) return false;
        v = uint32_t(bytes[offset]) | (uint32_t(bytes[offset + 1]) << 8);
        return true;
    }
    bool s16(long offset, int32_t &v) const {
        uint32_t u = 0;
        if (!u16(offset, u)) return false;
        v = int32_t(int16_t(uint16_t(u)));
        return true;
    }
    bool u32(long offset, uint32_t &v) const {
        uint32_t lo = 0, hi = 0;
        if (!u16(offset, lo) || !u16(offset + 2, hi)) return false;
        v = lo | (hi << 16);
        return true;
    }
    bool startsWith(const char *text, long length) const {
        return has(0, length) && std::memcmp(bytes, text, size_t(length)) == 0;
    }
};

/// Where one layout keeps its fields (byte offsets from the note's start).
struct Layout {
    int32_t id;
    long minimumSize;    // the note must reach past the temperatures
    long trigger;
    long sequence;       // index then length
    bool sequence8;      // one byte each (UltraFire) instead of two
    long event;
    int eventForm;       // 0: u32; 1: two u16, high word first
    long moon;
    bool moon8;
    long temperatureF, temperatureC;
    long battery;
};

constexpr Layout hyperFire{RSN_MAKERNOTE_RECONYX_HYPERFIRE, 42, 12, 14, false, 18, 1, 36, false, 38, 40, 84};
constexpr Layout ultraFire{RSN_MAKERNOTE_RECONYX_ULTRAFIRE, 0x48, 0x34, 0x35, true, 0x37, 0, 0x43, true, 0x44, 0x46, 0x49};
constexpr Layout hyperFire2{RSN_MAKERNOTE_RECONYX_HYPERFIRE2, 0x52, 0x34, 0x36, false, 0x3a, 1, 0x4c, false, 0x4e, 0x50, 0x62};

bool plausibleTemperature(int32_t v, int32_t low, int32_t high) { return v >= low && v <= high; }

void read(const Note &note, const Layout &layout, rsn_camera_reading *out) {
    out->layout = layout.id;
    uint32_t t = 0;
    if (note.u8(layout.trigger, t) && t >= 'A' && t <= 'Z') out->trigger = int32_t(t);

    uint32_t index = 0, length = 0;
    bool seq = layout.sequence8 ? (note.u8(layout.sequence, index) && note.u8(layout.sequence + 1, length))
                                : (note.u16(layout.sequence, index) && note.u16(layout.sequence + 2, length));
    if (seq && index >= 1 && length >= 1 && index <= length && length <= 1000) {
        out->sequenceIndex = int32_t(index);
        out->sequenceLength = int32_t(length);
    }

    uint32_t event = 0, hi = 0, lo = 0;
    if (layout.eventForm == 0) {
        if (note.u32(layout.event, event)) out->eventNumber = int64_t(event);
    } else if (note.u16(layout.event, hi) && note.u16(layout.event + 2, lo)) {
        out->eventNumber = (int64_t(hi) << 16) | int64_t(lo);
    }

    uint32_t moon = 0;
    if ((layout.moon8 ? note.u8(layout.moon, moon) : note.u16(layout.moon, moon)) && moon <= 7) out->moonPhase = int32_t(moon);

    int32_t f = 0, c = 0;
    if (note.s16(layout.temperatureF, f) && plausibleTemperature(f, -76, 158)) out->temperatureF = f;
    if (note.s16(layout.temperatureC, c) && plausibleTemperature(c, -60, 70)) out->temperatureC = c;

    uint32_t mv = 0;
    if (note.u16(layout.battery, mv) && mv > 0 && mv < 30000) out->batteryMillivolts = int32_t(mv);
}

/// The layout a note's signature names, or nullptr.
const Layout *recognise(const Note &note, const char *make) {
    if (note.startsWith("RECONYXUF", 10)) return &ultraFire;   // the 10th byte is the signature's NUL
    if (note.startsWith("RECONYXH2", 10)) return &hyperFire2;
    if (note.has(0, 2) && note.bytes[0] == 0x01 && note.bytes[1] == 0xF1) {
        bool firmware = note.has(2, 2) && (note.bytes[2] == 0x02 || note.bytes[2] == 0x03) && note.bytes[3] == 0x00;
        bool reconyx = make != nullptr && std::strncmp(make, "RECONYX", 7) == 0;
        if (firmware || reconyx) return &hyperFire;
    }
    return nullptr;
}

} // namespace

extern "C" void rsn_camera_reading_clear(rsn_camera_reading *out) {
    if (out == nullptr) return;
    out->layout = RSN_MAKERNOTE_NONE;
    out->trigger = 0;
    out->sequenceIndex = 0;
    out->sequenceLength = 0;
    out->eventNumber = -1;
    out->temperatureC = absentTemperature;
    out->temperatureF = absentTemperature;
    out->moonPhase = -1;
    out->batteryMillivolts = -1;
}

extern "C" int rsn_makernote_parse(const uint8_t *bytes, long size, const char *make, rsn_camera_reading *out,
                                   char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        if (out == nullptr) throw std::invalid_argument("no reading to fill");
        rsn_camera_reading_clear(out);
        if (bytes == nullptr || size <= 0) return 1;
        Note note{bytes, size};
        const Layout *layout = recognise(note, make);
        if (layout == nullptr) return 1;
        if (size < layout->minimumSize) {
            throw std::runtime_error("Reconyx maker note of " + std::to_string(size) + " bytes is shorter than its layout (" +
                                     std::to_string(layout->minimumSize) + " bytes)");
        }
        read(note, *layout, out);
        return 0;
    });
}
