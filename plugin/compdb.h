/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where tree mode gets each source file's real compiler command: kbuild's
 * per-object .cmd files, or a compile_commands.json.
 */
#ifndef TEARDOWN_COMPDB_H
#define TEARDOWN_COMPDB_H

#include <stddef.h>

struct td_compile {
	char *dir;	/* working directory the command runs in */
	char *file;	/* the source: absolute, realpath()ed if it exists */
	char **argv;	/* NULL-terminated; argv[0] is the compiler */
	int argc;
};

/*
 * Split a POSIX shell command line into words: single quotes, double quotes
 * (with \" \\ \$ \` escapes inside), backslash escapes outside quotes.
 * Splitting stops at the first unquoted ';', '|', '&' or newline (kbuild's
 * saved commands append "; objtool ..." after the compiler), and at a '#'
 * starting a word (a shell comment).  Returns a malloc'd NULL-terminated
 * array and sets *argc, or NULL on an unterminated quote.
 */
char **td_shell_split(const char *cmd, int *argc);
void td_argv_free(char **argv);

/*
 * kbuild's record of how it built a target: the file holds a line
 * "savedcmd_TARGET := COMMAND" (Linux >= 6.3) or "cmd_TARGET := COMMAND"
 * (older).  Make's escapes in it ($$, $(pound), \#) are undone.  Fills c
 * (dir = builddir, file = the last word of the command that ends in .c,
 * made absolute against builddir and canonicalised).  Returns 0, or -1
 * when the file is unreadable, has no such line, or its command compiles
 * no .c file (c is then zeroed).
 */
int td_read_kbuild_cmd(const char *cmdfile, const char *builddir,
		       struct td_compile *c);

struct td_compdb {
	int n;
	struct td_compile *entries;	/* sorted by file, then file order */
};

/*
 * Load a compile_commands.json (with jansson).  On error returns -1 and
 * writes one line into err naming the place: "PATH:LINE: what is wrong"
 * for text that is no JSON (jansson's words), "PATH: entry N has no
 * "file"" for an entry that lacks what a command needs, or "PATH: cannot
 * read: <strerror>".  Entries whose "file" is relative are
 * resolved against their "directory" (and a relative "directory" against
 * the database's own directory).  "arguments" wins over "command".
 */
int td_compdb_load(const char *path, struct td_compdb *db, char *err,
		   size_t errlen);
/*
 * The entry for a source file (compared after realpath()), or NULL.  A file
 * listed more than once gives its first entry in the database.
 */
const struct td_compile *td_compdb_find(const struct td_compdb *db,
					 const char *file);
void td_compile_free(struct td_compile *c);
void td_compdb_free(struct td_compdb *db);

#endif
