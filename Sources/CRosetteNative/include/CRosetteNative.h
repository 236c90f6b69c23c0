// CRosetteNative: a small C API over OpenCV 4.6 and exiv2 0.27.
//
// Every function catches all C++ exceptions and reports failure through its return value (0 = success)
// and a caller-supplied message buffer; no C++ exception ever crosses into Swift.
#ifndef CROSETTE_NATIVE_H
#define CROSETTE_NATIVE_H

#include <stddef.h>
#include <stdint.h>

#include "CRosetteMakerNote.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Prepares the libraries for use from many threads (XMP toolkit with a lock; library logging muted).
/// Safe to call more than once.
void rsn_initialize(void);

// MARK: - Metadata (exiv2)

/// Camera metadata read from one file. Text fields are NUL-terminated UTF-8, empty when absent.
typedef struct rsn_metadata {
    char mimeType[48];
    char dateTimeOriginal[32];   // "YYYY:MM:DD HH:MM:SS", camera local time
    char dateTimeSource[32];     // the EXIF key the time came from, empty when none
    char subSecTimeOriginal[16];
    char offsetTimeOriginal[16];
    char make[96];
    char model[96];
    char serialNumber[96];
    int32_t pixelWidth;
    int32_t pixelHeight;
    int32_t hasExif;
    int32_t hasXmp;
    /// XMP lr:hierarchicalSubject values, one per line ("Species|Leopard Cat\nindividual|1").
    char hierarchicalSubjects[4000];
    /// The camera-trap fields of the maker note (CRosetteMakerNote.h); layout RSN_MAKERNOTE_NONE when absent.
    rsn_camera_reading camera;
} rsn_metadata;

/// Reads metadata from an in-memory file image (e.g. the first bytes of a JPEG).
/// Returns 0 on success, 1 when the buffer ended before the metadata did (read the whole file instead),
/// 2 on any other error (message in `err`).
int rsn_metadata_read_buffer(const uint8_t *data, long size, rsn_metadata *out, char *err, int errlen);

/// Reads metadata from a file on disk. Returns 0 on success, 2 on error (message in `err`).
int rsn_metadata_read_file(const char *path, rsn_metadata *out, char *err, int errlen);

/// What to write into a JPEG's EXIF and XMP. NULL or empty fields are left out.
typedef struct rsn_metadata_update {
    const char *dateTimeOriginal;
    const char *subSecTimeOriginal;
    const char *make;
    const char *model;
    const char *serialNumber;
    const char *hierarchicalSubjects; // newline-separated, may be NULL
    int32_t clearExisting;            // 1: drop all existing EXIF/XMP first
    const uint8_t *makerNote;         // raw Exif.Photo.MakerNote bytes (fixtures of camera-trap notes), may be NULL
    long makerNoteSize;
} rsn_metadata_update;

/// Returns a copy of the JPEG in `data` with the metadata set. The result is allocated with malloc:
/// release it with rsn_free. Returns 0 on success.
int rsn_metadata_write_buffer(const uint8_t *data, long size, const rsn_metadata_update *update,
                              uint8_t **out, long *outSize, char *err, int errlen);

/// Releases memory handed out by this library.
void rsn_free(void *pointer);

// MARK: - Images (OpenCV)

/// A decoded image whose pixel buffer is reused between decodes.
typedef struct rsn_image rsn_image;

rsn_image *rsn_image_create(void);
void rsn_image_destroy(rsn_image *image);

/// Decode modes: colour or grey, at full size or DCT-downscaled by 2, 4 or 8 while decoding.
enum { RSN_DECODE_COLOR = 0, RSN_DECODE_GREY = 1 };

/// Decodes an encoded image (JPEG, PNG ...) held in memory into `image`, reusing its buffer.
/// `reduce` is 1, 2, 4 or 8. Colour images come out as interleaved RGB. Returns 0 on success.
int rsn_image_decode(rsn_image *image, const uint8_t *data, long size, int mode, int reduce,
                     char *err, int errlen);

/// Decodes a file into `image` (the file's bytes are read into a buffer the image keeps). Returns 0 on success.
int rsn_image_decode_file(rsn_image *image, const char *path, int mode, int reduce, char *err, int errlen);

/// The decoded pixels: width, height, channels (1 or 3), bytes per row, and a pointer valid until the next decode.
void rsn_image_pixels(const rsn_image *image, int32_t *width, int32_t *height, int32_t *channels,
                      long *stride, const uint8_t **pixels);

/// Encodes interleaved 8-bit pixels (1 = grey, 3 = RGB) as JPEG of the given quality (1-100).
/// The result is malloc'd: release with rsn_free. Returns 0 on success.
int rsn_encode_jpeg(const uint8_t *pixels, int width, int height, int channels, long stride, int quality,
                    uint8_t **out, long *outSize, char *err, int errlen);

/// Resizes interleaved 8-bit pixels with area averaging (shrinking) or bilinear interpolation (growing)
/// into `dst`, which must hold dstWidth*dstHeight*channels bytes. Returns 0 on success.
int rsn_resize(const uint8_t *src, int width, int height, int channels, long stride,
               uint8_t *dst, int dstWidth, int dstHeight, char *err, int errlen);

/// The OpenCV version string, e.g. "4.6.0".
const char *rsn_opencv_version(void);
/// The exiv2 version string, e.g. "0.27.6".
const char *rsn_exiv2_version(void);

#ifdef __cplusplus
}
#endif

// Pattern features, nearest-neighbour index and geometry for individual identification.

#endif
