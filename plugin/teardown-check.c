// SPDX-License-Identifier: GPL-2.0
/*
 * teardown-check: the one command, in its three uses.
 *
 *   make C=1 CHECK=/path/to/teardown-check [CF="--fail-on-warn"]   (kbuild)
 *   teardown-check [--build DIR] [--format sarif] ... PATH...  (tree, gate)
 *
 * Tree and gate modes live in tree-mode.c; this file is kbuild mode, and
 * tells the two apart: kbuild passes gcc's flags and one source file.
 *
 * kbuild calls CHECK with the words of $CHECKFLAGS (sparse's flags, plus
 * whatever the user put in CF=), then gcc's own flags for the file, then the
 * source file.  We drop what only sparse understands, add the plugin, and
 * run gcc up to the end of the checks (-S -o /dev/null, and the plugin
 * exits before code generation).  Like sparse we exit 0 when we only warn.
 *
 * Exit status: 0 checked (findings or not); 1 findings with --fail-on-warn;
 * 2 usage or tool error (bad option, no plugin, the compiler failed).
 */
#include <limits.h>
#include <stddef.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "teardown.h"
#include "cocci-mode.h"
#include "factsdb.h"
#include "findings.h"
#include "run.h"
#include "tree-mode.h"

struct options {
	const char *cc;
	const char *frontend;	/* "gcc", "clang", or NULL: the build's */
	const char *plugin;
	const char *rules;
	const char *disable;
	const char *enable;
	const char *confidence;
	const char *sparse;	/* run it on the same argv first, or NULL */
	const char *db;		/* the facts database, "" for none */
	int fail_on_warn;
	int stats;
	int trace;
	int explain;
	int dump;
	int werror;
};

static void usage(FILE *out)
{
	fputs("usage: teardown-check [OPTION]... GCC-FLAGS... FILE.c   (kbuild mode)\n"
	      "   or: teardown-check [OPTION]... PATH...                 (tree and gate modes)\n"
	      "Check drivers' teardown (see teardown-check(1)).\n"
	      "\n"
	      "kbuild mode:\n"
	      "  --cc=CC            compiler to run (default: $TEARDOWN_CC, $CC, gcc)\n"
	      "  --frontend=gcc|clang  the compiler's plugin to use (default: clang's\n"
	      "                     when CC is a clang, as with make LLVM=1)\n"
	      "  --plugin=SO        the plugin (default: found beside this program)\n"
	      "  --rules=FILE       the resource model (default: the installed rules)\n"
	      "  --disable=TAGS     comma-separated warning tags not to report\n"
	      "  --enable=TAGS      report only these tags\n"
	      "  --confidence=LEVEL  report findings of at least LEVEL: low,\n"
	      "                     medium or high (default: $TEARDOWN_CONFIDENCE,\n"
	      "                     medium)\n"
	      "  --also-sparse[=SPARSE]  run sparse on the same file first, as\n"
	      "                     make C=1 would without CHECK=\n"
	      "  --fail-on-warn     exit 1 when anything is reported\n"
	      "  --werror           let the build's -Werror make findings errors\n"
	      "  --stats            print what was seen but not reported\n"
	      "  --trace            print the checker's reasoning\n"
	      "  --explain          print each driver's lifecycle: what probe acquires,\n"
	      "                     remove's steps in order, the devres releases\n"
	      "  --dump             print the facts the compiler front end extracted\n"
	      "  --db=FILE          keep each file's facts in FILE for linking\n"
	      "                     (default: $TEARDOWN_DB, else teardown-check.db\n"
	      "                     in the build directory); then\n"
	      "                     teardown-check --link --linked-only FILE reports\n"
	      "                     what the drivers' other files add\n"
	      "  --no-db            keep no facts\n"
	      "\n"
	      "  --help, --version\n"
	      "\n"
	      "Options can come from kbuild's CF= as well as the command line.\n"
	      "Exit status: 0 checked, 1 findings with --fail-on-warn, 2 error.\n"
	      "\n"
	      "teardown-check --cocci --mode=context|org|patch PATH... prints what\n"
	      "spatch makes of the semantic patches (patch: the fixes as a diff).\n"
	      "\n",
	      out);
	td_tree_usage(out);
}

