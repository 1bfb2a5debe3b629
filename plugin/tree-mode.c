// SPDX-License-Identifier: GPL-2.0
/*
 * teardown-check on a tree, and as a CI gate:
 *
 *   teardown-check [--build DIR | --compile-commands FILE] [-j N]
 *                  [--format text|json|sarif] [--baseline FILE]
 *                  [--write-baseline FILE] [--since REV] PATH...
 *
 * Every .c file under each PATH is checked.  With a kernel build directory
 * or a compile_commands.json, the GCC plugin runs with each file's real
 * flags (kbuild's own record of them, or kbuild asked for them once);
 * without one, the Coccinelle checks run on the files as they are.
 * Findings are gathered from the front ends' records, named by line-free
 * fingerprints, filtered by the baseline, and printed at the end, with a
 * summary on stderr.
 *
 * Exit status: 0 no new findings; 1 new findings; 2 usage or tool error
 * (and, with --strict, a file that could not be checked wholly).  A file
 * that does not compile or parse is named, and the scan goes on.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "teardown.h"
#include "cocci-mode.h"
#include "compdb.h"
#include "findings.h"
#include "factsdb.h"
#include "linker.h"
#include "record.h"
#include "run.h"
#include "tree-mode.h"

struct tree_opts {
	const char *build, *compdb, *baseline, *write_baseline, *since;
	const char *root, *plugin, *rules, *cc, *enable, *disable, *frontend;
	const char *confidence;	/* the least reported (td_confidence_parse) */
	enum td_format format;
	int jobs, cocci, progress, quiet, strict;
	int no_link;		/* judge each file alone (--no-link) */
	const char *db;		/* keep the facts there (--db FILE) */
	int shard, shards;	/* --shard K/N: check the K-th of N parts */
	int link;		/* --link DB...: judge what databases hold */
	int linked_only;	/* report only what linking adds */
	int trace;		/* the linked judgements' reasoning */
};

/* One file to check, and what became of it. */
struct tree_file {
	char *path;		/* canonical */
	char *rel;		/* relative to the root */
	struct td_compile cmd;	/* how kbuild compiles it (compiler front ends) */
	int have_cmd;
	const char *skipped;	/* why it was not checked, or NULL */
	char *detail;		/* the compiler's or spatch's first error */
	int first_result, nresults;	/* its front end's findings */
	struct td_unit_stats own;	/* and what it counted */
	int unit;		/* its unit in the facts database, or -1 */
	int cached;		/* unchanged since the database's last scan */
	char compile[17];	/* the hash of its check's compile */
};

struct tree {
	struct tree_opts o;
	struct tree_file *f;
	int n, cap;
	char root[PATH_MAX];
	char src[PATH_MAX];	/* kernel source tree of --build */
	char build[PATH_MAX];
	char tmp[PATH_MAX];	/* our scratch directory */
	char cocci_dir[PATH_MAX];
	struct td_compdb db;
	int have_db;
	struct td_rules *rules;
	enum td_frontend fe;	/* the compiler's plugin, unless --cocci */
	int clang_build;	/* --build was configured with LLVM=1 */
	struct td_results results;
	struct td_factsdb *fdb;	/* every unit's facts (compiler front ends) */
	struct td_link_stats link;
	int alone_handed_off;	/* handed_off before linking */
	int cached;		/* files whose database entry was still good */
	int done;
	time_t start;
};

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		td_die("%s", "out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	return strcpy((char *)xrealloc(NULL, strlen(s) + 1), s);
}

/* ------------------------------------------------------------ options */

static const char *tree_usage =
	"tree and gate modes: check every .c file under each PATH\n"
	"  --build DIR             kernel build directory (make O=DIR ...): run the\n"
	"                          GCC plugin with each file's real kbuild flags\n"
	"  --compile-commands FILE a compile_commands.json to take the flags from\n"
	"  (neither: run the Coccinelle checks on the files as they are)\n"
	"  -j N                    run N checks at once (default: number of CPUs)\n"
	"  --format text|json|sarif  findings on stdout as gcc-style text, JSON or\n"
	"                          SARIF 2.1.0 (default: text)\n"
	"  --baseline FILE         report only findings not in FILE\n"
	"  --write-baseline FILE   write every finding to FILE (then exit 0)\n"
	"  --since REV             check only .c files changed since git revision REV\n"
	"  --enable TAGS           report only these checks (comma-separated tags)\n"
	"  --disable TAGS          do not report these checks\n"
	"  --confidence LEVEL      report findings of at least LEVEL: low,\n"
	"                          medium or high (default: $TEARDOWN_CONFIDENCE,\n"
	"                          medium)\n"
	"  --root DIR              file names are relative to DIR (default: the\n"
	"                          kernel tree the files are in)\n"
	"  --cocci                 use the Coccinelle checks even with a build\n"
	"  --progress, --no-progress  progress on stderr (default: if a terminal)\n"
	"  --strict                exit 2 when a file could not be checked wholly\n"
	"  --no-link               judge each file alone, not a driver with the\n"
	"                          other files its code calls into\n"
	"  --db FILE               keep every file's facts in the SQLite database\n"
	"                          FILE: a rerun checks only what changed, and\n"
	"                          links with what FILE holds from other runs\n"
	"  --shard K/N             check the K-th of N parts of the files into --db\n"
	"                          FILE, and report nothing (see --link)\n"
	"  --link DB...            judge what the databases (a scan's shards) hold,\n"
	"                          linked, and report as one scan would\n"
	"  --linked-only           report only what linking adds to the files'\n"
	"                          own findings (after make C=1: --link DB)\n"
	"  --trace                 print the engine's reasoning on each driver\n"
	"                          judged linked\n"
	"  --quiet                 no summary\n"
	"  --plugin=SO --rules=FILE --cc=CC --frontend=gcc|clang   as in kbuild mode\n"
	"\n"
	"Exit status: 0 no new findings, 1 new findings, 2 usage or tool error.\n"
	"--cocci --mode=context|org|patch PATH... prints spatch's own output.\n";

void td_tree_usage(FILE *out)
{
	fputs(tree_usage, out);
}

/* "--name=value" or "--name value"; returns the value or NULL. */
static const char *valued(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n))
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n])
		return NULL;
	if (*i + 1 >= argc)
		td_die("option '%s' needs a value (see --help)", name);
	return argv[++*i];
}

/* An option without a value: sets its int.  1 if a was one. */
static int flag_option(struct tree_opts *o, const char *a)
{
	static const struct {
		const char *name;
		long off;	/* -1: accepted, and nothing to set */
		int value;
	} flags[] = {
		{ "--mode=report", offsetof(struct tree_opts, cocci), 1 },
		{ "--cocci", offsetof(struct tree_opts, cocci), 1 },
		{ "--progress", offsetof(struct tree_opts, progress), 1 },
		{ "--no-progress", offsetof(struct tree_opts, progress), 0 },
		{ "--strict", offsetof(struct tree_opts, strict), 1 },
		{ "--quiet", offsetof(struct tree_opts, quiet), 1 },
		{ "--no-link", offsetof(struct tree_opts, no_link), 1 },
		{ "--link", offsetof(struct tree_opts, link), 1 },
		{ "--linked-only", offsetof(struct tree_opts, linked_only), 1 },
		{ "--trace", offsetof(struct tree_opts, trace), 1 },
		/* tree mode always fails on new findings */
		{ "--fail-on-warn", -1, 0 },
	};
	unsigned int k;

	for (k = 0; k < sizeof(flags) / sizeof(flags[0]); k++)
		if (!strcmp(a, flags[k].name)) {
			if (flags[k].off >= 0)
				*(int *)((char *)o + flags[k].off) =
					flags[k].value;
			return 1;
		}
	return 0;
}

