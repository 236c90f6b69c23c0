// Shared helpers for the C shim: message copying and the exception guard.
#pragma once
#include <cstring>
#include <exception>
#include <string>

namespace rsn {

inline void copyText(char *dst, size_t cap, const std::string &src) {
    if (dst == nullptr || cap == 0) return;
    size_t n = src.size() < cap - 1 ? src.size() : cap - 1;
    std::memcpy(dst, src.data(), n);
    dst[n] = '\0';
}

/// Runs `body`, turning any C++ exception into `failure` with its message in err.
template <typename Body>
int guarded(char *err, int errlen, int failure, Body body) {
    try {
        return body();
    } catch (const std::exception &e) {
        copyText(err, errlen > 0 ? (size_t)errlen : 0, e.what());
    } catch (...) {
        copyText(err, errlen > 0 ? (size_t)errlen : 0, "unknown native error");
    }
    return failure;
}

} // namespace rsn
