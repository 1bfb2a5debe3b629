/* SPDX-License-Identifier: GPL-2.0 */
#ifndef TEARDOWN_TREE_MODE_H
#define TEARDOWN_TREE_MODE_H

#include <stdio.h>

/* Where teardown-check found its parts (NULL: not found). */
struct td_tree_env {
	const char *plugin;	/* teardown_check.so */
	const char *clang_plugin;	/* teardown_check_clang.so */
	const char *rules;	/* teardown.rules */
	const char *cocci_dir;	/* the semantic patches and macros.h */
};

/* teardown-check [OPTION]... PATH...: tree and gate modes. */
void td_tree_usage(FILE *out);
int tree_main(int argc, char **argv, const struct td_tree_env *env);

#endif
