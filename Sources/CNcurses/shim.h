#ifndef SERIES12_CNCURSES_SHIM_H
#define SERIES12_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>

/* Swift 6 cannot see C macros or touch C globals (not concurrency-safe): wrap them here. */
static inline WINDOW *s12_stdscr(void) { return stdscr; }
static inline int s12_lines(void) { return LINES; }
static inline int s12_cols(void) { return COLS; }
static inline int s12_colors(void) { return COLORS; }
static inline int s12_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int s12_color_pairs(void) { return COLOR_PAIRS; }
/* Attributes with a colour pair given apart from them: pairs above 255 do not fit in the
   attribute bits that COLOR_PAIR(n) uses. */
static inline int s12_attr_set_pair(int attributes, int pair) {
    return wattr_set(stdscr, (attr_t)attributes & ~A_COLOR, (short)pair, NULL);
}
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

/* Dashboard additions. */
static inline int s12_a_normal(void) { return (int)A_NORMAL; }
static inline int s12_attrset(int attributes) { return wattrset(stdscr, attributes); }
static inline void s12_timeout(int milliseconds) { wtimeout(stdscr, milliseconds); }
static inline int s12_mvaddnwstr(int y, int x, const wchar_t *text, int n) { return mvwaddnwstr(stdscr, y, x, text, n); }
/* Display width of a character in cells (libc; glibc declares it only under _XOPEN_SOURCE). */
int wcwidth(wchar_t c);
static inline int s12_wcwidth(wchar_t c) { return wcwidth(c); }
/* newterm on the process's stdout/stdin: unlike initscr it returns NULL instead of exiting
   when the terminal cannot be used (unknown TERM). */
static inline SCREEN *s12_newterm(void) { return newterm(NULL, stdout, stdin); }
/* setlocale(LC_ALL, "") — the user's locale, needed before initscr for wide characters —
   but numbers stay in the C locale: tier-1 lines are formatted with printf-style formats on
   other threads and must always use '.' as the decimal point. */
static inline void s12_setlocale_from_environment(void) {
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
}
/* 1 when the current locale's character set is UTF-8 (nl_langinfo(CODESET)). */
static inline int s12_codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0 || strcmp(cs, "UTF8") == 0);
}
#endif
