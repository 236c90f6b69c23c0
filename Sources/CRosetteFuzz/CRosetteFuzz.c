#include "CRosetteFuzz.h"

size_t rsn_fuzz_default_max_len(void) { return 64 * 1024; }
