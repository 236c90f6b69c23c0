// Video clips through OpenCV's videoio (FFmpeg backend): frames sampled for triage, and a writer for fixtures.
//
// Like every shim function, these catch all C++ exceptions and return a status (0 = success) with a message
// in the caller's buffer.
#ifndef CROSETTE_VIDEO_H
#define CROSETTE_VIDEO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An open video being decoded forward.
typedef struct rsn_video rsn_video;

/// What the container says about the stream (frameCount may be an estimate; 0 when unknown).
typedef struct rsn_video_info {
    double fps;
    int64_t frameCount;
    int32_t width;
    int32_t height;
    char codec[8]; // FourCC as text, e.g. "MJPG"
} rsn_video_info;

/// Opens a video file with the FFmpeg backend. Returns 0 and sets `*out` on success, 2 on error.
int rsn_video_open(const char *path, rsn_video **out, rsn_video_info *info, char *err, int errlen);

/// Decodes forward to the first frame at or after `seconds` into the clip and encodes it as JPEG.
/// Returns 0 with the frame (`*frameSeconds` its time, `*out` malloc'd bytes: release with rsn_free, and its size),
/// 1 when the video ends first, 2 on error.
int rsn_video_next_jpeg(rsn_video *video, double seconds, int quality, double *frameSeconds, int32_t *width,
                        int32_t *height, uint8_t **out, long *outSize, char *err, int errlen);

/// Frames decoded so far (the clip's length in frames once rsn_video_next_jpeg has returned 1).
int64_t rsn_video_frames_read(const rsn_video *video);

void rsn_video_close(rsn_video *video);

/// A video file being written (fixtures and simulated clips).
typedef struct rsn_video_writer rsn_video_writer;

/// Opens a writer: `fourcc` e.g. "MJPG" (AVI) or "mp4v" (MP4); frames are width x height RGB.
int rsn_video_writer_open(const char *path, const char *fourcc, double fps, int width, int height,
                          rsn_video_writer **out, char *err, int errlen);

/// Appends one frame of interleaved RGB pixels (`stride` bytes per row). Returns 0 on success.
int rsn_video_writer_write(rsn_video_writer *writer, const uint8_t *rgb, long stride, char *err, int errlen);

/// Finishes the file (writes the index / moov) and releases the writer.
void rsn_video_writer_close(rsn_video_writer *writer);

#ifdef __cplusplus
}
#endif

#endif