static int parse_options(struct tree_opts *o, int argc, char **argv,
			 char **paths)
{
	static const struct {
		const char *name;
		size_t off;
	} named[] = {
		{ "--build", offsetof(struct tree_opts, build) },
		{ "--compile-commands", offsetof(struct tree_opts, compdb) },
		{ "--baseline", offsetof(struct tree_opts, baseline) },
		{ "--write-baseline", offsetof(struct tree_opts, write_baseline) },
		{ "--since", offsetof(struct tree_opts, since) },
		{ "--root", offsetof(struct tree_opts, root) },
		{ "--plugin", offsetof(struct tree_opts, plugin) },
		{ "--rules", offsetof(struct tree_opts, rules) },
		{ "--cc", offsetof(struct tree_opts, cc) },
		{ "--frontend", offsetof(struct tree_opts, frontend) },
		{ "--enable", offsetof(struct tree_opts, enable) },
		{ "--disable", offsetof(struct tree_opts, disable) },
		{ "--confidence", offsetof(struct tree_opts, confidence) },
		{ "--db", offsetof(struct tree_opts, db) },
	};
	int i, npaths = 0;
	unsigned int k;
	const char *v;

	o->progress = -1;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		for (k = 0; k < sizeof(named) / sizeof(named[0]); k++)
			if ((v = valued(argc, argv, &i, named[k].name))) {
				const char **slot = (const char **)
					((char *)o + named[k].off);

				/* silently keeping the last would be a guess */
				if (*slot)
					td_die("%s given twice", named[k].name);
				*slot = v;
				break;
			}
		if (k < sizeof(named) / sizeof(named[0]))
			continue;
		if ((v = valued(argc, argv, &i, "--format"))) {
			if (!strcmp(v, "text"))
				o->format = TD_FORMAT_TEXT;
			else if (!strcmp(v, "json"))
				o->format = TD_FORMAT_JSON;
			else if (!strcmp(v, "sarif"))
				o->format = TD_FORMAT_SARIF;
			else
				td_die("unknown format '%s': text, json or sarif", v);
		} else if (!strncmp(a, "-j", 2)) {
			char *end;

			v = a[2] ? a + 2 : i + 1 < argc ? argv[++i] : "";
			o->jobs = (int)strtol(v, &end, 10);
			if (o->jobs < 1 || *end || end == v)
				td_die("-j needs a number of jobs, not '%s'", v);
		} else if ((k = flag_option(o, a))) {
			continue;
		} else if ((v = valued(argc, argv, &i, "--shard"))) {
			char *end;

			if (o->shards)
				td_die("%s given twice", "--shard");
			o->shard = (int)strtol(v, &end, 10);
			o->shards = *end == '/' ? (int)strtol(end + 1, &end, 10)
						: 0;
			if (*end || o->shards < 1 || o->shard < 1 ||
			    o->shard > o->shards)
				td_die("--shard needs K/N with 1 <= K <= N, not '%s'",
				       v);
		} else if (a[0] == '-') {
			td_die("unknown option '%s' (see --help)", a);
		} else {
			paths[npaths++] = argv[i];
		}
	}
	if (!npaths)
		td_die("%s", "no PATH to check (see --help)");
	/* a partial run would wipe the other files' entries */
	if (o->write_baseline && o->since)
		td_die("%s", "--write-baseline with --since would keep only the "
		       "changed files' findings: write it from a whole run");
	/* a baseline that cannot be written is told before the scan */
	if (o->write_baseline) {
		char dir[PATH_MAX], *slash;

		snprintf(dir, sizeof(dir), "%s", o->write_baseline);
		slash = strrchr(dir, '/');
		if (slash)
			slash[slash == dir] = '\0';
		if (access(slash ? dir : ".", W_OK))
			td_die("cannot write the baseline '%s': its directory "
			       "is not writable", o->write_baseline);
	}
	if (o->shards && !o->db)
		td_die("%s", "--shard needs --db FILE: the part checked is kept "
		       "there for --link to merge");
	if (o->shards && (o->baseline || o->write_baseline || o->link))
		td_die("%s", "--shard reports nothing: give --baseline, "
		       "--write-baseline to the --link run that merges");
	if (o->link && (o->build || o->compdb || o->since || o->db ||
			o->cocci))
		td_die("%s", "--link reads databases only: no --build, "
		       "--compile-commands, --since, --db or --cocci");
	if (o->linked_only && (o->no_link || o->cocci))
		td_die("%s", "--linked-only needs linking: not with --no-link "
		       "or --cocci");
	if (o->cocci && (o->build || o->compdb))
		o->build = o->compdb = NULL;
	if (o->jobs < 1) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);

		o->jobs = cpus > 0 ? (int)cpus : 1;
	}
	return npaths;
}

/* -------------------------------------------------------------- files */

static int is_c_file(const char *name)
{
	size_t n = strlen(name);

	return n > 2 && !strcmp(name + n - 2, ".c");
}

static void add_file(struct tree *t, const char *path)
{
	char real[PATH_MAX];

	if (!realpath(path, real))
		return;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 256;
		t->f = (struct tree_file *)xrealloc(t->f, t->cap * sizeof(*t->f));
	}
	memset(&t->f[t->n], 0, sizeof(t->f[t->n]));
	t->f[t->n].unit = -1;
	t->f[t->n++].path = xstrdup(real);
}

static void walk(struct tree *t, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[PATH_MAX];
	struct stat st;

	if (!d) {
		fprintf(stderr, "teardown-check: cannot read directory '%s': %s\n",
			dir, strerror(errno));
		return;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;	/* ., .., and kbuild's .tmp/.cmd files */
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (lstat(path, &st))
			continue;
		if (S_ISDIR(st.st_mode))
			walk(t, path);
		else if (S_ISREG(st.st_mode) && is_c_file(e->d_name))
			add_file(t, path);
	}
	closedir(d);
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct tree_file *)a)->path,
		      ((const struct tree_file *)b)->path);
}

