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

void td_format_kernel_version(int v, char *buf, size_t len)
{
	if (v <= 0)
		snprintf(buf, len, "unknown");
	else
		snprintf(buf, len, "%d.%d.%d", v >> 16, (v >> 8) & 0xff,
			 v & 0xff);
}
