// SPDX-License-Identifier: GPL-2.0
/*
 * Compiler commands for tree mode: kbuild's .cmd files and
 * compile_commands.json (read with jansson).
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "compdb.h"

/* ---- paths ---- */

/* Drop ".", "..", and repeated slashes from an absolute path, in place. */
static void td_path_tidy(char *p)
{
	char *out = p, *in = p;

	while (*in) {
		char *end;
		size_t n;

		while (*in == '/')
			in++;
		if (!*in)
			break;
		for (end = in; *end && *end != '/'; end++)
			;
		n = end - in;
		if (n == 1 && in[0] == '.') {
			in = end;
			continue;
		}
		if (n == 2 && in[0] == '.' && in[1] == '.') {
			while (out > p && *--out != '/')
				;
			in = end;
			continue;
		}
		*out++ = '/';
		memmove(out, in, n);
		out += n;
		in = end;
	}
	if (out == p)
		*out++ = '/';
	*out = '\0';
}

/* file against dir (either may be relative), then against the cwd. */
static char *td_path_abs(const char *dir, const char *file)
{
	const char *parts[3] = { NULL, dir, file };
	char *cwd = NULL, *p;
	size_t len = 1;
	int i;

	if (file[0] == '/' || !dir || !dir[0])
		parts[1] = NULL;
	if ((parts[1] ? parts[1] : file)[0] != '/') {
		cwd = getcwd(NULL, 0);
		if (!cwd)
			return NULL;
		parts[0] = cwd;
	}
	for (i = 0; i < 3; i++)
		if (parts[i])
			len += strlen(parts[i]) + 1;
	p = malloc(len);
	if (p) {
		p[0] = '\0';
		for (i = 0; i < 3; i++) {
			if (!parts[i])
				continue;
			if (p[0])
				strcat(p, "/");
			strcat(p, parts[i]);
		}
		td_path_tidy(p);
	}
	free(cwd);
	return p;
}

/* Absolute and canonical when the file exists, tidied when it does not. */
static char *td_path_canon(const char *dir, const char *file)
{
	char *p = td_path_abs(dir, file), *real;

	if (!p)
		return NULL;
	real = realpath(p, NULL);
	if (!real)
		return p;
	free(p);
	return real;
}

/* ---- shell words ---- */

void td_argv_free(char **argv)
{
	char **a;

	if (!argv)
		return;
	for (a = argv; *a; a++)
		free(*a);
	free(argv);
}

static int td_is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Ends a command; the caller has already ruled out '\0'. */
static int td_is_cmd_end(char c)
{
	return c == ';' || c == '|' || c == '&' || c == '\n';
}

/*
 * One word from *sp into word; returns its length, or -1 when a quote is
 * left open.  *sp ends at the blank or operator after the word.
 */
static long td_shell_word(const char **sp, char *word)
{
	const char *s = *sp, *q;
	long w = 0;

	while (*s && !td_is_blank(*s) && !td_is_cmd_end(*s)) {
		switch (*s) {
		case '\'':
			q = strchr(s + 1, '\'');
			if (!q)
				return -1;
			memcpy(word + w, s + 1, q - s - 1);
			w += q - s - 1;
			s = q + 1;
			break;
		case '"':
			for (s++; *s != '"'; s++) {
				if (!*s)
					return -1;
				/* only these keep the backslash's meaning */
				if (*s == '\\' && s[1] &&
				    strchr("\"\\$`\n", s[1])) {
					s++;
					if (*s == '\n')
						continue;
				}
				word[w++] = *s;
			}
			s++;
			break;
		case '\\':
			if (s[1] == '\n') {
				s += 2;
			} else if (!s[1]) {	/* a trailing one stays */
				word[w++] = *s++;
			} else {
				word[w++] = s[1];
				s += 2;
			}
			break;
		default:
			word[w++] = *s++;
		}
	}
	*sp = s;
	return w;
}

char **td_shell_split(const char *cmd, int *argc)
{
	char **argv = NULL, **tmp;
	const char *s = cmd;
	size_t cap = 16;
	char *word;
	int n = 0;

	if (argc)
		*argc = 0;
	if (!cmd)
		return NULL;
	/* Every byte of a word comes from at least one byte of cmd. */
	word = malloc(strlen(cmd) + 1);
	argv = malloc(cap * sizeof(*argv));
	if (!word || !argv) {
		free(word);
		free(argv);
		return NULL;
	}
	argv[0] = NULL;

	for (;;) {
		long w;

		while (td_is_blank(*s))
			s++;
		if (s[0] == '\\' && s[1] == '\n') {	/* line continuation */
			s += 2;
			continue;
		}
		if (!*s || td_is_cmd_end(*s) || *s == '#')
			break;
		w = td_shell_word(&s, word);
		if (w < 0)
			goto fail;
		if (n + 1 >= (int)cap) {
			cap *= 2;
			tmp = realloc(argv, cap * sizeof(*argv));
			if (!tmp)
				goto fail;
			argv = tmp;
		}
		argv[n] = malloc(w + 1);
		if (!argv[n])
			goto fail;
		memcpy(argv[n], word, w);
		argv[n][w] = '\0';
		argv[++n] = NULL;
	}
	free(word);
	if (argc)
		*argc = n;
	return argv;
fail:
	free(word);
	td_argv_free(argv);
	return NULL;
}

