// CRosetteNative: the camera-trap fields of a photo's maker note (trigger, sequence, event, temperature).
//
// exiv2 0.27 has no decoder for camera-trap maker notes, so the raw bytes of Exif.Photo.MakerNote are parsed
// here; every read is bounds-checked against the note's size and implausible values are left out.
#ifndef CROSETTE_MAKERNOTE_H
#define CROSETTE_MAKERNOTE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Maker-note layouts Rosette reads.
enum {
    RSN_MAKERNOTE_NONE = 0,                ///< no maker note, or one that carries nothing Rosette reads
    RSN_MAKERNOTE_RECONYX_HYPERFIRE = 1,   ///< Reconyx HyperFire (note starts 0x01 0xF1)
    RSN_MAKERNOTE_RECONYX_ULTRAFIRE = 2,   ///< "RECONYXUF\0"
    RSN_MAKERNOTE_RECONYX_HYPERFIRE2 = 3,  ///< "RECONYXH2\0"
};

/// What the camera recorded about the shot. A field the note does not carry (or carries with an
/// implausible value) is marked absent: 0 for the trigger and sequence, -1 for the others.
typedef struct rsn_camera_reading {
    int32_t layout;            ///< one of RSN_MAKERNOTE_*; RSN_MAKERNOTE_NONE = nothing present
    int32_t trigger;           ///< the camera's trigger letter ('M' motion, 'T' time lapse, 'E', 'C', 'P' …), 0 absent
    int32_t sequenceIndex;     ///< this frame's place in the camera's sequence, from 1 ("1 of 3"); 0 absent
    int32_t sequenceLength;    ///< frames in the sequence; 0 absent
    int64_t eventNumber;       ///< the camera's trigger-event counter; -1 absent
    int32_t temperatureC;      ///< ambient temperature, whole °C; -1000 absent
    int32_t temperatureF;      ///< ambient temperature, whole °F; -1000 absent
    int32_t moonPhase;         ///< 0 new … 4 full … 7 old crescent; -1 absent
    int32_t batteryMillivolts; ///< battery voltage in mV; -1 absent
} rsn_camera_reading;

/// Marks every field absent.
void rsn_camera_reading_clear(rsn_camera_reading *out);

/// Parses the raw bytes of a maker note. `make` is EXIF Make (may be NULL or empty): the old HyperFire
/// signature is short, so it is only trusted with Make "RECONYX" or a known firmware word after it.
/// Returns 0 when a known layout was read (fields in `out`), 1 when the note is not one Rosette reads
/// (out->layout = RSN_MAKERNOTE_NONE: "not present"), 2 when a known signature is followed by too few bytes
/// (message in `err`, nothing in `out`).
int rsn_makernote_parse(const uint8_t *note, long size, const char *make, rsn_camera_reading *out,
                        char *err, int errlen);

#ifdef __cplusplus
}
#endif

#endif
