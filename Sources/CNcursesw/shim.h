// Thin C shim over ncursesw: macros and globals that Swift cannot import directly.
#ifndef KERNTEAM_NCURSES_SHIM_H
#define KERNTEAM_NCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <signal.h>
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
#endif
