#ifndef CROSETTE_FUZZ_H
#define CROSETTE_FUZZ_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, `-sanitize=fuzzer`): runs the fuzzing loop over `callback` with
/// libFuzzer's own options parsed from argc/argv. Only defined when the fuzzer runtime is linked, so
/// Swift calls it only under `#if ROSETTE_FUZZ` (the `make fuzz` build).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// The size of the largest input libFuzzer should try for a target (a tiny C helper so the module has a source).
size_t rsn_fuzz_default_max_len(void);

#endif
