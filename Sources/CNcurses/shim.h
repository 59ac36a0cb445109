#ifndef SERIES12_CNCURSES_SHIM_H
#define SERIES12_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <ncursesw/curses.h>
#include <locale.h>

/* Swift 6 cannot see C macros or touch C globals (not concurrency-safe): wrap them here. */
static inline WINDOW *s12_stdscr(void) { return stdscr; }
static inline int s12_lines(void) { return LINES; }
static inline int s12_cols(void) { return COLS; }
static inline int s12_colors(void) { return COLORS; }
static inline int s12_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int s12_a_bold(void) { return (int)A_BOLD; }
static inline int s12_a_reverse(void) { return (int)A_REVERSE; }
static inline int s12_a_dim(void) { return (int)A_DIM; }
static inline int s12_a_underline(void) { return (int)A_UNDERLINE; }
static inline int s12_key_up(void) { return KEY_UP; }
static inline int s12_key_down(void) { return KEY_DOWN; }
static inline int s12_key_ppage(void) { return KEY_PPAGE; }
static inline int s12_key_npage(void) { return KEY_NPAGE; }
static inline int s12_key_end(void) { return KEY_END; }
static inline int s12_key_home(void) { return KEY_HOME; }
static inline int s12_key_resize(void) { return KEY_RESIZE; }
static inline int s12_err(void) { return ERR; }
static inline void s12_getmaxyx(int *y, int *x) { getmaxyx(stdscr, *y, *x); }
#endif