/* ---- kbuild .cmd files ---- */

void td_compile_free(struct td_compile *c)
{
	if (!c)
		return;
	free(c->dir);
	free(c->file);
	td_argv_free(c->argv);
	memset(c, 0, sizeof(*c));
}

/*
 * kbuild writes the command as a make variable: '$' as "$$", '#' as
 * "$(pound)" (or "\#" in older kernels); make would undo that when it
 * reads the file back, and so do we.
 */
static void td_make_unescape(char *s)
{
	char *out = s;

	while (*s) {
		if (s[0] == '$' && s[1] == '$') {
			*out++ = '$';
			s += 2;
		} else if (!strncmp(s, "$(pound)", 8)) {
			*out++ = '#';
			s += 8;
		} else if (s[0] == '\\' && s[1] == '#') {
			*out++ = '#';
			s += 2;
		} else {
			*out++ = *s++;
		}
	}
	*out = '\0';
}

/* The COMMAND of a "savedcmd_T := COMMAND" or "cmd_T := COMMAND" line. */
static char *td_kbuild_cmd_of(char *line)
{
	char *p;

	if (!strncmp(line, "savedcmd_", 9))
		line += 9;
	else if (!strncmp(line, "cmd_", 4))
		line += 4;
	else
		return NULL;
	p = strstr(line, " := ");
	if (!p || p == line || memchr(line, ' ', p - line))
		return NULL;
	return p + 4;
}

int td_read_kbuild_cmd(const char *cmdfile, const char *builddir,
		       struct td_compile *c)
{
	char *line = NULL, *cmd = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *f;
	int i;

	memset(c, 0, sizeof(*c));
	f = fopen(cmdfile, "r");
	if (!f)
		return -1;
	while ((len = getline(&line, &cap, f)) >= 0) {
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		cmd = td_kbuild_cmd_of(line);
		if (cmd)
			break;
	}
	fclose(f);
	if (!cmd)
		goto fail;
	td_make_unescape(cmd);
	c->argv = td_shell_split(cmd, &c->argc);
	if (!c->argv || !c->argc)
		goto fail;
	for (i = c->argc - 1; i > 0; i--) {
		size_t n = strlen(c->argv[i]);

		if (n > 2 && !strcmp(c->argv[i] + n - 2, ".c"))
			break;
	}
	if (i <= 0)
		goto fail;
	c->dir = strdup(builddir);
	c->file = td_path_canon(builddir, c->argv[i]);
	if (!c->dir || !c->file)
		goto fail;
	free(line);
	return 0;
fail:
	free(line);
	td_compile_free(c);
	return -1;
}

/* ---- compile_commands.json, read with jansson ---- */

