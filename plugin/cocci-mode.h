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

/* cocci/ beside the build tree's binary, or the installed share dir. */
int td_find_cocci_dir(char *dir, size_t len);

#endif
