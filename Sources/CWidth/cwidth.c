#define _GNU_SOURCE
#include <locale.h>
#include <pthread.h>
#include <wchar.h>
#include "cwidth.h"

static locale_t utf8_locale = (locale_t)0;
static pthread_once_t utf8_once = PTHREAD_ONCE_INIT;

static void open_utf8(void) {
    utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

int kt_columns(const uint32_t *codepoints, int count) {
    pthread_once(&utf8_once, open_utf8);
    locale_t previous = utf8_locale ? uselocale(utf8_locale) : (locale_t)0;
    int total = 0;
    for (int i = 0; i < count; i++) {
        uint32_t c = codepoints[i];
        if (c < 0x80) { total += 1; continue; }
        int w = wcwidth((wchar_t)c);
        total += w < 0 ? 1 : w;
    }
    if (utf8_locale) uselocale(previous);
    return total;
}
