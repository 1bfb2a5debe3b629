// SPDX-License-Identifier: GPL-2.0
/*
 * teardown-check --cocci: the checks that need no build, on files or
 * directories as they are, with spatch and the semantic patches of cocci/.
 *
 *   teardown-check --cocci [--mode=report|context|org|patch] [-jN] PATH...
 *
 * Each PATH is parsed first (spatch --parse-c, with cocci/macros.h): a
 * file spatch cannot parse is named, with the line where parsing failed,
 * because the checks do not see the functions spatch drops.  Then every
 * semantic patch runs on it and its output is relayed.
 *
 * Exit status: 0 checked; 1 findings with --fail-on-warn; 2 a file spatch
 * could not parse, spatch missing or failing, or a usage error.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cocci-mode.h"
#include "run.h"

static const char *const patches[] = {
	"teardown_release.cocci",
	"teardown_async.cocci",
};

int td_parse_failure(int *in_error, const char *line, char *file,
		     size_t len, int *at)
{
	const char *f, *l;
	size_t n;

	if (!strncmp(line, "parse error", 11)) {
		*in_error = 1;
		return 0;
	}
	f = strstr(line, "File \"");
	if (!*in_error || !f)
		return 0;
	*in_error = 0;
	f += 6;
	n = strcspn(f, "\"");
	if (n >= len)
		return 0;
	memcpy(file, f, n);
	file[n] = '\0';
	l = strstr(f, ", line ");
	*at = l ? atoi(l + 7) : 0;
	return 1;
}

struct parse_state {
	char file[PATH_MAX];
	int in_error;
	int failures;
};

/* Name each place spatch --parse-c gave up at. */
static void parse_line(const char *line, void *data)
{
	struct parse_state *s = (struct parse_state *)data;
	int at;

	if (!td_parse_failure(&s->in_error, line, s->file, sizeof(s->file),
			      &at))
		return;
	printf("%s:%d: error: spatch cannot parse this; the Coccinelle checks do not see the code it drops [teardown-cocci-parse]\n",
	       s->file, at);
	s->failures++;
}

struct relay_state {
	int findings;
};

/* spatch is very quiet: what it prints is a finding, a diff or an error */
static void relay_line(const char *line, void *data)
{
	struct relay_state *s = (struct relay_state *)data;

	fputs(line, stdout);
	s->findings++;
}

/* cocci/ beside the build tree's binary, or the installed share dir. */
int td_find_cocci_dir(char *dir, size_t len)
{
	char self[PATH_MAX], path[PATH_MAX + 64];

	if (td_self_dir(self, sizeof(self)))
		return -1;
	snprintf(path, sizeof(path), "%s/cocci/macros.h", self);
	if (!access(path, R_OK))
		return snprintf(dir, len, "%s/cocci", self) < (int)len ? 0 : -1;
	snprintf(path, sizeof(path), "%s/../share/teardown-check/cocci/macros.h",
		 self);
	if (!access(path, R_OK))
		return snprintf(dir, len, "%s/../share/teardown-check/cocci",
				self) < (int)len ? 0 : -1;
	return -1;
}

static int is_dir(const char *path)
{
	char probe[PATH_MAX + 4];

	snprintf(probe, sizeof(probe), "%s/.", path);
	return !access(probe, F_OK);
}

int cocci_main(int argc, char **argv)
{
	const char *mode = "report", *jobs = "-j1";
	char dir[PATH_MAX], macros[PATH_MAX + 16], sp[PATH_MAX + 32];
	struct parse_state parsed;
	struct relay_state relayed = { 0 };
	int i, p, status, fail_on_warn = 0, npaths = 0, spatch_failed = 0;

	memset(&parsed, 0, sizeof(parsed));
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--cocci"))
			continue;
		if (!strncmp(argv[i], "--mode=", 7)) {
			mode = argv[i] + 7;
			if (strcmp(mode, "report") && strcmp(mode, "context") &&
			    strcmp(mode, "org") && strcmp(mode, "patch")) {
				fprintf(stderr, "teardown-check: unknown mode '%s': report, context, org or patch\n",
					mode);
				return 2;
			}
		} else if (!strncmp(argv[i], "-j", 2) && argv[i][2]) {
			jobs = argv[i];
		} else if (!strcmp(argv[i], "--fail-on-warn")) {
			fail_on_warn = 1;
		} else if (argv[i][0] == '-') {
			fprintf(stderr, "teardown-check: unknown option '%s' with --cocci (see --help)\n",
				argv[i]);
			return 2;
		} else if (access(argv[i], R_OK)) {
			fprintf(stderr, "teardown-check: cannot read '%s'\n", argv[i]);
			return 2;
		} else {
			npaths++;
		}
	}
	if (!npaths) {
		fputs("teardown-check: --cocci needs a file or directory\n", stderr);
		return 2;
	}
	if (td_find_cocci_dir(dir, sizeof(dir))) {
		fputs("teardown-check: cannot find the semantic patches (cocci/): run make install\n",
		      stderr);
		return 2;
	}
	snprintf(macros, sizeof(macros), "%s/macros.h", dir);
	fflush(stdout);
	for (i = 1; i < argc; i++) {
		char *parse[] = { (char *)"spatch", (char *)"--parse-c",
				  argv[i], (char *)"--macro-file",
				  macros, NULL };

		if (argv[i][0] == '-')
			continue;
		status = td_run_lines(parse, 1, parse_line, &parsed);
		if (status < 0 || (WIFEXITED(status) &&
				   WEXITSTATUS(status) == 127)) {
			fputs("teardown-check: spatch not found: apt-get install coccinelle\n",
			      stderr);
			return 2;
		}
		for (p = 0; p < (int)(sizeof(patches) / sizeof(patches[0])); p++) {
			char *cmd[16];
			int n = 0;

			snprintf(sp, sizeof(sp), "%s/%s", dir, patches[p]);
			cmd[n++] = (char *)"spatch";
			cmd[n++] = (char *)"--no-includes";
			cmd[n++] = (char *)"--include-headers";
			cmd[n++] = (char *)"--very-quiet";
			cmd[n++] = (char *)"--macro-file";
			cmd[n++] = macros;
			cmd[n++] = (char *)"--sp-file";
			cmd[n++] = sp;
			cmd[n++] = (char *)"-D";
			cmd[n++] = (char *)mode;
			if (is_dir(argv[i])) {
				cmd[n++] = (char *)"--dir";
				cmd[n++] = argv[i];
				cmd[n++] = (char *)jobs;
			} else {
				cmd[n++] = argv[i];
			}
			cmd[n] = NULL;
			if (td_run_lines(cmd, 1, relay_line, &relayed))
				spatch_failed = 1;
			fflush(stdout);
		}
	}
	if (spatch_failed)
		fputs("teardown-check: spatch failed (see above)\n", stderr);
	if (parsed.failures || spatch_failed)
		return 2;
	return fail_on_warn && relayed.findings ? 1 : 0;
}
