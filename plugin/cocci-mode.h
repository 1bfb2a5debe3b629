/* SPDX-License-Identifier: GPL-2.0 */
#ifndef TEARDOWN_COCCI_MODE_H
#define TEARDOWN_COCCI_MODE_H

#include <stddef.h>

/*
 * teardown-check --cocci --mode=context|org|patch PATH...: spatch's own
 * output of the semantic patches, on files as they are (report mode goes
 * through tree mode, which gathers findings).
 */
int cocci_main(int argc, char **argv);

/*
 * spatch --parse-c says "parse error" and then
 *   = File "drivers/foo.c", line 2, column 0, charpos = 53
 * once per place it gave up.  Fed its output line by line (in_error
 * starts at 0), returns 1 when 'line' completes such a place: its file
 * in file, its line in *at.
 */
int td_parse_failure(int *in_error, const char *line, char *file,
		     size_t len, int *at);

/* cocci/ beside the build tree's binary, or the installed share dir. */
int td_find_cocci_dir(char *dir, size_t len);

#endif