static int __attribute__((format(printf, 4, 5)))
td_db_fail(char *err, size_t errlen, const char *path, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!err || !errlen)
		return -1;
	n = snprintf(err, errlen, "%s: ", path);
	if (n >= 0 && (size_t)n < errlen) {
		va_start(ap, fmt);
		vsnprintf(err + n, errlen - n, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* A string member of an entry, or NULL; *bad when it is not a string. */
static const char *td_db_string(json_t *entry, const char *key, int *bad)
{
	json_t *v = json_object_get(entry, key);

	if (v && !json_is_string(v))
		*bad = 1;
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* "arguments": an array of strings, as a NULL-terminated argv. */
static char **td_db_argv(json_t *args, int *argc)
{
	size_t i, n = json_array_size(args);
	char **argv = calloc(n + 1, sizeof(*argv));

	if (!argv)
		return NULL;
	for (i = 0; i < n; i++) {
		argv[i] = strdup(json_string_value(json_array_get(args, i)));
		if (!argv[i]) {
			td_argv_free(argv);
			return NULL;
		}
	}
	*argc = (int)n;
	return argv;
}

/* Entry number 'nth' (from 1) of the database at path, into c. */
static int td_db_entry(json_t *entry, int nth, const char *path,
		       const char *dbdir, struct td_compile *c, char *err,
		       size_t errlen)
{
	const char *dir, *file, *command;
	json_t *args;
	int bad = 0;
	size_t i;

	if (!json_is_object(entry))
		return td_db_fail(err, errlen, path,
				  "entry %d is not an object", nth);
	dir = td_db_string(entry, "directory", &bad);
	file = td_db_string(entry, "file", &bad);
	command = td_db_string(entry, "command", &bad);
	if (bad)
		return td_db_fail(err, errlen, path,
				  "entry %d: \"directory\", \"file\" and \"command\" must be strings",
				  nth);
	if (!dir || !dir[0])
		return td_db_fail(err, errlen, path,
				  "entry %d has no \"directory\"", nth);
	if (!file || !file[0])
		return td_db_fail(err, errlen, path,
				  "entry %d has no \"file\"", nth);
	args = json_object_get(entry, "arguments");
	for (i = 0; json_is_array(args) && i < json_array_size(args); i++)
		if (!json_is_string(json_array_get(args, i)))
			args = NULL;
	if (json_object_get(entry, "arguments") && !json_is_array(args))
		return td_db_fail(err, errlen, path,
				  "entry %d: \"arguments\" must be an array of strings",
				  nth);
	if (!json_array_size(args) && !command)
		return td_db_fail(err, errlen, path,
				  "entry %d has neither \"command\" nor \"arguments\"",
				  nth);
	/* "arguments" wins; an empty one leaves it to "command" */
	c->argv = json_array_size(args) ? td_db_argv(args, &c->argc) :
		  td_shell_split(command, &c->argc);
	if (!c->argv && !json_array_size(args))
		return td_db_fail(err, errlen, path,
				  "entry %d: \"command\" has an unterminated quote",
				  nth);
	if (!c->argv || !c->argc) {
		td_compile_free(c);
		return td_db_fail(err, errlen, path, c->argv ?
				  "entry %d has an empty compiler command" :
				  "entry %d: out of memory", nth);
	}
	c->dir = dir[0] == '/' ? strdup(dir) : td_path_abs(dbdir, dir);
	if (c->dir && dir[0] == '/')
		td_path_tidy(c->dir);
	c->file = c->dir ? td_path_canon(c->dir, file) : NULL;
	if (!c->file) {
		td_compile_free(c);
		return td_db_fail(err, errlen, path, "entry %d: out of memory",
				  nth);
	}
	return 0;
}

struct td_sorted {
	struct td_compile c;
	int index;
};

static int td_sorted_cmp(const void *a, const void *b)
{
	const struct td_sorted *x = a, *y = b;
	int r = strcmp(x->c.file, y->c.file);

	if (r)
		return r;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Sort by file, keeping the database's order among equal files. */
static int td_compdb_sort(struct td_compdb *db)
{
	struct td_sorted *s;
	int i;

	if (db->n < 2)
		return 0;
	s = malloc(db->n * sizeof(*s));
	if (!s)
		return -1;
	for (i = 0; i < db->n; i++) {
		s[i].c = db->entries[i];
		s[i].index = i;
	}
	qsort(s, db->n, sizeof(*s), td_sorted_cmp);
	for (i = 0; i < db->n; i++)
		db->entries[i] = s[i].c;
	free(s);
	return 0;
}

/* The directory holding path, absolute. */
static char *td_dir_of(const char *path)
{
	char *p = td_path_abs(NULL, path), *slash;

	if (!p)
		return NULL;
	slash = strrchr(p, '/');
	if (slash == p)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	return p;
}

int td_compdb_load(const char *path, struct td_compdb *db, char *err,
		   size_t errlen)
{
	json_error_t jerr;
	json_t *root;
	char *dbdir;
	size_t i;

	db->n = 0;
	db->entries = NULL;
	if (err && errlen)
		err[0] = '\0';
	if (access(path, R_OK))
		return td_db_fail(err, errlen, path, "cannot read: %s",
				  strerror(errno));
	/* a repeated key: the last one wins, as in the JSON spec's readers */
	root = json_load_file(path, 0, &jerr);
	if (!root) {
		if (err && errlen)
			snprintf(err, errlen, "%s:%d: %s", path, jerr.line,
				 jerr.text);
		return -1;
	}
	dbdir = td_dir_of(path);
	if (!json_is_array(root) || !dbdir) {
		free(dbdir);
		json_decref(root);
		return td_db_fail(err, errlen, path, dbdir ?
				  "not an array of entries" : "out of memory");
	}
	db->entries = calloc(json_array_size(root) + 1,
			     sizeof(*db->entries));
	if (!db->entries)
		goto oom;
	for (i = 0; i < json_array_size(root); i++) {
		if (td_db_entry(json_array_get(root, i), (int)i + 1, path, dbdir,
				&db->entries[db->n], err, errlen))
			goto fail;
		db->n++;
	}
	if (td_compdb_sort(db))
		goto oom;
	free(dbdir);
	json_decref(root);
	return 0;
oom:
	td_db_fail(err, errlen, path, "out of memory");
fail:
	free(dbdir);
	json_decref(root);
	td_compdb_free(db);
	return -1;
}

const struct td_compile *td_compdb_find(const struct td_compdb *db,
					 const char *file)
{
	int lo = 0, hi, found = -1;
	char *key;

	if (!db || !db->n || !file || !file[0])
		return NULL;
	key = td_path_canon(NULL, file);
	if (!key)
		return NULL;
	/* the leftmost match: the first such entry in the database */
	hi = db->n - 1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		int r = strcmp(db->entries[mid].file, key);

		if (r < 0) {
			lo = mid + 1;
		} else {
			if (!r)
				found = mid;
			hi = mid - 1;
		}
	}
	free(key);
	return found < 0 ? NULL : &db->entries[found];
}

void td_compdb_free(struct td_compdb *db)
{
	int i;

	if (!db)
		return;
	for (i = 0; i < db->n; i++)
		td_compile_free(&db->entries[i]);
	free(db->entries);
	db->n = 0;
	db->entries = NULL;
}
