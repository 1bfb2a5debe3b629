/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The facts database (docs/facts.md): every unit's facts and its front
 * end's findings on the file alone, in SQLite, keyed by the file and a
 * hash of its compile; the functions each unit defines for other files;
 * the files the compiler read, to tell when a unit must be checked again.
 */
#ifndef TEARDOWN_FACTSDB_H
#define TEARDOWN_FACTSDB_H

#include <stddef.h>
#include "teardown.h"

/* Bumped whenever the tables change: an older database is rebuilt. */
#define TD_FACTSDB_SCHEMA 2

struct td_factsdb;

/*
 * Open (creating it if need be) the database at path (":memory:" for one
 * that lives with the process).  A database of an older schema or facts
 * format is emptied and rebuilt; a file that is not one of ours is left
 * alone.  readonly: only read, and refuse an older one rather than
 * rebuild it (a shard given to --link).  NULL with one line in err.
 */
struct td_factsdb *td_factsdb_open(const char *path, int readonly, char *err,
				   size_t len);
void td_factsdb_close(struct td_factsdb *db);

/* The hash of a compile: its words, and the files named (their bytes). */
void td_factsdb_hash(char *const *argv, const char *const *files,
		     char out[17]);

/*
 * The unit stored for file if its compile hash is 'compile' and none of
 * the files the compiler read has changed since (size, mtime): its id;
 * else -1.
 */
int td_factsdb_fresh(struct td_factsdb *db, const char *file,
		     const char *compile);

/*
 * Store (or replace) file's unit, compiled for kernel (TD_KVER(), whose
 * rules judge it): its facts as text (names relative to
 * the tree's root), the same facts read (unit: symbols, drivers, the files
 * it read, relative to cwd), and its records.  Returns its id, or -1 with
 * one line in err.
 */
int td_factsdb_put(struct td_factsdb *db, const char *file,
		   const char *compile, int kernel, const char *facts,
		   const struct td_unit *unit, const char *cwd,
		   const char *records, char *err, size_t len);

/*
 * The same from the facts file a front end wrote at path in cwd: its file
 * names made relative to root first.
 */
int td_factsdb_put_file(struct td_factsdb *db, const char *file,
			const char *compile, int kernel, const char *path,
			const char *cwd, const char *root, const char *records,
			char *err, size_t len);

/* The id of file's unit, or -1. */
int td_factsdb_unit(struct td_factsdb *db, const char *file);
/* Every unit's id, in order of file name; returns how many (*ids malloc'ed). */
int td_factsdb_units(struct td_factsdb *db, int **ids);

/* A unit's columns, malloc'ed; NULL if there is no such unit. */
char *td_factsdb_file(struct td_factsdb *db, int id);
char *td_factsdb_facts(struct td_factsdb *db, int id);
char *td_factsdb_records(struct td_factsdb *db, int id);
int td_factsdb_has_driver(struct td_factsdb *db, int id);
/* The kernel the unit was compiled for (TD_KVER()), 0 if not known. */
int td_factsdb_kernel(struct td_factsdb *db, int id);

/*
 * The units that define name for other files (not static), at most max
 * of them, with their files (malloc'ed, for the caller to free).
 */
int td_factsdb_defining(struct td_factsdb *db, const char *name, int *ids,
			char **files, int max);

/*
 * The units whose static initializers fill field of struct type (an
 * ops table), as td_factsdb_defining() gives them.
 */
int td_factsdb_filling(struct td_factsdb *db, const char *type,
		       const char *field, int *ids, char **files, int max);

/*
 * Copy into db every unit of the database at path that db does not hold
 * (a shard's part of a scan).  0, or -1 with one line in err.
 */
int td_factsdb_merge(struct td_factsdb *db, const char *path, char *err,
		     size_t len);

/* Group many puts into one transaction (a scan stores thousands). */
void td_factsdb_begin(struct td_factsdb *db);
void td_factsdb_commit(struct td_factsdb *db);

#endif
