// SPDX-License-Identifier: GPL-2.0
/*
 * Inline suppressions: a comment on a finding's line, or on the line just
 * before it, that says
 *
 *	teardown-check: ignore TAG[,TAG...] [reason]
 *
 * silences those tags there ("all" silences every tag).  The source is
 * read only when a finding is about to be reported, so a file without
 * findings costs nothing.
 */
#include <stdio.h>
#include <string.h>

#include "teardown.h"

#define SUPPRESS_MARK "teardown-check: ignore"

/* Does the comment text after the mark name tag (or "all")? */
static int names_tag(const char *p, const char *tag)
{
	char list[256];
	size_t n;

	p += strspn(p, " \t");
	n = strspn(p, "abcdefghijklmnopqrstuvwxyz-,");
	if (n >= sizeof(list))
		n = sizeof(list) - 1;
	memcpy(list, p, n);
	list[n] = '\0';
	return td_in_list(list, tag) || td_in_list(list, "all");
}

int td_suppressed(const char *file, int line, const char *tag)
{
	char buf[4096];
	FILE *f;
	int n = 0, found = 0;

	if (!file || line < 1 || !tag || !(f = fopen(file, "r")))
		return 0;
	while (!found && n < line && fgets(buf, sizeof(buf), f)) {
		const char *mark;

		/* a line longer than the buffer counts once, at its end */
		if (!strchr(buf, '\n') && !feof(f))
			continue;
		n++;
		if (n < line - 1)
			continue;
		mark = strstr(buf, SUPPRESS_MARK);
		found = mark && names_tag(mark + strlen(SUPPRESS_MARK), tag);
	}
	fclose(f);
	return found;
}
