// Display columns of code points as the C library counts them (wcwidth), in a UTF-8 locale.
#ifndef KERNTEAM_CWIDTH_H
#define KERNTEAM_CWIDTH_H
#include <stdint.h>

/// Columns of `count` code points: wcwidth of each in a UTF-8 locale (set for this thread only, for
/// the call); one for ASCII and for a code point the library does not know.
int kt_columns(const uint32_t *codepoints, int count);

#endif