/* Our options; returns 1 when 'arg' was one. */
static int own_option(struct options *o, const char *arg)
{
	static const struct {
		const char *name;
		size_t off;
	} valued[] = {
		{ "--cc=", offsetof(struct options, cc) },
		{ "--frontend=", offsetof(struct options, frontend) },
		{ "--plugin=", offsetof(struct options, plugin) },
		{ "--rules=", offsetof(struct options, rules) },
		{ "--disable=", offsetof(struct options, disable) },
		{ "--enable=", offsetof(struct options, enable) },
		{ "--confidence=", offsetof(struct options, confidence) },
		{ "--also-sparse=", offsetof(struct options, sparse) },
		{ "--db=", offsetof(struct options, db) },
	};
	unsigned int i;

	for (i = 0; i < sizeof(valued) / sizeof(valued[0]); i++)
		if (!strncmp(arg, valued[i].name, strlen(valued[i].name))) {
			*(const char **)((char *)o + valued[i].off) =
				arg + strlen(valued[i].name);
			return 1;
		}
	if (!strcmp(arg, "--fail-on-warn"))
		o->fail_on_warn = 1;
	else if (!strcmp(arg, "--also-sparse"))
		o->sparse = "sparse";
	else if (!strcmp(arg, "--stats"))
		o->stats = 1;
	else if (!strcmp(arg, "--trace"))
		o->trace = 1;
	else if (!strcmp(arg, "--explain"))
		o->explain = 1;
	else if (!strcmp(arg, "--dump"))
		o->dump = 1;
	else if (!strcmp(arg, "--werror"))
		o->werror = 1;
	else if (!strcmp(arg, "--no-db"))
		o->db = "";
	else if (!strcmp(arg, "--help"))
		usage(stdout), exit(0);
	else if (!strcmp(arg, "--version"))
		puts("teardown-check " TD_VERSION), exit(0);
	else
		return 0;
	return 1;
}

/* Flags in $CHECKFLAGS that are sparse's and that gcc rejects. */
static int sparse_only(const char *arg)
{
	static const char *const exact[] = {
		"-Wbitwise", "-Wno-return-void", "-Wno-unknown-attribute",
		"-mlittle-endian", "-mbig-endian", "-D__STDC__", "-Wcontext",
		"-Wno-context", "-Wsparse-all", "-Wsparse-error",
	};
	unsigned int i;

	for (i = 0; i < sizeof(exact) / sizeof(exact[0]); i++)
		if (!strcmp(arg, exact[i]))
			return 1;
	return !strncmp(arg, "--arch=", 7) || !strncmp(arg, "-Wp,-MMD,", 9) ||
	       !strncmp(arg, "-Wp,-MD,", 8);
}

/* A plugin: beside us in a build tree, or in ../lib when installed. */
static const char *find_plugin(const char *so)
{
	static char path[PATH_MAX + 64];
	char self[PATH_MAX];

	if (td_self_dir(self, sizeof(self)))
		return NULL;
	snprintf(path, sizeof(path), "%s/plugin/%s", self, so);
	if (!access(path, R_OK))
		return path;
	snprintf(path, sizeof(path), "%s/../lib/teardown-check/%s", self, so);
	if (!access(path, R_OK))
		return path;
	return NULL;
}

/* The rules: beside the plugin (installed) or in ../rules (build tree). */
static const char *find_rules(const char *plugin)
{
	static char path[PATH_MAX + 64];
	const char *slash = strrchr(plugin, '/');
	int dir = slash ? (int)(slash - plugin) : 1;

	if (!slash)
		plugin = ".";
	snprintf(path, sizeof(path), "%.*s/rules/teardown.rules", dir, plugin);
	if (!access(path, R_OK))
		return path;
	snprintf(path, sizeof(path), "%.*s/../rules/teardown.rules", dir, plugin);
	return path;
}

/* How many leading words of argv are the words of $CHECKFLAGS. */
static int checkflags_prefix(int argc, char **argv)
{
	const char *env = getenv("CHECKFLAGS");
	char *copy, *word, *save;
	int n = 0;

	if (!env)
		return 0;
	copy = strdup(env);
	for (word = strtok_r(copy, " \t", &save); word;
	     word = strtok_r(NULL, " \t", &save)) {
		if (n >= argc || strcmp(argv[n], word)) {
			n = 0;
			break;
		}
		n++;
	}
	free(copy);
	return n;
}

struct relay {
	int findings;
	int errors;
	int internal;
};

/* Pass gcc's diagnostics through, counting our findings. */
static void relay_gcc(const char *line, void *data)
{
	struct relay *r = (struct relay *)data;

	if (strstr(line, ": warning: ") && strstr(line, " [teardown-"))
		r->findings++;
	/* --werror and the build's -Werror made it an error */
	if (strstr(line, ": error: ") && strstr(line, " [teardown-"))
		r->findings++, r->errors++;
	if (strstr(line, ": teardown-check: internal error"))
		r->internal = 1;
	/* one write per line: make -j runs several of us on one pipe */
	if (write(STDERR_FILENO, line, strlen(line)) < 0)
		return;
}

/*
 * kbuild passes gcc's flags (single-dash words) and a source file; tree
 * mode takes only our double-dash options, -j and paths.
 */
