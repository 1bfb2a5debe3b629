/* SPDX-License-Identifier: GPL-2.0 */
#ifndef TEARDOWN_RUN_H
#define TEARDOWN_RUN_H

#include <stddef.h>

/* "teardown-check: " and fmt (one %s, arg) on stderr; exit 2. */
void td_die(const char *fmt, const char *arg) __attribute__((noreturn));

/* The directory this program lives in; -1 if it cannot be known. */
int td_self_dir(char *dir, size_t len);

/*
 * Run argv, handing each line it writes to stderr (and to stdout too,
 * with both) to fn.  Returns its wait status, or -1 if it could not be
 * run; a program that cannot be executed says why and exits 127.
 */
int td_run_lines(char *const argv[], int both,
		 void (*fn)(const char *line, void *data), void *data);

/* The compiler front ends: the GCC plugin, or the Clang one (LLVM=1). */
enum td_frontend { TD_FE_GCC, TD_FE_CLANG };

#define TD_GCC_PLUGIN "teardown_check.so"
#define TD_CLANG_PLUGIN "teardown_check_clang.so"

/*
 * Which front end a compile command needs: clang's when the compiler is
 * named clang (kbuild exports CC=clang-14 with LLVM=-14) or, with no name
 * to go by, when argv has words only clang takes (--target=, -mllvm).
 */
enum td_frontend td_frontend_of(const char *cc, char *const *argv, int argc);

/* "gcc" or "clang", for messages and results */
const char *td_frontend_name(enum td_frontend fe);

/*
 * The compiler to run for fe when the build's is not that one: gcc, or
 * the clang kbuild's LLVM= names (LLVM=1: clang, LLVM=-14: clang-14,
 * LLVM=/usr/bin/: /usr/bin/clang).
 */
const char *td_compiler_for(enum td_frontend fe);

/* Dies with one line naming the plugin fe needs when it cannot be read. */
void td_require_plugin(enum td_frontend fe, const char *plugin);

/*
 * The arguments that make a compile a check, the same in kbuild and tree
 * modes: no object (gcc: the plugin exits after its pass; clang:
 * -fsyntax-only), no compiler warnings (the build showed them), the
 * plugin, its rules, its tag lists and the least confidence reported.
 * Writes at most TD_PLUGIN_ARGS malloc'd words to argv; returns how many.
 */
#define TD_PLUGIN_ARGS 10

/* --confidence's default: $TEARDOWN_CONFIDENCE if set, else "medium". */
const char *td_default_confidence(void);

int td_plugin_argv(char **argv, enum td_frontend fe, const char *plugin,
		   const char *rules, const char *enable, const char *disable,
		   const char *confidence);

/*
 * Start argv in directory cwd (NULL: ours) with its stdout and stderr
 * going to the file out; returns the pid, or -1.
 */
int td_spawn(char *const argv[], const char *cwd, const char *out);

/* The top of the kernel tree the file path (canonical) is in, or "". */
void td_kernel_top(const char *path, char *top, size_t len);

/* A whole file, NUL-terminated (malloc'd), or NULL if unreadable. */
char *td_read_file(const char *path);

#endif
