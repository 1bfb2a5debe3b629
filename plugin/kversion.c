// SPDX-License-Identifier: GPL-2.0
/*
 * Which kernel a unit belongs to.  A few calls changed meaning between the
 * kernels the checker supports (pci_request_regions() after
 * pcim_enable_device() is managed before 6.16 and not after), so rules
 * lines may carry "kernel=<6.16" or "kernel=>=6.16" and the rules are
 * loaded for the tree being checked.  The version is read from the build
 * tree kbuild leaves behind (include/config/kernel.release), never from an
 * option the user must remember.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "teardown.h"

int td_parse_kernel_version(const char *s)
{
	long part[3] = { 0, 0, 0 };
	int n = 0;

	/* MAJOR.MINOR[.SUBLEVEL], then anything ("-1~bpo13+1", "-rc2") */
	while (n < 3 && *s >= '0' && *s <= '9') {
		char *end;

		part[n++] = strtol(s, &end, 10);
		if (part[n - 1] > 255)
			return -1;
		s = end;
		if (*s != '.' || n == 3)
			break;
		s++;
	}
	if (n < 2)
		return -1;
	return TD_KVER(part[0], part[1], part[2]);
}

int td_kernel_version_of_tree(const char *objtree)
{
	char path[4096], line[128];
	FILE *f;
	int v;

	snprintf(path, sizeof(path), "%s%sinclude/config/kernel.release",
		 objtree ? objtree : "", objtree && *objtree ? "/" : "");
	f = fopen(path, "r");
	if (!f)
		return 0;
	v = fgets(line, sizeof(line), f) ? td_parse_kernel_version(line) : -1;
	fclose(f);
	return v > 0 ? v : 0;
}

/* An objtree's version, dir relative to cwd (NULL: ours); 0 if none. */
static int version_in(const char *cwd, const char *dir, size_t len)
{
	char path[4096];

	if (dir[0] == '/' || !cwd)
		snprintf(path, sizeof(path), "%.*s", (int)len, dir);
	else
		snprintf(path, sizeof(path), "%s/%.*s", cwd, (int)len, dir);
	return td_kernel_version_of_tree(path);
}

int td_kernel_version_of_argv(char *const *argv, int argc, const char *cwd)
{
	int i, v = version_in(cwd, ".", 1);

	/* kbuild's -I<objtree>/include, however the build dir is named */
	for (i = 0; !v && i < argc; i++) {
		const char *dir = argv[i];
		size_t len;

		if (!strcmp(dir, "-I") && i + 1 < argc)
			dir = argv[++i];
		else if (!strncmp(dir, "-I", 2))
			dir += 2;
		else
			continue;
		len = strlen(dir);
		while (len > 1 && dir[len - 1] == '/')
			len--;
		if (len >= 7 && !strncmp(dir + len - 7, "include", 7) &&
		    (len == 7 || dir[len - 8] == '/'))
			v = version_in(cwd, dir, len - 7 ? len - 7 : 1);
	}
	return v;
}