/* Run argv, its first line of output in 'line'; returns its exit code. */
static int first_line(char *const argv[], const char *cwd, char *line,
		      size_t len, const char *tmp)
{
	char out[PATH_MAX + 16];
	int status;
	pid_t pid;
	FILE *in;

	snprintf(out, sizeof(out), "%s/cmd.out", tmp);
	pid = td_spawn(argv, cwd, out);
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return -1;
	line[0] = '\0';
	if ((in = fopen(out, "r"))) {
		if (fgets(line, (int)len, in))
			line[strcspn(line, "\n")] = '\0';
		fclose(in);
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* --since: keep the files git says changed since rev (or are new). */
/*
 * Does the .c file include one of the changed headers?  Matched by the
 * header's name as the #include line writes it ("common.h",
 * <linux/foo.h>): a driver's own header is found without the compiler.
 */
static int includes_changed(const char *path, char **changed, int nchanged)
{
	char line[1024];
	int k, found = 0;
	FILE *f = NULL;

	for (k = 0; k < nchanged && !f; k++)
		if (strlen(changed[k]) > 2 &&
		    !strcmp(changed[k] + strlen(changed[k]) - 2, ".h"))
			f = fopen(path, "r");
	while (f && !found && fgets(line, sizeof(line), f)) {
		const char *p = line + strspn(line, " \t");

		if (*p != '#' || !strstr(p, "include"))
			continue;
		for (k = 0; k < nchanged && !found; k++) {
			const char *base = strrchr(changed[k], '/');
			const char *at;
			size_t len;

			base = base ? base + 1 : changed[k];
			len = strlen(base);
			if (len < 3 || strcmp(base + len - 2, ".h"))
				continue;
			for (at = strstr(p, base); at && !found;
			     at = strstr(at + 1, base))
				found = (at[-1] == '"' || at[-1] == '<' ||
					 at[-1] == '/') &&
					(at[len] == '"' || at[len] == '>');
		}
	}
	if (f)
		fclose(f);
	return found;
}

static void keep_changed(struct tree *t, const char *rev)
{
	char dir[PATH_MAX], top[PATH_MAX], out[PATH_MAX + 16], line[PATH_MAX];
	char *slash;
	char **changed = NULL;
	int nchanged = 0, i, k, n = 0, pass;
	FILE *in;

	if (!t->n)
		return;
	snprintf(dir, sizeof(dir), "%s", t->f[0].path);
	slash = strrchr(dir, '/');
	*slash = '\0';
	{
		char *top_cmd[] = { (char *)"git", (char *)"rev-parse",
				    (char *)"--show-toplevel", NULL };

		if (first_line(top_cmd, dir, top, sizeof(top), t->tmp))
			td_die("--since: '%s' is not in a git work tree", dir);
	}
	for (pass = 0; pass < 2; pass++) {
		char *diff[] = { (char *)"git", (char *)"diff", (char *)"--name-only",
				 (char *)rev, (char *)"--", NULL };
		char *untracked[] = { (char *)"git", (char *)"ls-files",
				      (char *)"--others", (char *)"--exclude-standard",
				      NULL };
		int rc;

		rc = first_line(pass ? untracked : diff, top, line, sizeof(line),
				t->tmp);
		if (rc) {
			fprintf(stderr, "teardown-check: --since %s: git says: %s\n",
				rev, line);
			exit(2);
		}
		snprintf(out, sizeof(out), "%s/cmd.out", t->tmp);
		in = fopen(out, "r");
		while (in && fgets(line, sizeof(line), in)) {
			char path[PATH_MAX * 2], real[PATH_MAX];

			line[strcspn(line, "\n")] = '\0';
			snprintf(path, sizeof(path), "%s/%s", top, line);
			if (!realpath(path, real))
				continue;	/* deleted since rev */
			changed = (char **)xrealloc(changed,
					(nchanged + 1) * sizeof(*changed));
			changed[nchanged++] = xstrdup(real);
		}
		if (in)
			fclose(in);
	}
	for (i = 0; i < t->n; i++) {
		for (k = 0; k < nchanged; k++)
			if (!strcmp(changed[k], t->f[i].path))
				break;
		if (k < nchanged || includes_changed(t->f[i].path, changed,
						      nchanged))
			t->f[n++] = t->f[i];
		else
			free(t->f[i].path);
	}
	t->n = n;
	for (k = 0; k < nchanged; k++)
		free(changed[k]);
	free(changed);
}

/* ------------------------------------------------- flags for gcc's runs */

static int exists(const char *dir, const char *name)
{
	char path[PATH_MAX * 2];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return !access(path, R_OK);
}

/* Was the build configured for clang (make LLVM=1 ... config)? */
static int config_is_clang(const char *build)
{
	char path[PATH_MAX + 16], line[256];
	FILE *f;
	int clang = 0;

	snprintf(path, sizeof(path), "%s/.config", build);
	if (!(f = fopen(path, "r")))
		return 0;
	while (!clang && fgets(line, sizeof(line), f))
		clang = !strcmp(line, "CONFIG_CC_IS_CLANG=y\n");
	fclose(f);
	return clang;
}

static void check_build_dir(struct tree *t)
{
	char src[PATH_MAX + 16];

	if (!realpath(t->o.build, t->build))
		td_die("cannot read the build directory '%s'", t->o.build);
	if (!exists(t->build, ".config"))
		td_die("'%s' is not a kernel build directory (no .config): run make O=DIR allmodconfig (or your config) first",
			 t->o.build);
	if (!exists(t->build, "include/generated/autoconf.h") ||
	    !exists(t->build, "include/config/auto.conf"))
		td_die("the kernel build directory '%s' is not prepared: run make O=DIR modules_prepare",
			 t->o.build);
	t->clang_build = config_is_clang(t->build);
	/* O= builds link back to their source; in-tree builds are it */
	snprintf(src, sizeof(src), "%s/source", t->build);
	if (!realpath(src, t->src))
		snprintf(t->src, sizeof(t->src), "%s", t->build);
}

/* .NAME.SUFFIX.cmd beside where kbuild puts the object of rel. */
static void cmd_file(const struct tree *t, const char *rel, const char *suffix,
		     char *out, size_t len)
{
	const char *slash = strrchr(rel, '/');
	int dir = slash ? (int)(slash - rel) : 0;
	const char *base = slash ? slash + 1 : rel;

	snprintf(out, len, "%s/%.*s%s.%.*s.%s.cmd", t->build, dir, rel,
		 dir ? "/" : "", (int)strlen(base) - 2, base, suffix);
}

/*
 * The first line of a file that contains 'what' (and 'error', if there
 * is one such), for the reasons a file was not checked.
 */
static char *first_with(const char *path, const char *what)
{
	char *line = NULL, *found = NULL;
	size_t cap = 0;
	FILE *in = fopen(path, "r");
	int pass;

	for (pass = 0; in && !found && pass < 2; pass++) {
		rewind(in);
		while (!found && getline(&line, &cap, in) > 0) {
			if (!strstr(line, what) ||
			    (!pass && !strstr(line, "error")))
				continue;
			line[strcspn(line, "\n")] = '\0';
			found = xstrdup(line);
		}
	}
	free(line);
	if (in)
		fclose(in);
	return found;
}

/*
 * Files kbuild has never built here: ask it to preprocess them (make
 * DIR/FILE.i, in one run), which leaves the flags in .FILE.i.cmd exactly
 * as it would compile the object; then drop what that made.
 */
static void ask_kbuild(struct tree *t)
{
	char **argv, jobs[32], cmd[PATH_MAX * 2], llvm[PATH_MAX];
	static char log[PATH_MAX + 16];
	char path[PATH_MAX * 2];
	int i, n = 0, want = 0, status, first;
	pid_t pid;

	for (i = 0; i < t->n; i++)
		want += !t->f[i].have_cmd && !t->f[i].skipped;
	if (!want)
		return;
	argv = (char **)xrealloc(NULL, (want + 8) * sizeof(*argv));
	snprintf(jobs, sizeof(jobs), "-j%d", t->o.jobs);
	argv[n++] = (char *)"make";
	argv[n++] = (char *)"-s";
	argv[n++] = (char *)"-k";
	argv[n++] = jobs;
	/* a clang build is asked as it was made: LLVM=1, or the user's LLVM= */
	if (t->clang_build) {
		snprintf(llvm, sizeof(llvm), "LLVM=%s",
			 getenv("LLVM") && *getenv("LLVM") ? getenv("LLVM") : "1");
		argv[n++] = llvm;
	}
	first = n;
	for (i = 0; i < t->n; i++) {
		if (t->f[i].have_cmd || t->f[i].skipped)
			continue;
		snprintf(path, sizeof(path), "%.*si", (int)strlen(t->f[i].rel) - 1,
			 t->f[i].rel);
		argv[n++] = xstrdup(path);
	}
	argv[n] = NULL;
	snprintf(log, sizeof(log), "%s/kbuild.log", t->tmp);
	if (t->o.progress)
		fprintf(stderr, "teardown-check: asking kbuild for the flags of %d files\n",
			want);
	pid = td_spawn(argv, t->build, log);
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		td_die("%s", "cannot run make");
	for (i = first; i < n; i++)
		free(argv[i]);
	free(argv);
	for (i = 0; i < t->n; i++) {
		struct tree_file *f = &t->f[i];

		if (f->have_cmd || f->skipped)
			continue;
		cmd_file(t, f->rel, "i", cmd, sizeof(cmd));
		f->have_cmd = !td_read_kbuild_cmd(cmd, t->build, &f->cmd);
		unlink(cmd);
		snprintf(path, sizeof(path), "%s/%.*si", t->build,
			 (int)strlen(f->rel) - 1, f->rel);
		unlink(path);
		if (!f->have_cmd) {
			f->skipped = "kbuild cannot preprocess it";
			f->detail = first_with(log, f->rel);
		}
	}
}

static void find_flags(struct tree *t)
{
	char cmd[PATH_MAX * 2], err[1024], dbpath[PATH_MAX + 32];
	int i;

	if (t->o.compdb || (t->o.build &&
			    (snprintf(dbpath, sizeof(dbpath), "%s/compile_commands.json",
				      t->build), !access(dbpath, R_OK)))) {
		if (td_compdb_load(t->o.compdb ? t->o.compdb : dbpath, &t->db,
				   err, sizeof(err)))
			td_die("%s", err);
		t->have_db = 1;
	}
	for (i = 0; i < t->n; i++) {
		struct tree_file *f = &t->f[i];
		const struct td_compile *c = t->have_db ?
			td_compdb_find(&t->db, f->path) : NULL;

		if (c) {
			f->cmd.dir = xstrdup(c->dir);
			f->cmd.file = xstrdup(c->file);
			f->cmd.argc = c->argc;
			f->cmd.argv = (char **)xrealloc(NULL,
					(c->argc + 1) * sizeof(char *));
			for (int k = 0; k <= c->argc; k++)
				f->cmd.argv[k] = c->argv[k] ?
					xstrdup(c->argv[k]) : NULL;
			f->have_cmd = 1;
			continue;
		}
		if (!t->o.build) {
			f->skipped = "not in compile_commands.json";
			continue;
		}
		if (strncmp(f->path, t->src, strlen(t->src)) ||
		    f->path[strlen(t->src)] != '/') {
			f->skipped = "outside the build's source tree";
			continue;
		}
		cmd_file(t, f->rel, "o", cmd, sizeof(cmd));
		f->have_cmd = !td_read_kbuild_cmd(cmd, t->build, &f->cmd);
	}
	if (t->o.build)
		ask_kbuild(t);
}

/* --------------------------------------------------------------- jobs */

struct job {
	pid_t pid;
	int file, nfiles;	/* the files it checks: a run of t->f */
	int ncmd;
	char **argv[3];
	char *cwd;
	char out[PATH_MAX + 32];	/* command i writes out.i */
};

/* Run the job's commands one after the other, in a child of ours. */
static pid_t start_job(struct job *j)
{
	pid_t pid = fork();
	char out[PATH_MAX + 48];
	int i, status;

	if (pid)
		return pid;
	for (i = 0; i < j->ncmd; i++) {
		pid_t c;

		snprintf(out, sizeof(out), "%s.%d", j->out, i);
		c = td_spawn(j->argv[i], j->cwd, out);
		if (c < 0 || waitpid(c, &status, 0) < 0)
			_exit(127);
		if (i == j->ncmd - 1)
			_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128);
	}
	_exit(0);
}

/* kbuild's compile command, made into a check: no object, no deps. */
static char **gcc_job(struct tree *t, const struct tree_file *f,
		      const char *records, const char *facts)
{
	int n = 0, i;
	char **argv = (char **)xrealloc(NULL,
			(f->cmd.argc + TD_PLUGIN_ARGS + 5) * sizeof(*argv));
	char *rec = (char *)xrealloc(NULL, strlen(records) + 64);

	argv[n++] = xstrdup(t->o.cc ? t->o.cc :
			    td_frontend_of(f->cmd.argv[0], NULL, 0) == t->fe ?
			    f->cmd.argv[0] : td_compiler_for(t->fe));
	for (i = 1; i < f->cmd.argc; i++) {
		const char *a = f->cmd.argv[i];

		if (!strcmp(a, "-c") || !strcmp(a, "-E") || !strcmp(a, "-MD") ||
		    !strcmp(a, "-MMD") || !strncmp(a, "-Wp,-MMD,", 9) ||
		    !strncmp(a, "-Wp,-MD,", 8))
			continue;
		if (!strcmp(a, "-o") || !strcmp(a, "-MF") || !strcmp(a, "-MT") ||
		    !strcmp(a, "-MQ")) {
			i++;
			continue;
		}
		argv[n++] = xstrdup(a);
	}
	n += td_plugin_argv(argv + n, t->fe, t->o.plugin, t->o.rules, t->o.enable,
			    t->o.disable, t->o.confidence);
	sprintf(rec, "-fplugin-arg-teardown_check-records=%s", records);
	argv[n++] = rec;
	if (facts) {
		rec = (char *)xrealloc(NULL, strlen(facts) + 64);
		sprintf(rec, "-fplugin-arg-teardown_check-facts=%s", facts);
		argv[n++] = rec;
	}
	argv[n] = NULL;
	return argv;
}

/*
 * spatch on a run of files: patch NULL parses them (--parse-c names where
 * it gives up), else one semantic patch over them as file groups of one
 * file each, so one process serves many files and each is matched alone.
 */
static char **cocci_job(struct tree *t, const struct job *j, const char *patch)
{
	char **argv = (char **)xrealloc(NULL, (j->nfiles + 16) * sizeof(*argv));
	char macros[PATH_MAX + 16], path[PATH_MAX + 64];
	int n = 0, i;

	snprintf(macros, sizeof(macros), "%s/macros.h", t->cocci_dir);
	argv[n++] = xstrdup("spatch");
	argv[n++] = xstrdup("--macro-file");
	argv[n++] = xstrdup(macros);
	if (!patch) {
		argv[n++] = xstrdup("--parse-c");
		for (i = 0; i < j->nfiles; i++)
			argv[n++] = xstrdup(t->f[j->file + i].path);
	} else {
		FILE *groups;

		snprintf(path, sizeof(path), "%s.groups", j->out);
		if (!(groups = fopen(path, "w")))
			td_die("cannot write '%s'", path);
		for (i = 0; i < j->nfiles; i++)
			fprintf(groups, "%s\n\n", t->f[j->file + i].path);
		fclose(groups);
		argv[n++] = xstrdup("--no-includes");
		argv[n++] = xstrdup("--include-headers");
		argv[n++] = xstrdup("--very-quiet");
		argv[n++] = xstrdup("-D");
		argv[n++] = xstrdup("report");
		argv[n++] = xstrdup("--file-groups");
		argv[n++] = xstrdup(path);
		snprintf(path, sizeof(path), "%s/%s", t->cocci_dir, patch);
		argv[n++] = xstrdup("--sp-file");
		argv[n++] = xstrdup(path);
	}
	argv[n] = NULL;
	return argv;
}

static void job_free(struct job *j)
{
	int i, k;

	for (i = 0; i < j->ncmd; i++) {
		for (k = 0; j->argv[i][k]; k++)
			free(j->argv[i][k]);
		free(j->argv[i]);
	}
	j->ncmd = 0;
}

/* A spatch report line "FILE:L:C-C: MSG [tag]" as a result. */
static void cocci_line(struct tree *t, char *line, const char *cwd)
{
	char path[PATH_MAX], *p, *msg, *tag, *q, *in;
	int l, c;
	struct td_found *r;

	line[strcspn(line, "\n")] = '\0';
	p = strstr(line, ": ");
	tag = strrchr(line, '[');
	if (!p || !tag || strncmp(tag, "[teardown-", 10))
		return;
	msg = p + 2;
	*p = '\0';
	/* FILE:LINE:COL-COL */
	if (!(p = strrchr(line, ':')))
		return;
	c = atoi(p + 1);
	*p = '\0';
	if (!(p = strrchr(line, ':')))
		return;
	l = atoi(p + 1);
	*p = '\0';
	r = td_results_add(&t->results);
	free(r->file);
	r->file = xstrdup(td_root_path(line, cwd, t->results.root, path,
				       sizeof(path)));
	r->line = l;
	r->col = c + 1;		/* spatch counts columns from 0 */
	free(r->msg);
	r->msg = xstrdup(msg);
	free(r->tag);
	r->tag = xstrdup(tag + 1);
	r->tag[strcspn(r->tag, "]")] = '\0';
	/* as the scripts' headers say: Moderate but for the async one */
	r->confidence = !strcmp(r->tag, "teardown-async") ?
			TD_CONFIDENCE_HIGH : TD_CONFIDENCE_MEDIUM;
	/* the plugin's message text: the resource is the first 'quoted' */
	if ((q = strchr(msg, '\'')) && strchr(q + 1, '\'')) {
		free(r->resource);
		r->resource = xstrdup(q + 1);
		r->resource[strcspn(r->resource, "'")] = '\0';
	}
	/* ... and the function the first "in NAME()" */
	for (in = strstr(msg, " in "); in; in = strstr(in + 1, " in ")) {
		size_t n = strspn(in + 4, "abcdefghijklmnopqrstuvwxyz"
				  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

		if (n && !strncmp(in + 4 + n, "()", 2)) {
			free(r->function);
			r->function = xstrdup(in + 4);
			r->function[n] = '\0';
			break;
		}
	}
}

/* What a file's records added to the summed counters: d = a - b. */
static void stats_diff(struct td_unit_stats *d, const struct td_unit_stats *a,
		       const struct td_unit_stats *b)
{
	const int *pa = (const int *)a, *pb = (const int *)b;
	int *pd = (int *)d;
	size_t i;

	for (i = 0; i < sizeof(*d) / sizeof(int); i++)
		pd[i] = pa[i] - pb[i];
}

/*
 * Keep the unit's facts (names made relative to the root, as its records
 * are) and records in the database: the linker reads them there, and a
 * rerun takes them back if nothing the compiler read has changed.
 */
static void store_unit(struct tree *t, struct tree_file *f,
		       const struct job *j, const char *records)
{
	char path[PATH_MAX + 48], err[1024];

	snprintf(path, sizeof(path), "%s.facts", j->out);
	f->unit = td_factsdb_put_file(t->fdb, f->rel, f->compile,
			td_kernel_version_of_argv(f->cmd.argv, f->cmd.argc,
						  f->cmd.dir),
			path, j->cwd, t->root, records, err, sizeof(err));
	unlink(path);
	if (f->unit < 0)
		fprintf(stderr, "%steardown-check: %s: facts not kept (%s); "
			"judged alone\n", t->o.progress ? "\r\033[K" : "",
			f->rel, err);
}

/* Read records (relative to the root) as file f's own findings. */
static int take_records(struct tree *t, struct tree_file *f,
			const char *records)
{
	struct td_unit_stats before = t->results.stats;
	FILE *in = fmemopen((void *)records, strlen(records), "r");
	int units;

	f->first_result = t->results.n;
	units = in ? td_results_read_stream(&t->results, in, t->root) : -1;
	if (in)
		fclose(in);
	f->nresults = t->results.n - f->first_result;
	stats_diff(&f->own, &t->results.stats, &before);
	return units;
}

/* Name each file not checked, or not wholly, as soon as it is known. */
static void say_skipped(const struct tree *t, const struct tree_file *f)
{
	if (f->skipped)
		fprintf(stderr, "%steardown-check: %s: %s%s%s\n",
			t->o.progress ? "\r\033[K" : "", f->rel, f->skipped,
			f->detail ? ": " : "", f->detail ? f->detail : "");
}

static void gcc_done(struct tree *t, struct job *j, int status)
{
	struct tree_file *f = &t->f[j->file];
	char out[PATH_MAX + 48], records[PATH_MAX + 48];
	char *text, *rel = NULL;
	int units = -1;

	snprintf(out, sizeof(out), "%s.0", j->out);
	snprintf(records, sizeof(records), "%s.rec", j->out);
	text = td_read_file(records);
	if (text)
		rel = td_records_rebase(text, j->cwd, t->root);
	if (rel)
		units = take_records(t, f, rel);
	if (units > 0 && t->fdb)
		store_unit(t, f, j, rel);
	free(text);
	free(rel);
	if ((f->detail = first_with(out, "teardown-check: internal error"))) {
		f->skipped = "the checker failed on it (please report)";
	} else if (units <= 0 && WIFEXITED(status) && WEXITSTATUS(status)) {
		f->skipped = "does not compile";
		f->detail = first_with(out, "error:");
	} else if (units <= 0) {
		f->skipped = "the compiler did not run the checker";
		f->detail = first_with(out, "");
	}
	unlink(records);
	say_skipped(t, f);
}

/* Which of the job's files spatch named, by the path we gave it. */
static struct tree_file *job_file(struct tree *t, struct job *j,
				  const char *name)
{
	int i;

	for (i = 0; i < j->nfiles; i++) {
		struct tree_file *f = &t->f[j->file + i];

		if (!strcmp(f->path, name))
			return f;
	}
	return NULL;
}

static void cocci_done(struct tree *t, struct job *j, int status)
{
	char out[PATH_MAX + 48], name[PATH_MAX], *line = NULL;
	struct tree_file *f;
	size_t cap = 0;
	int k, failed = 0, at;
	FILE *in;

	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		td_die("%s", "spatch not found: apt-get install coccinelle");
	snprintf(out, sizeof(out), "%s.0", j->out);
	in = fopen(out, "r");
	while (in && getline(&line, &cap, in) > 0) {
		if (!td_parse_failure(&failed, line, name, sizeof(name), &at))
			continue;
		f = job_file(t, j, name);
		if (!f || f->skipped)
			continue;
		f->skipped = "spatch cannot parse all of it; the checks do not see what it drops";
		f->detail = (char *)xrealloc(NULL, 32);
		snprintf(f->detail, 32, "line %d", at);
	}
	if (in)
		fclose(in);
	for (k = 1; k < j->ncmd; k++) {
		snprintf(out, sizeof(out), "%s.%d", j->out, k);
		if (!(in = fopen(out, "r")))
			continue;
		while (getline(&line, &cap, in) > 0)
			cocci_line(t, line, j->cwd);
		fclose(in);
	}
	free(line);
	for (k = 0; k < j->nfiles; k++)
		say_skipped(t, &t->f[j->file + k]);
	snprintf(out, sizeof(out), "%s.groups", j->out);
	unlink(out);
}

static void job_done(struct tree *t, struct job *j, int status)
{
	char out[PATH_MAX + 48];
	int k;

	if (t->o.cocci)
		cocci_done(t, j, status);
	else
		gcc_done(t, j, status);
	for (k = 0; k < j->ncmd; k++) {
		snprintf(out, sizeof(out), "%s.%d", j->out, k);
		unlink(out);
	}
	t->done += j->nfiles;
	job_free(j);
}

static void progress(struct tree *t, int total)
{
	long spent = (long)(time(NULL) - t->start);
	long left = t->done ? spent * (total - t->done) / t->done : 0;

	if (!t->o.progress)
		return;
	fprintf(stderr, "\r\033[Kteardown-check: %d/%d files, %d findings so far, %ld:%02ld left",
		t->done, total, t->results.n, left / 60, left % 60);
	fflush(stderr);
}

static void run_jobs(struct tree *t)
{
	struct job *jobs = (struct job *)calloc(t->o.jobs, sizeof(*jobs));
	int next = 0, running = 0, total = 0, chunk = 1, i, status;
	pid_t pid;

	for (i = 0; i < t->n; i++)
		total += !t->f[i].skipped && !t->f[i].cached;
	/* spatch starts slowly: a few runs of files per job, for progress */
	if (t->o.cocci) {
		chunk = (total + 4 * t->o.jobs - 1) / (4 * t->o.jobs);
		chunk = chunk < 1 ? 1 : chunk > 32 ? 32 : chunk;
	}
	while (next < t->n || running) {
		while (running < t->o.jobs && next < t->n) {
			struct job *j = NULL;

			if (t->f[next].skipped || t->f[next].cached) {
				say_skipped(t, &t->f[next]);
				next++;
				continue;
			}
			for (i = 0; i < t->o.jobs; i++)
				if (!jobs[i].pid) {
					j = &jobs[i];
					break;
				}
			j->file = next;
			for (j->nfiles = 0; next < t->n && j->nfiles < chunk &&
			     !t->f[next].skipped && !t->f[next].cached; next++)
				j->nfiles++;
			snprintf(j->out, sizeof(j->out), "%s/job%d", t->tmp, i);
			if (t->o.cocci) {
				j->ncmd = 3;
				j->argv[0] = cocci_job(t, j, NULL);
				j->argv[1] = cocci_job(t, j, "teardown_release.cocci");
				j->argv[2] = cocci_job(t, j, "teardown_async.cocci");
				j->cwd = t->root;
			} else {
				char records[PATH_MAX + 48], facts[PATH_MAX + 48];

				snprintf(records, sizeof(records), "%s.rec", j->out);
				snprintf(facts, sizeof(facts), "%s.facts", j->out);
				j->ncmd = 1;
				j->argv[0] = gcc_job(t, &t->f[j->file], records,
						     t->fdb ? facts : NULL);
				j->cwd = t->f[j->file].cmd.dir;
			}
			j->pid = start_job(j);
			if (j->pid < 0)
				td_die("%s", "cannot start a job (fork failed)");
			running++;
		}
		pid = wait(&status);
		if (pid < 0)
			break;
		for (i = 0; i < t->o.jobs; i++)
			if (jobs[i].pid == pid) {
				jobs[i].pid = 0;
				running--;
				job_done(t, &jobs[i], status);
				progress(t, total);
			}
	}
	if (t->o.progress)
		fputs("\r\033[K", stderr);
	free(jobs);
}

/* ------------------------------------------------------------ linking */

/* The rules as the plugin loaded them for a kernel: that kernel's lines. */
static const struct td_rules *rules_for(struct tree *t, int kver)
{
	static struct {
		int kver;
		struct td_rules *rules;
	} cache[4];
	char err[1024];
	int i;

	for (i = 0; i < 4 && cache[i].rules; i++)
		if (cache[i].kver == kver)
			return cache[i].rules;
	if (i == 4)
		return NULL;
	cache[i].rules = td_rules_load(t->o.rules, kver, err, sizeof(err));
	cache[i].kver = kver;
	return cache[i].rules;
}

static sigjmp_buf link_recover;

static void on_link_fault(int sig)
{
	siglongjmp(link_recover, sig);
}

/*
 * Judge unit id again, with the files its code reaches linked in, into
 * the records file path.  The number of files linked (0: none, and its
 * own judgement stands).
 */
static int judge_linked(struct tree *t, int id, const char *name,
			const char *path, int alone)
{
	const struct td_rules *rules = rules_for(t, td_factsdb_kernel(t->fdb,
								      id));
	struct td_options opts;
	struct td_faults saved;
	FILE *out;
	int linked = 0, sig;

	if (!rules || !(out = fopen(path, "w")))
		return 0;
	memset(&opts, 0, sizeof(opts));
	opts.enabled = t->o.enable;
	opts.disabled = t->o.disable;
	opts.confidence = td_confidence_parse(t->o.confidence, NULL, 0);
	opts.trace = t->o.trace;
	td_catch_faults(&saved, on_link_fault);
	sig = sigsetjmp(link_recover, 1);
	if (!sig && alone)
		linked = td_linker_judge_alone(t->fdb, id, rules, &opts, out);
	else if (!sig)
		linked = td_linker_judge(t->fdb, id, rules, &opts, out,
					 &t->link);
	td_restore_faults(&saved);
	fclose(out);
	if (sig) {
		fprintf(stderr, "teardown-check: %s: internal error (signal %d) "
			"while linking; judged alone\n", name, sig);
		return 0;
	}
	return linked;
}

static int same_finding(const struct td_found *a, const struct td_found *b)
{
	return !strcmp(a->tag, b->tag) && !strcmp(a->file, b->file) &&
	       a->line == b->line && !strcmp(a->resource, b->resource);
}

/*
 * The results of a unit judged again, linked: what the unit judged alone
 * gives too stands as it is; what only linking gives is of low
 * confidence (docs/precision.md: the linked world holds much the engine
 * does not model, queues drained elsewhere, release callbacks, ops with
 * several implementations), and --linked-only keeps only that.
 */
static void keep_linked(struct tree *t, char *keep,
			const struct tree_file *f, int from)
{
	struct td_results *rs = &t->results, alone;
	const struct td_found *own = rs->r + f->first_result;
	char path[PATH_MAX + 16];
	int i, k, nown = f->nresults, found;

	/* a scan has the file's own findings already (still in rs, only
	 * marked dropped); --link judges the unit alone from its facts */
	memset(&alone, 0, sizeof(alone));
	if (t->o.link) {
		alone.root = t->root;
		snprintf(path, sizeof(path), "%s/alone.rec", t->tmp);
		if (!judge_linked(t, f->unit, f->rel, path, 1))
			td_results_read(&alone, path, t->root);
		unlink(path);
		own = alone.r;
		nown = alone.n;
	}
	for (i = from; i < rs->n; i++) {
		for (k = 0, found = 0; k < nown && !found; k++)
			found = same_finding(&rs->r[i], &own[k]);
		keep[i] = !found || !t->o.linked_only;
		if (!found)
			rs->r[i].confidence = TD_CONFIDENCE_LOW;
	}
	td_results_free(&alone);
}

/*
 * A driver whose code reaches other files is judged again with them:
 * that judgement replaces what its front end found in its file alone
 * (--linked-only: keeps only what it adds).
 */
static void link_units(struct tree *t)
{
	struct td_results *rs = &t->results;
	char path[PATH_MAX + 16], *keep;
	int i, n, linked;

	snprintf(path, sizeof(path), "%s/linked.rec", t->tmp);
	t->alone_handed_off = rs->stats.handed_off;
	keep = (char *)xrealloc(NULL, rs->n + 1);
	memset(keep, !t->o.linked_only, rs->n + 1);
	for (i = 0; i < t->n; i++) {
		struct tree_file *f = &t->f[i];
		struct td_unit_stats before;

		if (f->unit < 0 || !td_factsdb_has_driver(t->fdb, f->unit))
			continue;
		linked = judge_linked(t, f->unit, f->rel, path, 0);
		if (linked < 0) {
			fprintf(stderr, "teardown-check: %s: its facts in the "
				"database do not read; not judged linked\n",
				f->rel);
			if (!f->skipped)
				f->skipped = "its facts do not read";
			continue;
		}
		if (!linked) {
			/* --link: the database's units have no findings of
			 * their own yet; the engine judges them from facts */
			if (t->o.link && !t->o.linked_only &&
			    !judge_linked(t, f->unit, f->rel, path, 1)) {
				n = rs->n;
				td_results_read(rs, path, t->root);
				keep = (char *)xrealloc(keep, rs->n + 1);
				memset(keep + n, 1, rs->n - n + 1);
			}
			continue;
		}
		memset(keep + f->first_result, 0, f->nresults);
		stats_diff(&before, &rs->stats, &f->own);
		rs->stats = before;
		n = rs->n;
		td_results_read(rs, path, t->root);
		keep = (char *)xrealloc(keep, rs->n + 1);
		keep_linked(t, keep, f, n);
	}
	unlink(path);
	td_results_keep(rs, keep);
	free(keep);
}

/*
 * The hash of a file's check: its compile command, and what the checker
 * is (the plugin's and the rules' bytes, the options that change what
 * it reports).
 */
static void compile_hashes(struct tree *t)
{
	const char *words[] = { td_frontend_name(t->fe), t->o.plugin,
				t->o.rules, t->o.enable ? t->o.enable : "-",
				t->o.disable ? t->o.disable : "-",
				t->o.confidence ? t->o.confidence : "-", NULL };
	const char *files[] = { t->o.plugin, t->o.rules, NULL };
	char tool[17], **argv;
	int i, k;

	td_factsdb_hash((char *const *)words, files, tool);
	for (i = 0; i < t->n; i++) {
		struct tree_file *f = &t->f[i];

		if (f->skipped || !f->have_cmd)
			continue;
		argv = (char **)xrealloc(NULL, (f->cmd.argc + 3) * sizeof(char *));
		for (k = 0; k < f->cmd.argc; k++)
			argv[k] = f->cmd.argv[k];
		argv[k++] = f->cmd.dir ? f->cmd.dir : (char *)"-";
		argv[k++] = tool;
		argv[k] = NULL;
		td_factsdb_hash(argv, NULL, f->compile);
		free(argv);
	}
}

/* Files the database holds as they are now: their findings, no compile. */
static void reuse_fresh(struct tree *t)
{
	int i;

	for (i = 0; i < t->n; i++) {
		struct tree_file *f = &t->f[i];
		char *records;
		int id;

		if (f->skipped || !f->have_cmd ||
		    (id = td_factsdb_fresh(t->fdb, f->rel, f->compile)) < 0)
			continue;
		records = td_factsdb_records(t->fdb, id);
		if (records && take_records(t, f, records) > 0) {
			f->unit = id;
			f->cached = 1;
			t->cached++;
			t->done++;
		}
		free(records);
	}
}

/* --shard K/N: the K-th of every N files, in path order. */
static void keep_shard(struct tree *t)
{
	int i, n = 0;

	for (i = 0; i < t->n; i++)
		if (i % t->o.shards == t->o.shard - 1)
			t->f[n++] = t->f[i];
	t->n = n;
}

/*
 * --link DB...: the databases merged into ours, each driver judged from
 * its facts, linked (whether a scan or make C=1 wrote them: the latter
 * keeps no findings).
 */
static void link_databases(struct tree *t, char **paths, int npaths)
{
	char err[1024];
	int *ids, n, i;

	for (i = 0; i < npaths; i++)
		if (td_factsdb_merge(t->fdb, paths[i], err, sizeof(err)))
			td_die("%s", err);
	n = td_factsdb_units(t->fdb, &ids);
	t->f = (struct tree_file *)xrealloc(NULL, (n + 1) * sizeof(*t->f));
	memset(t->f, 0, (n + 1) * sizeof(*t->f));
	for (i = 0; i < n; i++) {
		struct tree_file *f = &t->f[t->n++];

		f->rel = td_factsdb_file(t->fdb, ids[i]);
		f->path = xstrdup(f->rel ? f->rel : "?");
		f->unit = ids[i];
		f->first_result = t->results.n;
	}
	free(ids);
}

/* ---------------------------------------------------------- preflight */

static void find_tools(struct tree *t, const struct td_tree_env *env)
{
	char err[1024];

	if (!t->o.rules)
		t->o.rules = env->rules;
	if (!(t->rules = td_rules_load(t->o.rules, TD_KVER_ANY, err,
				       sizeof(err))))
		td_die("%s", err);
	if (!t->o.confidence)
		t->o.confidence = td_default_confidence();
	if (!td_confidence_parse(t->o.confidence, err, sizeof(err)))
		td_die("%s", err);
	if (td_unknown_tag(t->rules, t->o.enable, err, sizeof(err)) ||
	    td_unknown_tag(t->rules, t->o.disable, err, sizeof(err)))
		td_die("%s", err);
	if (t->o.cocci) {
		char *v[] = { (char *)"spatch", (char *)"--version", NULL };
		char line[512];

		if (!env->cocci_dir)
			td_die("%s", "cannot find the semantic patches (cocci/): run make install");
		snprintf(t->cocci_dir, sizeof(t->cocci_dir), "%s", env->cocci_dir);
		if (first_line(v, NULL, line, sizeof(line), t->tmp))
			td_die("%s", "spatch not found: apt-get install coccinelle (or give --build DIR)");
		return;
	}
	if (t->o.frontend && strcmp(t->o.frontend, "gcc") &&
	    strcmp(t->o.frontend, "clang"))
		td_die("unknown front end '%s' (gcc or clang)", t->o.frontend);
}

/*
 * The compiler's front end: --frontend, else the one the build's compiler
 * takes (clang's for make LLVM=1), and its plugin.
 */
static void pick_frontend(struct tree *t, const struct td_tree_env *env)
{
	const char *cc = t->o.cc;
	int i;

	for (i = 0; !cc && i < t->n; i++)
		if (t->f[i].have_cmd && !t->f[i].skipped)
			cc = t->f[i].cmd.argv[0];
	if (t->o.frontend)
		t->fe = strcmp(t->o.frontend, "clang") ? TD_FE_GCC : TD_FE_CLANG;
	else if (cc)
		t->fe = td_frontend_of(cc, NULL, 0);
	else
		t->fe = t->clang_build ? TD_FE_CLANG : TD_FE_GCC;
	if (!t->o.plugin)
		t->o.plugin = t->fe == TD_FE_CLANG ? env->clang_plugin :
			      env->plugin;
	td_require_plugin(t->fe, t->o.plugin);
	t->results.frontend = td_frontend_name(t->fe);
}

/* Can the compiler of the first command load the plugin at all? */
static void check_plugin_loads(struct tree *t)
{
	char plugin[PATH_MAX + 16], rules[PATH_MAX + 64], line[1024];
	const char *cc = t->o.cc;
	int i;

	for (i = 0; !cc && i < t->n; i++)
		if (t->f[i].have_cmd && !t->f[i].skipped)
			cc = t->f[i].cmd.argv[0];
	if (!cc)
		return;
	if (td_frontend_of(cc, NULL, 0) != t->fe)
		cc = td_compiler_for(t->fe);
	snprintf(plugin, sizeof(plugin), "-fplugin=%s", t->o.plugin);
	snprintf(rules, sizeof(rules), "-fplugin-arg-teardown_check-rules=%s",
		 t->o.rules);
	{
		char *argv[] = { (char *)cc, plugin, rules, (char *)"-fsyntax-only",
				 (char *)"-x", (char *)"c", (char *)"/dev/null", NULL };

		if (first_line(argv, NULL, line, sizeof(line), t->tmp)) {
			fprintf(stderr,
				t->fe == TD_FE_CLANG ?
				"teardown-check: '%s' cannot load the plugin (install libclang-14-dev and rebuild teardown-check against this clang): %s\n" :
				"teardown-check: '%s' cannot load the plugin (install gcc-12-plugin-dev and rebuild teardown-check with this compiler): %s\n",
				cc, line);
			exit(2);
		}
	}
}

/* ------------------------------------------------------------ summary */

/* Count name among the first *n names (at most max of them). */
static void tally(const char **names, int *counts, int *n, int max,
		  const char *name)
{
	int k;

	for (k = 0; k < *n; k++)
		if (!strcmp(names[k], name)) {
			counts[k]++;
			return;
		}
	if (*n < max) {
		names[*n] = name;
		counts[(*n)++] = 1;
	}
}

static void summary(struct tree *t)
{
	const char *frontend = t->results.frontend;
	struct td_results *rs = &t->results;
	const char *tags[64];
	int counts[64], ntags = 0, i, k, skipped = 0;
	long spent = (long)(time(NULL) - t->start);

	for (i = 0; i < rs->n; i++)
		tally(tags, counts, &ntags, 64, rs->r[i].tag);
	fprintf(stderr, "teardown-check: %d file%s (%s front end)", t->n,
		t->n == 1 ? "" : "s", frontend);
	if (!t->o.cocci)
		fprintf(stderr, ", %d drivers, %d modules", rs->stats.drivers,
			rs->stats.modules);
	fprintf(stderr, ", %d %s", rs->n,
		t->results.baselined || t->o.baseline ? "new findings" : "findings");
	for (k = 0; k < ntags; k++)
		fprintf(stderr, "%s%s %d", k ? ", " : ": ", tags[k], counts[k]);
	if (t->o.baseline)
		fprintf(stderr, "; %d in the baseline", rs->baselined);
	fputc('\n', stderr);
	for (i = 0; i < t->n; i++)
		skipped += !!t->f[i].skipped;
	if (skipped) {
		const char *why[16];
		int nwhy[16], nw = 0;

		for (i = 0; i < t->n; i++)
			if (t->f[i].skipped)
				tally(why, nwhy, &nw, 16, t->f[i].skipped);
		fputs("teardown-check: not checked or not wholly:", stderr);
		for (k = 0; k < nw; k++)
			fprintf(stderr, "%s %d %s", k ? ";" : "", nwhy[k], why[k]);
		fputc('\n', stderr);
	}
	if (!t->o.cocci && (rs->stats.unkeyed || rs->stats.handed_off ||
			    rs->stats.error_undecided || rs->stats.error_budget))
		fprintf(stderr,
			"teardown-check: left unjudged (counted, not reported): %d handles not kept in a field or global, %d resources handed to other code, %d error exits not certain, %d functions over the path budget\n",
			rs->stats.unkeyed, rs->stats.handed_off,
			rs->stats.error_undecided, rs->stats.error_budget);
	if (t->cached)
		fprintf(stderr, "teardown-check: %d files unchanged since the "
			"database's last scan: their findings reused\n",
			t->cached);
	if (t->link.judged || t->link.no_facts || t->link.ambiguous)
		fprintf(stderr,
			"teardown-check: linked: %d files judged with %d other files their code calls into; %d calls into code with no facts, %d into a name several files define%s\n",
			t->link.judged, t->link.linked, t->link.no_facts,
			t->link.ambiguous, t->link.truncated ?
			" (some drivers reach more files than are linked)" : "");
	if (t->link.judged && !t->o.link)
		fprintf(stderr, "teardown-check: resources handed to other code: %d judging each file alone, %d linked\n",
			t->alone_handed_off, rs->stats.handed_off);
	if (rs->stats.below_confidence)
		fprintf(stderr,
			"teardown-check: %d findings of less than %s confidence not shown (--confidence low shows them)\n",
			rs->stats.below_confidence, t->o.confidence);
	fprintf(stderr, "teardown-check: %ldm%02lds\n", spent / 60, spent % 60);
}

/* ---------------------------------------------------------------- main */

/* The scratch directory, removed however we exit (td_die() too). */
static char scratch[PATH_MAX];

static void cleanup_tmp(void)
{
	const char *tmp = scratch;
	char path[PATH_MAX * 2];
	struct dirent *e;
	DIR *d;

	if (!tmp[0])
		return;
	d = opendir(tmp);
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.') {
			snprintf(path, sizeof(path), "%s/%s", tmp, e->d_name);
			unlink(path);
		}
	if (d)
		closedir(d);
	rmdir(tmp);
	scratch[0] = '\0';
}

/* The facts database: --db's, or one in the scratch directory. */
static void open_db(struct tree *t)
{
	char path[PATH_MAX + 16], err[PATH_MAX + 1024];

	snprintf(path, sizeof(path), "%s/facts.db", t->tmp);
	t->fdb = td_factsdb_open(t->o.db ? t->o.db : path, 0, err, sizeof(err));
	if (!t->fdb)
		td_die("%s", err);
}

/* The files under the paths, and the root their names are relative to. */
static void find_files(struct tree *t, char **paths, int npaths)
{
	int i;

	for (i = 0; i < npaths; i++) {
		struct stat st;

		if (stat(paths[i], &st)) {
			td_die("cannot read '%s'", paths[i]);
		}
		if (S_ISDIR(st.st_mode))
			walk(t, paths[i]);
		else if (is_c_file(paths[i]))
			add_file(t, paths[i]);
		else
			td_die("'%s' is neither a directory nor a .c file", paths[i]);
	}
	/* a gate that checked nothing must not pass */
	if (!t->n)
		td_die("nothing to check: no .c file under %s",
		       npaths == 1 ? paths[0] : "the paths given");
	qsort(t->f, t->n, sizeof(*t->f), by_path);
	if (t->o.root) {
		if (!realpath(t->o.root, t->root))
			td_die("cannot read --root '%s'", t->o.root);
	} else if (t->o.build) {
		snprintf(t->root, sizeof(t->root), "%s", t->src);
	} else if (t->n) {
		td_kernel_top(t->f[0].path, t->root, sizeof(t->root));
	}
	if (!t->root[0] && !getcwd(t->root, sizeof(t->root)))
		td_die("%s", "cannot find the current directory");
	if (t->o.since)
		keep_changed(t, t->o.since);
	if (t->o.shards)
		keep_shard(t);
	for (i = 0; i < t->n; i++) {
		char rel[PATH_MAX];

		t->f[i].rel = xstrdup(td_root_path(t->f[i].path, NULL, t->root,
						   rel, sizeof(rel)));
	}
}

/* Check the files: their own findings, their facts kept, then linked. */
static void scan(struct tree *t)
{
	if (t->o.cocci) {
		run_jobs(t);
		return;
	}
	check_plugin_loads(t);
	if (t->o.db || !t->o.no_link) {
		open_db(t);
		compile_hashes(t);
		td_factsdb_begin(t->fdb);
		reuse_fresh(t);
	}
	run_jobs(t);
	if (t->fdb)
		td_factsdb_commit(t->fdb);
	if (t->fdb && !t->o.no_link && !t->o.shards)
		link_units(t);
}

int tree_main(int argc, char **argv, const struct td_tree_env *env)
{
	struct tree t;
	struct td_baseline baseline;
	char **paths = (char **)xrealloc(NULL, argc * sizeof(char *));
	const char *base = getenv("TMPDIR");
	char err[1024];
	int npaths, i, status;

	memset(&t, 0, sizeof(t));
	t.start = time(NULL);
	npaths = parse_options(&t.o, argc, argv, paths);
	if (!t.o.build && !t.o.compdb && !t.o.link)
		t.o.cocci = 1;
	if (t.o.progress < 0)
		t.o.progress = isatty(2);
	snprintf(t.tmp, sizeof(t.tmp), "%s/teardown-check.XXXXXX",
		 base && *base ? base : "/tmp");
	if (!mkdtemp(t.tmp))
		td_die("cannot make a scratch directory in '%s'",
			 base && *base ? base : "/tmp");
	snprintf(scratch, sizeof(scratch), "%s", t.tmp);
	atexit(cleanup_tmp);
	find_tools(&t, env);
	if (t.o.build)
		check_build_dir(&t);
	if (t.o.link) {
		if (t.o.root ? !realpath(t.o.root, t.root) :
		    !getcwd(t.root, sizeof(t.root)))
			td_die("cannot read --root '%s'", t.o.root ? t.o.root : ".");
		t.results.root = t.root;
		t.results.frontend = "gcc";
	} else {
		find_files(&t, paths, npaths);
		t.results.root = t.root;
		t.results.frontend = "cocci";
		if (!t.o.cocci) {
			find_flags(&t);
			pick_frontend(&t, env);
		}
	}
	/* a bad baseline is told before the scan, not after */
	if (t.o.baseline && td_baseline_load(&baseline, t.o.baseline,
					     t.results.frontend, err,
					     sizeof(err))) {
		td_die("%s", err);
	}
	if (t.o.link) {
		open_db(&t);
		link_databases(&t, paths, npaths);
		link_units(&t);
	} else {
		scan(&t);
	}
	if (t.o.shards) {
		if (!t.o.quiet)
			fprintf(stderr, "teardown-check: shard %d/%d: %d files "
				"kept in %s (%d unchanged); merge the shards "
				"with teardown-check --link\n", t.o.shard,
				t.o.shards, t.n, t.o.db, t.cached);
		status = 0;
		goto out;
	}
	td_results_filter(&t.results, t.o.enable, t.o.disable,
			  td_confidence_parse(t.o.confidence, NULL, 0));
	td_results_finish(&t.results);
	if (t.o.write_baseline) {
		if (td_baseline_write(&t.results, t.o.write_baseline, err,
				      sizeof(err)))
			td_die("%s", err);
		if (!t.o.quiet)
			fprintf(stderr, "teardown-check: wrote %d findings to %s\n",
				t.results.n, t.o.write_baseline);
	}
	if (t.o.baseline)
		td_baseline_apply(&t.results, &baseline);
	td_results_print(&t.results, t.o.format, t.rules, stdout);
	if (ferror(stdout) || fflush(stdout))
		td_die("cannot write the findings: %s", strerror(errno));
	if (!t.o.quiet)
		summary(&t);
	status = t.o.write_baseline ? 0 : t.results.n ? 1 : 0;
out:
	for (i = 0; t.o.strict && i < t.n; i++)
		if (t.f[i].skipped)
			status = 2;
	td_results_free(&t.results);
	td_factsdb_close(t.fdb);
	td_rules_free(t.rules);
	free(paths);
	return status;
}