static int is_kbuild_call(int argc, char **argv)
{
	int i;

	if (checkflags_prefix(argc - 1, argv + 1))
		return 1;
	for (i = 1; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1] && argv[i][1] != '-' &&
		    argv[i][1] != 'j')
			return 1;
	return 0;
}

/* Where our parts are, for tree mode. */
static int tree(int argc, char **argv)
{
	static char cocci[PATH_MAX];
	struct td_tree_env env;

	memset(&env, 0, sizeof(env));
	/* find_plugin() answers in one static buffer */
	env.plugin = find_plugin(TD_GCC_PLUGIN);
	env.plugin = env.plugin ? strdup(env.plugin) : NULL;
	env.clang_plugin = find_plugin(TD_CLANG_PLUGIN);
	env.rules = find_rules(env.plugin ? env.plugin : TD_GCC_PLUGIN);
	if (!td_find_cocci_dir(cocci, sizeof(cocci)))
		env.cocci_dir = cocci;
	return tree_main(argc, argv, &env);
}

/*
 * The file's facts into the build's database, for --link.  What goes
 * wrong here is said in one line and never fails the build.
 */
static void keep_facts(const struct options *o, char **cmd, const char *source,
		       const char *facts)
{
	const char *files[] = { o->plugin, o->rules, NULL };
	char cwd[PATH_MAX], real[PATH_MAX], root[PATH_MAX], rel[PATH_MAX];
	char compile[17], err[PATH_MAX + 1024];
	struct td_factsdb *db;
	int argc;

	for (argc = 0; cmd[argc]; argc++)
		;
	if (!getcwd(cwd, sizeof(cwd)) || !realpath(source, real))
		return;
	td_kernel_top(real, root, sizeof(root));
	td_root_path(real, NULL, root[0] ? root : NULL, rel, sizeof(rel));
	td_factsdb_hash(cmd, files, compile);
	db = td_factsdb_open(o->db, 0, err, sizeof(err));
	if (!db || td_factsdb_put_file(db, rel, compile,
			td_kernel_version_of_argv(cmd, argc, NULL), facts, cwd,
			root[0] ? root : NULL, "", err, sizeof(err)) < 0)
		fprintf(stderr, "teardown-check: %s: facts not kept: %s\n",
			source, err);
	td_factsdb_close(db);
}

/* --also-sparse: sparse sees exactly what kbuild gave us, minus ours. */
static int run_sparse(const struct options *o, int argc, char **argv)
{
	char **cmd = (char **)calloc(argc + 1, sizeof(*cmd));
	struct options scratch;
	struct relay r = { 0 };
	int i, n = 0, status;

	cmd[n++] = (char *)o->sparse;
	for (i = 1; i < argc; i++) {
		memset(&scratch, 0, sizeof(scratch));
		if (!own_option(&scratch, argv[i]))
			cmd[n++] = argv[i];
	}
	cmd[n] = NULL;
	status = td_run_lines(cmd, 0, relay_gcc, &r);
	free(cmd);
	if (status < 0 || (WIFEXITED(status) && WEXITSTATUS(status) == 127))
		td_die("cannot run sparse '%s' (apt-get install sparse)", o->sparse);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}

