// SPDX-License-Identifier: GPL-2.0
/*
 * Compiler commands for tree mode: kbuild's .cmd files and
 * compile_commands.json, read without any library.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* ---- compile_commands.json ---- */

/* Skipped values nest no deeper than this, so the stack stays small. */
#define TD_JSON_MAX_DEPTH 256

struct td_json {
	const char *s, *end;
	int line;
	const char *path;
	char *err;
	size_t errlen;
};

struct td_buf {
	char *b;
	size_t n, cap;
};

static int td_buf_append(struct td_buf *b, const char *s, size_t n)
{
	if (b->cap - b->n <= n) {
		size_t cap = b->cap ? b->cap : 64;
		char *nb;

		while (cap - b->n <= n)
			cap *= 2;
		nb = realloc(b->b, cap);
		if (!nb)
			return -1;
		b->b = nb;
		b->cap = cap;
	}
	memcpy(b->b + b->n, s, n);
	b->n += n;
	b->b[b->n] = '\0';
	return 0;
}

static int td_buf_add(struct td_buf *b, char c)
{
	return td_buf_append(b, &c, 1);
}

static int __attribute__((format(printf, 3, 4)))
td_json_fail_at(struct td_json *j, int line, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!j->err || !j->errlen)
		return -1;
	n = snprintf(j->err, j->errlen, "%s:%d: ", j->path, line);
	if (n >= 0 && (size_t)n < j->errlen) {
		va_start(ap, fmt);
		vsnprintf(j->err + n, j->errlen - n, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* What we wanted is missing: say so, or say the file ended. */
static int td_json_expected(struct td_json *j, const char *what)
{
	if (j->s >= j->end)
		return td_json_fail_at(j, j->line,
				       "unexpected end of file, expected %s",
				       what);
	return td_json_fail_at(j, j->line, "expected %s", what);
}

/* Skip whitespace; the next character, or -1 at the end. */
static int td_json_peek(struct td_json *j)
{
	while (j->s < j->end) {
		if (*j->s == '\n')
			j->line++;
		else if (*j->s != ' ' && *j->s != '\t' && *j->s != '\r')
			return (unsigned char)*j->s;
		j->s++;
	}
	return -1;
}

/*
 * After an element or member: 1 past a ',', 0 past the closing bracket,
 * -1 (said) for anything else.
 */
static int td_json_next(struct td_json *j, int close)
{
	int c = td_json_peek(j);

	if (c == ',' || c == close) {
		j->s++;
		return c == ',';
	}
	return td_json_expected(j, close == ']' ? "',' or ']'" : "',' or '}'");
}

static int td_json_hex4(struct td_json *j, unsigned int *v)
{
	int i;

	*v = 0;
	if (j->end - j->s < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		char c = *j->s++;

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			*v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			*v |= c - 'A' + 10;
		else
			return -1;
	}
	return 0;
}

static int td_buf_utf8(struct td_buf *b, unsigned int cp)
{
	int r = 0;

	if (cp < 0x80)
		return td_buf_add(b, cp);
	if (cp < 0x800) {
		r |= td_buf_add(b, 0xc0 | cp >> 6);
	} else if (cp < 0x10000) {
		r |= td_buf_add(b, 0xe0 | cp >> 12);
		r |= td_buf_add(b, 0x80 | (cp >> 6 & 0x3f));
	} else {
		r |= td_buf_add(b, 0xf0 | cp >> 18);
		r |= td_buf_add(b, 0x80 | (cp >> 12 & 0x3f));
		r |= td_buf_add(b, 0x80 | (cp >> 6 & 0x3f));
	}
	r |= td_buf_add(b, 0x80 | (cp & 0x3f));
	return r;
}

/* A \uXXXX escape (the "\u" already read), surrogate pairs included. */
static int td_json_unicode(struct td_json *j, struct td_buf *b)
{
	unsigned int cp, lo;

	if (td_json_hex4(j, &cp))
		goto bad;
	if (cp >= 0xdc00 && cp <= 0xdfff)
		goto unpaired;
	if (cp >= 0xd800 && cp <= 0xdbff) {
		if (j->end - j->s < 2 || j->s[0] != '\\' || j->s[1] != 'u')
			goto unpaired;
		j->s += 2;
		if (td_json_hex4(j, &lo))
			goto bad;
		if (lo < 0xdc00 || lo > 0xdfff)
			goto unpaired;
		cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
	}
	if (!cp)	/* would end the C string early */
		return td_json_fail_at(j, j->line, "\\u0000 in string");
	if (b && td_buf_utf8(b, cp))
		return td_json_fail_at(j, j->line, "out of memory");
	return 0;
bad:
	return td_json_fail_at(j, j->line, "invalid \\u escape");
unpaired:
	return td_json_fail_at(j, j->line, "unpaired surrogate in \\u escape");
}

static int td_json_bad_escape(struct td_json *j, unsigned char c)
{
	if (c >= 0x20 && c < 0x7f)
		return td_json_fail_at(j, j->line,
				       "invalid escape '\\%c' in string", c);
	return td_json_fail_at(j, j->line, "invalid escape in string");
}

/* A string at j->s; into *out (malloc'd) unless out is NULL. */
static int td_json_string(struct td_json *j, char **out)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	struct td_buf buf = { NULL, 0, 0 }, *b = out ? &buf : NULL;
	const char *esc;

	if (td_json_peek(j) != '"')
		return td_json_expected(j, "'\"'");
	j->s++;
	for (;;) {
		const char *run = j->s;
		unsigned char c;

		/* plain text needs no decoding: copy it in one go */
		while (j->s < j->end && *j->s != '"' && *j->s != '\\' &&
		       (unsigned char)*j->s >= 0x20)
			j->s++;
		if (b && j->s > run && td_buf_append(b, run, j->s - run)) {
			td_json_fail_at(j, j->line, "out of memory");
			goto fail;
		}
		if (j->s >= j->end) {
			td_json_fail_at(j, j->line, "unterminated string");
			goto fail;
		}
		c = *j->s++;
		if (c == '"')
			break;
		if (c < 0x20) {
			td_json_fail_at(j, j->line,
					"control character 0x%02x in string",
					c);
			goto fail;
		}
		if (c == '\\') {
			if (j->s >= j->end) {
				td_json_fail_at(j, j->line,
						"unterminated string");
				goto fail;
			}
			c = *j->s++;
			if (c == 'u') {
				if (td_json_unicode(j, b))
					goto fail;
				continue;
			}
			esc = c ? strchr(from, c) : NULL;
			if (!esc) {
				td_json_bad_escape(j, c);
				goto fail;
			}
			c = to[esc - from];
		}
		if (b && td_buf_add(b, c)) {
			td_json_fail_at(j, j->line, "out of memory");
			goto fail;
		}
	}
	if (out) {
		/* "" never grew the buffer */
		*out = buf.b ? buf.b : strdup("");
		if (!*out)
			return td_json_fail_at(j, j->line, "out of memory");
	}
	return 0;
fail:
	free(buf.b);
	return -1;
}

static int td_is_digit(const char *s, const char *end)
{
	return s < end && *s >= '0' && *s <= '9';
}

static int td_json_number(struct td_json *j)
{
	if (*j->s == '-')
		j->s++;
	if (!td_is_digit(j->s, j->end))
		return td_json_fail_at(j, j->line, "invalid number");
	if (*j->s++ != '0')
		while (td_is_digit(j->s, j->end))
			j->s++;
	if (j->s < j->end && *j->s == '.') {
		j->s++;
		if (!td_is_digit(j->s, j->end))
			return td_json_fail_at(j, j->line, "invalid number");
		while (td_is_digit(j->s, j->end))
			j->s++;
	}
	if (j->s < j->end && (*j->s == 'e' || *j->s == 'E')) {
		j->s++;
		if (j->s < j->end && (*j->s == '+' || *j->s == '-'))
			j->s++;
		if (!td_is_digit(j->s, j->end))
			return td_json_fail_at(j, j->line, "invalid number");
		while (td_is_digit(j->s, j->end))
			j->s++;
	}
	return 0;
}

static int td_json_skip(struct td_json *j, int depth);

/* The rest of an array or object after its '[' or '{', thrown away. */
static int td_json_skip_container(struct td_json *j, int depth, char close)
{

	if (depth > TD_JSON_MAX_DEPTH)
		return td_json_fail_at(j, j->line, "values nested too deeply");
	j->s++;
	if (td_json_peek(j) == close) {
		j->s++;
		return 0;
	}
	for (;;) {
		if (close == '}') {
			if (td_json_string(j, NULL))
				return -1;
			if (td_json_peek(j) != ':')
				return td_json_expected(j, "':'");
			j->s++;
		}
		if (td_json_skip(j, depth + 1))
			return -1;
		switch (td_json_next(j, close)) {
		case 1:
			continue;
		case 0:
			return 0;
		default:
			return -1;
		}
	}
}

/* Any value, thrown away. */
static int td_json_skip(struct td_json *j, int depth)
{
	static const char *const words[] = { "true", "false", "null", NULL };
	const char *const *w;
	int c = td_json_peek(j);

	if (c == '"')
		return td_json_string(j, NULL);
	if (c == '[')
		return td_json_skip_container(j, depth, ']');
	if (c == '{')
		return td_json_skip_container(j, depth, '}');
	if (c == '-' || (c >= '0' && c <= '9'))
		return td_json_number(j);
	for (w = words; *w; w++) {
		size_t n = strlen(*w);

		if ((size_t)(j->end - j->s) >= n && !memcmp(j->s, *w, n)) {
			j->s += n;
			return 0;
		}
	}
	return td_json_expected(j, "a value");
}

/* "arguments": an array of strings, into a NULL-terminated argv. */
static int td_json_argv(struct td_json *j, char ***argvp, int *argcp)
{
	static const char notstrings[] =
		"\"arguments\" must be an array of strings";
	char **argv, **tmp;
	int n = 0, cap = 16, more;

	if (td_json_peek(j) != '[')
		return td_json_fail_at(j, j->line, notstrings);
	j->s++;
	argv = malloc(cap * sizeof(*argv));
	if (!argv)
		return td_json_fail_at(j, j->line, "out of memory");
	argv[0] = NULL;
	if (td_json_peek(j) == ']') {
		j->s++;
		goto done;
	}
	for (;;) {
		if (td_json_peek(j) != '"') {
			if (j->s < j->end)
				td_json_fail_at(j, j->line, notstrings);
			else
				td_json_expected(j, "a string");
			goto fail;
		}
		if (n + 1 >= cap) {
			cap *= 2;
			tmp = realloc(argv, cap * sizeof(*argv));
			if (!tmp) {
				td_json_fail_at(j, j->line, "out of memory");
				goto fail;
			}
			argv = tmp;
		}
		if (td_json_string(j, &argv[n]))
			goto fail;
		argv[++n] = NULL;
		more = td_json_next(j, ']');
		if (more < 0)
			goto fail;
		if (!more)
			break;
	}
done:
	td_argv_free(*argvp);	/* a repeated key: the last one wins */
	*argvp = argv;
	*argcp = n;
	return 0;
fail:
	td_argv_free(argv);
	return -1;
}

/* A string-valued key of an entry; a repeated key: the last one wins. */
static int td_json_field(struct td_json *j, const char *key, char **val)
{
	char *s;

	if (td_json_peek(j) != '"') {
		if (j->s >= j->end)
			return td_json_expected(j, "a string");
		return td_json_fail_at(j, j->line, "\"%s\" must be a string",
				       key);
	}
	if (td_json_string(j, &s))
		return -1;
	free(*val);
	*val = s;
	return 0;
}

/* One object of the top-level array, j->s at its '{'. */
static int td_json_entry(struct td_json *j, const char *dbdir,
			 struct td_compile *c)
{
	char *dir = NULL, *file = NULL, *command = NULL, *key = NULL;
	char **args = NULL;
	int line = j->line, cmdline = 0, nargs = 0, ret = -1, more;

	j->s++;
	if (td_json_peek(j) == '}') {
		j->s++;
		goto check;
	}
	for (;;) {
		if (td_json_peek(j) != '"') {
			td_json_expected(j, "a key string");
			goto out;
		}
		if (td_json_string(j, &key))
			goto out;
		if (td_json_peek(j) != ':') {
			td_json_expected(j, "':'");
			goto out;
		}
		j->s++;
		if (!strcmp(key, "directory")) {
			if (td_json_field(j, key, &dir))
				goto out;
		} else if (!strcmp(key, "file")) {
			if (td_json_field(j, key, &file))
				goto out;
		} else if (!strcmp(key, "command")) {
			td_json_peek(j);
			cmdline = j->line;
			if (td_json_field(j, key, &command))
				goto out;
		} else if (!strcmp(key, "arguments")) {
			if (td_json_argv(j, &args, &nargs))
				goto out;
		} else if (td_json_skip(j, 1)) {
			goto out;
		}
		free(key);
		key = NULL;
		more = td_json_next(j, '}');
		if (more < 0)
			goto out;
		if (!more)
			break;
	}
check:
	if (!dir || !dir[0]) {
		td_json_fail_at(j, line, "entry has no \"directory\"");
		goto out;
	}
	if (!file || !file[0]) {
		td_json_fail_at(j, line, "entry has no \"file\"");
		goto out;
	}
	if (!args && !command) {
		td_json_fail_at(j, line, "entry has neither %s nor %s",
				"\"command\"", "\"arguments\"");
		goto out;
	}
	if (args && !nargs) {	/* an empty "arguments": try "command" */
		td_argv_free(args);
		args = NULL;
	}
	if (!args && command) {
		args = td_shell_split(command, &nargs);
		if (!args) {
			td_json_fail_at(j, cmdline,
					"%s has an unterminated quote",
					"\"command\"");
			goto out;
		}
	}
	if (!nargs) {
		td_json_fail_at(j, line, "entry has an empty compiler command");
		goto out;
	}
	c->dir = dir[0] == '/' ? strdup(dir) : td_path_abs(dbdir, dir);
	if (!c->dir) {
		td_json_fail_at(j, line, "out of memory");
		goto out;
	}
	if (dir[0] == '/')
		td_path_tidy(c->dir);
	c->file = td_path_canon(c->dir, file);
	if (!c->file) {
		td_json_fail_at(j, line, "out of memory");
		goto out;
	}
	c->argv = args;
	c->argc = nargs;
	args = NULL;
	ret = 0;
out:
	if (ret)
		td_compile_free(c);
	free(key);
	free(dir);
	free(file);
	free(command);
	td_argv_free(args);
	return ret;
}

/* The whole file, NUL-terminated (JSON text has no NULs of its own). */
static char *td_slurp(const char *path, size_t *lenp)
{
	size_t len = 0, cap = 65536;
	char *buf = malloc(cap), *nb;
	FILE *f = fopen(path, "r");
	int saved;

	if (!f || !buf)
		goto fail;
	for (;;) {
		size_t got;

		if (cap - len < 2) {
			nb = realloc(buf, cap * 2);
			if (!nb)
				goto fail;
			buf = nb;
			cap *= 2;
		}
		got = fread(buf + len, 1, cap - len - 1, f);
		len += got;
		if (!got)
			break;
	}
	if (ferror(f))
		goto fail;
	fclose(f);
	buf[len] = '\0';
	*lenp = len;
	return buf;
fail:
	saved = errno ? errno : ENOMEM;
	if (f)
		fclose(f);
	free(buf);
	errno = saved;
	return NULL;
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
	struct td_json j = { .line = 1, .path = path, .err = err,
			     .errlen = errlen };
	struct td_compile *tmp;
	char *buf, *dbdir = NULL;
	int cap = 0, more;
	size_t len;

	db->n = 0;
	db->entries = NULL;
	if (err && errlen)
		err[0] = '\0';
	buf = td_slurp(path, &len);
	if (!buf) {
		if (err && errlen)
			snprintf(err, errlen, "%s: cannot read: %s", path,
				 strerror(errno));
		return -1;
	}
	dbdir = td_dir_of(path);
	if (!dbdir) {
		td_json_fail_at(&j, 1, "out of memory");
		goto fail;
	}
	j.s = buf;
	j.end = buf + len;
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))	/* UTF-8 BOM */
		j.s += 3;

	if (td_json_peek(&j) != '[') {
		td_json_expected(&j, "'[' (an array of entries)");
		goto fail;
	}
	j.s++;
	if (td_json_peek(&j) == ']') {
		j.s++;
		goto end;
	}
	for (;;) {
		if (td_json_peek(&j) != '{') {
			td_json_expected(&j, "'{' (an entry)");
			goto fail;
		}
		if (db->n == cap) {
			if (cap > INT_MAX / 2 - 1) {
				td_json_fail_at(&j, j.line, "too many entries");
				goto fail;
			}
			cap = cap ? cap * 2 : 256;
			tmp = realloc(db->entries, cap * sizeof(*tmp));
			if (!tmp) {
				td_json_fail_at(&j, j.line, "out of memory");
				goto fail;
			}
			db->entries = tmp;
		}
		memset(&db->entries[db->n], 0, sizeof(db->entries[0]));
		if (td_json_entry(&j, dbdir, &db->entries[db->n]))
			goto fail;
		db->n++;
		more = td_json_next(&j, ']');
		if (more < 0)
			goto fail;
		if (!more)
			break;
	}
end:
	if (td_json_peek(&j) >= 0) {
		td_json_fail_at(&j, j.line, "unexpected text after the array");
		goto fail;
	}
	if (td_compdb_sort(db)) {
		td_json_fail_at(&j, j.line, "out of memory");
		goto fail;
	}
	free(dbdir);
	free(buf);
	return 0;
fail:
	free(dbdir);
	free(buf);
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
