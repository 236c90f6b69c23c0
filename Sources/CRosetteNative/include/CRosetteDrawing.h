#ifndef CROSETTE_DRAWING_H
#define CROSETTE_DRAWING_H
// Drawing on caller-owned interleaved RGB images (review sheets): lines, circles, text.
// Return 0 on success, non-zero with a message in `err` on failure; no C++ exception crosses this boundary.
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A line from (x0, y0) to (x1, y1), anti-aliased, `thickness` pixels wide.
int rsn_draw_line(uint8_t *rgb, int width, int height, float x0, float y0, float x1, float y1,
                  uint8_t r, uint8_t g, uint8_t b, int thickness, char *err, int errlen);
/// A circle outline of `radius` around (x, y).
int rsn_draw_circle(uint8_t *rgb, int width, int height, float x, float y, float radius,
                    uint8_t r, uint8_t g, uint8_t b, int thickness, char *err, int errlen);
/// ASCII text with its baseline-left corner at (x, y), Hershey simplex font, `scale` 1 ≈ 22 px tall.
int rsn_draw_text(uint8_t *rgb, int width, int height, const char *text, int x, int y, double scale,
                  uint8_t r, uint8_t g, uint8_t b, int thickness, char *err, int errlen);

#ifdef __cplusplus
}
#endif
#endif
