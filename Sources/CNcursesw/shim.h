// Thin C shim over ncursesw: macros and globals that Swift cannot import directly.
#ifndef KERNTEAM_NCURSES_SHIM_H
#define KERNTEAM_NCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *kt_stdscr(void) { return stdscr; }
static inline int kt_lines(void) { return LINES; }
static inline int kt_cols(void) { return COLS; }
static inline attr_t kt_a_bold(void) { return A_BOLD; }
static inline attr_t kt_a_reverse(void) { return A_REVERSE; }
static inline attr_t kt_a_dim(void) { return A_DIM; }
static inline attr_t kt_a_underline(void) { return A_UNDERLINE; }
static inline attr_t kt_a_normal(void) { return A_NORMAL; }
static inline int kt_key_code_yes(void) { return KEY_CODE_YES; }
static inline mmask_t kt_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t kt_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t kt_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t kt_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t kt_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }

// Termination signals only set a flag; the main loop sees it and restores the terminal itself,
// so no non-async-signal-safe code runs inside the handler.
static volatile sig_atomic_t kt_signal_flag = 0;
static inline void kt_on_signal(int sig) { kt_signal_flag = sig; }
static inline void kt_install_signal_handlers(void) {
    struct sigaction sa;
    sa.sa_handler = kt_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocking read returns so the loop can notice */
    sigaction(SIGTERM, &sa, 0);
    sigaction(SIGHUP, &sa, 0);
    sigaction(SIGINT, &sa, 0);
    sigaction(SIGQUIT, &sa, 0);
}
static inline int kt_pending_signal(void) { return (int)kt_signal_flag; }

// A crash (a trap in Swift, a bad pointer, abort) must not leave the terminal in the alternate
// screen with the cursor hidden and echo off. The handler may only call async-signal-safe
// functions: it writes a restore sequence prepared at start-up, puts back the terminal modes saved
// before ncurses changed them, and lets the signal end the process as it would have.
// (Swift's importer emits storage for scalar statics only: the buffers are allocated at start-up,
// never in the handler.)
#define KT_RESTORE_CAPACITY 512
static char *kt_restore_buffer = 0;
static struct termios *kt_modes_buffer = 0;
static inline char *kt_restore_sequence(void) {
    if (!kt_restore_buffer) kt_restore_buffer = (char *)calloc(KT_RESTORE_CAPACITY, 1);
    return kt_restore_buffer;
}
static inline struct termios *kt_saved_modes(void) {
    if (!kt_modes_buffer) kt_modes_buffer = (struct termios *)calloc(1, sizeof(struct termios));
    return kt_modes_buffer;
}
static size_t kt_restore_length = 0;
static int kt_have_saved_modes = 0;
static volatile sig_atomic_t kt_crash_restore_armed = 0;

static inline void kt_append_restore(const char *s) {
    if (!s || s == (const char *)-1) return;
    size_t n = strlen(s);
    if (!kt_restore_sequence() || kt_restore_length + n >= KT_RESTORE_CAPACITY) return;
    memcpy(kt_restore_sequence() + kt_restore_length, s, n);
    kt_restore_length += n;
}

static inline void kt_on_crash(int sig) {
    if (kt_crash_restore_armed) {
        kt_crash_restore_armed = 0;
        if (kt_restore_buffer) { ssize_t ignored = write(STDOUT_FILENO, kt_restore_buffer, kt_restore_length); (void)ignored; }
        if (kt_have_saved_modes && kt_modes_buffer) tcsetattr(STDIN_FILENO, TCSANOW, kt_modes_buffer);
    }
    // SA_RESETHAND put the default action back: raising again ends the process as the signal would.
    raise(sig);
}

/// Before initscr: remember the terminal's modes.
static inline void kt_save_terminal_modes(void) {
    kt_have_saved_modes = kt_saved_modes() && tcgetattr(STDIN_FILENO, kt_saved_modes()) == 0;
}

/// After initscr: prepare what restores the screen and install the crash handlers.
static inline void kt_install_crash_restore(void) {
    kt_restore_length = 0;
    kt_append_restore("\033[?2004l");           // bracketed paste off
    kt_append_restore("\033[?1000l\033[?1002l\033[?1003l\033[?1006l"); // mouse reporting off
    kt_append_restore(tigetstr("sgr0"));
    kt_append_restore(tigetstr("cnorm"));        // cursor visible
    kt_append_restore(tigetstr("rmcup"));        // leave the alternate screen
    kt_append_restore("\r\n");
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = kt_on_crash;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    int crashes[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) sigaction(crashes[i], &sa, 0);
    kt_crash_restore_armed = 1;
}

/// On a normal stop: the crash handlers have nothing to restore any more.
static inline void kt_disarm_crash_restore(void) { kt_crash_restore_armed = 0; }
#endif