int main(int argc, char **argv)
{
	struct options o;
	const char *source = NULL;
	char **cmd;
	int nprefix, i, n = 0, status, sparse_status = 0;
	struct relay gcc = { 0 };
	enum td_frontend fe;
	char facts[PATH_MAX] = "", factsarg[PATH_MAX + 64];

	memset(&o, 0, sizeof(o));
	if (argc < 2)
		td_die("%s", "nothing to check: give a PATH, or run me as kbuild's CHECK (see --help)");
	for (i = 1; i < argc; i++)
		if (!strncmp(argv[i], "--mode=", 7) &&
		    strcmp(argv[i], "--mode=report"))
			return cocci_main(argc, argv);
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help"))
			usage(stdout), exit(0);
		else if (!strcmp(argv[i], "--version"))
			puts("teardown-check " TD_VERSION), exit(0);
	if (!is_kbuild_call(argc, argv))
		return tree(argc, argv);
	nprefix = checkflags_prefix(argc - 1, argv + 1);
	cmd = (char **)calloc(argc + TD_PLUGIN_ARGS + 8, sizeof(*cmd));
	o.cc = getenv("TEARDOWN_CC");
	if (!o.cc || !*o.cc)
		o.cc = getenv("CC");
	if (o.cc && !*o.cc)
		o.cc = NULL;
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (own_option(&o, arg))
			continue;
		if (sparse_only(arg))
			continue;
		/* CF= words and our leading options are ours to judge */
		if (!strncmp(arg, "--", 2) && (i <= nprefix || !n))
			td_die("unknown option '%s' (see --help)", arg);
		if (i <= nprefix)
			continue;	/* sparse's flags from $CHECKFLAGS */
		if (!strcmp(arg, "-c") || !strcmp(arg, "-o")) {
			if (!strcmp(arg, "-o"))
				i++;
			continue;
		}
		if (arg[0] != '-' && strlen(arg) > 2 &&
		    !strcmp(arg + strlen(arg) - 2, ".c"))
			source = arg;
		cmd[++n] = argv[i];
	}
	if (!source)
		td_die("%s", "no C source file on the command line (see --help)");
	if (access(source, R_OK))
		td_die("cannot read '%s'", source);
	if (o.frontend && strcmp(o.frontend, "gcc") && strcmp(o.frontend, "clang"))
		td_die("unknown front end '%s' (gcc or clang)", o.frontend);
	fe = o.frontend ? (!strcmp(o.frontend, "clang") ? TD_FE_CLANG : TD_FE_GCC) :
	     td_frontend_of(o.cc, cmd + 1, n);
	/* no compiler named, or forced to the other front end */
	if (!o.cc || td_frontend_of(o.cc, NULL, 0) != fe)
		o.cc = td_compiler_for(fe);
	if (!o.plugin)
		o.plugin = find_plugin(fe == TD_FE_CLANG ? TD_CLANG_PLUGIN :
				       TD_GCC_PLUGIN);
	td_require_plugin(fe, o.plugin);
	if (!o.rules)
		o.rules = find_rules(o.plugin);
	/* a bad rules file is one line here, not a compiler failure */
	{
		char err[1024];
		struct td_rules *rules = td_rules_load(o.rules, TD_KVER_ANY,
						       err, sizeof(err));

		if (!rules)
			td_die("%s", err);
		if (!o.confidence)
			o.confidence = td_default_confidence();
		if (!td_confidence_parse(o.confidence, err, sizeof(err)))
			td_die("%s", err);
		if (td_unknown_tag(rules, o.enable, err, sizeof(err)) ||
		    td_unknown_tag(rules, o.disable, err, sizeof(err)))
			td_die("%s", err);
		td_rules_free(rules);
	}
	if (o.sparse)
		sparse_status = run_sparse(&o, argc, argv);
	cmd[0] = (char *)o.cc;
	n += td_plugin_argv(cmd + n + 1, fe, o.plugin, o.rules, o.enable,
			    o.disable, o.confidence);
	if (o.stats)
		cmd[++n] = (char *)"-fplugin-arg-teardown_check-stats";
	if (o.trace)
		cmd[++n] = (char *)"-fplugin-arg-teardown_check-trace";
	if (o.explain)
		cmd[++n] = (char *)"-fplugin-arg-teardown_check-explain";
	if (o.dump)
		cmd[++n] = (char *)"-fplugin-arg-teardown_check-dump";
	if (o.werror)
		cmd[++n] = (char *)"-fplugin-arg-teardown_check-werror";
	if (!o.db)
		o.db = getenv("TEARDOWN_DB");
	if (!o.db)
		o.db = "teardown-check.db";
	if (*o.db) {
		const char *tmp = getenv("TMPDIR");
		int fd;

		snprintf(facts, sizeof(facts), "%s/teardown-facts.XXXXXX",
			 tmp && *tmp ? tmp : "/tmp");
		fd = mkstemp(facts);
		if (fd >= 0) {
			close(fd);
			snprintf(factsarg, sizeof(factsarg),
				 "-fplugin-arg-teardown_check-facts=%s", facts);
			cmd[++n] = factsarg;
		} else {
			facts[0] = '\0';
		}
	}
	cmd[++n] = NULL;

	status = td_run_lines(cmd, 0, relay_gcc, &gcc);
	if (facts[0]) {
		/* the hash leaves out the scratch file's name */
		cmd[n - 1] = NULL;
		if (status >= 0 && WIFEXITED(status) && !WEXITSTATUS(status) &&
		    !gcc.internal)
			keep_facts(&o, cmd, source, facts);
		unlink(facts);
	}
	if (status < 0)
		td_die("cannot run '%s'", cmd[0]);
	if (gcc.internal)
		return 2;	/* already said, by the plugin, in one line */
	if (gcc.errors)
		return 1;	/* findings made errors: gcc failed for them */
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "teardown-check: %s: %s failed (%s %d); file not checked\n",
			source, o.cc, WIFEXITED(status) ? "exit" : "signal",
			WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		return 2;
	}
	if ((gcc.findings && o.fail_on_warn) || gcc.errors)
		return 1;
	return sparse_status;	/* sparse's -Wsparse-error, for one */
}
