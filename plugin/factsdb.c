// SPDX-License-Identifier: GPL-2.0
/*
 * The facts database in SQLite (factsdb.h, docs/facts.md).  The sqlite3
 * shell reads it: "select file from units where has_driver" lists the
 * drivers, "select file from symbols join units on unit = id where name =
 * 'foo_deinit'" says who defines a helper.
 *
 * The database is ours when its application_id says so; then an older
 * user_version (the schema) or facts format makes us empty and rebuild
 * it rather than misread it.  Many compiles of one make -j write into one
 * database: writes take the lock at once (BEGIN IMMEDIATE) and wait for
 * it up to a minute.
 */
#include <errno.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include "factsdb.h"
#include "findings.h"
#include "run.h"

/* "TDch": this is a teardown-check facts database */
#define TD_APPLICATION_ID 0x54446368

struct td_factsdb {
	sqlite3 *db;
	int in_tx;
};

static const char schema[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE units(id INTEGER PRIMARY KEY, file TEXT NOT NULL UNIQUE,"
	" compile TEXT NOT NULL, kernel INTEGER NOT NULL,"
	" has_driver INTEGER NOT NULL,"
	" facts BLOB NOT NULL, records TEXT NOT NULL, deps BLOB NOT NULL);"
	"CREATE TABLE symbols(name TEXT NOT NULL, unit INTEGER NOT NULL);"
	"CREATE INDEX symbols_by_name ON symbols(name);"
	"CREATE INDEX symbols_by_unit ON symbols(unit);"
	"CREATE TABLE ops(type TEXT NOT NULL, field TEXT NOT NULL,"
	" func TEXT NOT NULL, unit INTEGER NOT NULL);"
	"CREATE INDEX ops_by_field ON ops(type, field);"
	"CREATE INDEX ops_by_unit ON ops(unit);";

static int exec(struct td_factsdb *db, const char *sql, char *err,
		size_t len)
{
	char *msg = NULL;

	if (sqlite3_exec(db->db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	if (err)
		snprintf(err, len, "%s", msg ? msg : "unknown SQLite error");
	sqlite3_free(msg);
	return -1;
}

static sqlite3_stmt *prepare(struct td_factsdb *db, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	return st;
}

static int step_done(sqlite3_stmt *st)
{
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;

	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The first column of the first row of sql as an integer, or dflt. */
static long long scalar(struct td_factsdb *db, const char *sql,
			long long dflt)
{
	sqlite3_stmt *st = prepare(db, sql);
	long long v = dflt;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static char *meta(struct td_factsdb *db, const char *key)
{
	sqlite3_stmt *st = prepare(db, "SELECT value FROM meta WHERE key = ?");
	char *v = NULL;

	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

/* Empty and make the tables anew; the database is known to be ours. */
static int rebuild(struct td_factsdb *db, char *err, size_t len)
{
	char sql[512];

	snprintf(sql, sizeof(sql),
		 "BEGIN IMMEDIATE;"
		 "DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS units;"
		 "DROP TABLE IF EXISTS deps; DROP TABLE IF EXISTS symbols;"
		 "DROP TABLE IF EXISTS paths; DROP TABLE IF EXISTS ops;"
		 "DROP TABLE IF EXISTS units;"
		 "PRAGMA application_id = %d; PRAGMA user_version = %d;",
		 TD_APPLICATION_ID, TD_FACTSDB_SCHEMA);
	if (exec(db, sql, err, len) || exec(db, schema, err, len)) {
		exec(db, "ROLLBACK", NULL, 0);
		return -1;
	}
	snprintf(sql, sizeof(sql),
		 "INSERT INTO meta VALUES ('facts_format', '%d'),"
		 " ('checker', '%s'); COMMIT;", TD_FACTS_FORMAT, TD_VERSION);
	return exec(db, sql, err, len);
}

static int is_current(struct td_factsdb *db)
{
	char *format = meta(db, "facts_format");
	int ok = format && atoi(format) == TD_FACTS_FORMAT &&
		 scalar(db, "PRAGMA user_version", -1) == TD_FACTSDB_SCHEMA;

	free(format);
	return ok;
}

struct td_factsdb *td_factsdb_open(const char *path, int readonly, char *err,
				   size_t len)
{
	struct td_factsdb *db = (struct td_factsdb *)calloc(1, sizeof(*db));
	char why[512];
	long long app, tables;

	if (!db)
		abort();
	if (sqlite3_open_v2(path, &db->db, readonly ? SQLITE_OPEN_READONLY :
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		snprintf(err, len, "%s: cannot open the facts database: %s",
			 path, db->db ? sqlite3_errmsg(db->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(db->db, 60000);
	app = scalar(db, "PRAGMA application_id", -1);
	tables = scalar(db, "SELECT count(*) FROM sqlite_master", -1);
	if (app < 0 || tables < 0) {
		snprintf(err, len, "%s: not a facts database (%s)", path,
			 sqlite3_errmsg(db->db));
		goto fail;
	}
	/* never empty somebody else's database */
	if (app != TD_APPLICATION_ID && tables > 0) {
		snprintf(err, len, "%s: not a teardown-check facts database; "
			 "left as it is", path);
		goto fail;
	}
	if (readonly) {
		if (app == TD_APPLICATION_ID && is_current(db))
			return db;
		snprintf(err, len, "%s: %s", path, app == TD_APPLICATION_ID ?
			 "made by another version of teardown-check: check "
			 "its files again to rebuild it" :
			 "not a teardown-check facts database");
		goto fail;
	}
	if (exec(db, "PRAGMA journal_mode = WAL", why, sizeof(why)) &&
	    strcmp(path, ":memory:")) {
		snprintf(err, len, "%s: %s", path, why);
		goto fail;
	}
	exec(db, "PRAGMA synchronous = NORMAL", NULL, 0);
	if ((app != TD_APPLICATION_ID || !is_current(db)) &&
	    rebuild(db, why, sizeof(why))) {
		snprintf(err, len, "%s: cannot make the facts database: %s",
			 path, why);
		goto fail;
	}
	return db;
fail:
	sqlite3_close(db->db);
	free(db);
	return NULL;
}

void td_factsdb_close(struct td_factsdb *db)
{
	if (!db)
		return;
	if (db->in_tx)
		td_factsdb_commit(db);
	sqlite3_close(db->db);
	free(db);
}

void td_factsdb_begin(struct td_factsdb *db)
{
	if (!db->in_tx && !exec(db, "BEGIN IMMEDIATE", NULL, 0))
		db->in_tx = 1;
}

void td_factsdb_commit(struct td_factsdb *db)
{
	if (db->in_tx)
		exec(db, "COMMIT", NULL, 0);
	db->in_tx = 0;
}

/* ------------------------------------------------------------ hashing */

/* FNV-1a, 64 bits, over each part and its terminating NUL. */
static void hash_bytes(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;

	while (n--) {
		*h ^= *s++;
		*h *= 0x100000001b3ULL;
	}
}

void td_factsdb_hash(char *const *argv, const char *const *files,
		     char out[17])
{
	uint64_t h = 0xcbf29ce484222325ULL;
	char buf[65536];
	size_t n;
	int i;

	hash_bytes(&h, TD_VERSION, sizeof(TD_VERSION));
	for (i = 0; argv && argv[i]; i++)
		hash_bytes(&h, argv[i], strlen(argv[i]) + 1);
	for (i = 0; files && files[i]; i++) {
		FILE *in = fopen(files[i], "rb");

		hash_bytes(&h, files[i], strlen(files[i]) + 1);
		while (in && (n = fread(buf, 1, sizeof(buf), in)) > 0)
			hash_bytes(&h, buf, n);
		if (in)
			fclose(in);
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* ------------------------------------------------------------- units */

static long long mtime_ns(const struct stat *st)
{
	return (long long)st->st_mtim.tv_sec * 1000000000LL +
	       st->st_mtim.tv_nsec;
}

/*
 * Facts are kept deflated (zlib): JSON of a unit shrinks about tenfold,
 * and a whole tree's database stays a few hundred megabytes.  The blob
 * is the text's length in 8 bytes (little-endian), then the stream.
 */
static int bind_compressed(sqlite3_stmt *st, int col, const char *text)
{
	uLong n = strlen(text);
	uLongf size = compressBound(n);
	unsigned char *buf = (unsigned char *)malloc(size + 8);
	int i;

	if (!buf)
		return -1;
	for (i = 0; i < 8; i++)
		buf[i] = (unsigned char)((unsigned long long)n >> (8 * i));
	if (compress2(buf + 8, &size, (const Bytef *)text, n, 1) != Z_OK) {
		free(buf);
		return -1;
	}
	return sqlite3_bind_blob(st, col, buf, (int)size + 8, free) !=
	       SQLITE_OK;
}

static char *inflated(const unsigned char *blob, int len)
{
	unsigned long long n = 0;
	uLongf size;
	char *text;
	int i;

	if (!blob || len < 8)
		return NULL;
	for (i = 0; i < 8; i++)
		n |= (unsigned long long)blob[i] << (8 * i);
	/* a corrupt length must not make us allocate the moon */
	if (n > 1024ULL * 1024 * 1024)
		return NULL;
	text = (char *)malloc(n + 1);
	if (!text)
		return NULL;
	size = (uLongf)n;
	if (uncompress((Bytef *)text, &size, blob + 8, len - 8) != Z_OK ||
	    size != n) {
		free(text);
		return NULL;
	}
	text[n] = '\0';
	return text;
}

static int put_ops(struct td_factsdb *db, int id, const struct td_unit *u)
{
	int i;

	for (i = 0; i < u->nops; i++) {
		sqlite3_stmt *st = prepare(db, "INSERT INTO ops VALUES"
					   " (?, ?, ?, ?)");

		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, u->ops[i].type, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, u->ops[i].field, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, u->ops[i].func, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, id);
		if (step_done(st))
			return -1;
	}
	return 0;
}

int td_factsdb_fresh(struct td_factsdb *db, const char *file,
		     const char *compile)
{
	char *deps, *line, *next;
	sqlite3_stmt *st;
	int id = -1, fresh = 1;

	st = prepare(db, "SELECT id FROM units WHERE file = ? AND compile = ?");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, file, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, compile, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (id < 0)
		return -1;
	st = prepare(db, "SELECT deps FROM units WHERE id = ?");
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, id);
	deps = sqlite3_step(st) == SQLITE_ROW ?
		inflated((const unsigned char *)sqlite3_column_blob(st, 0),
			 sqlite3_column_bytes(st, 0)) : NULL;
	sqlite3_finalize(st);
	/* "path\tsize\tmtime" a line: each as the compiler found it */
	for (line = deps; fresh && line && *line; line = next) {
		long long size, mtime;
		struct stat sb;
		char *tab;

		next = line + strcspn(line, "\n");
		if (*next)
			*next++ = '\0';
		tab = strchr(line, '\t');
		if (!tab || sscanf(tab + 1, "%lld\t%lld", &size, &mtime) != 2) {
			fresh = 0;
			break;
		}
		*tab = '\0';
		if (stat(line, &sb) || sb.st_size != size ||
		    mtime_ns(&sb) != mtime)
			fresh = 0;
	}
	fresh &= deps != NULL;
	free(deps);
	return fresh ? id : -1;
}

/* What the unit read, as it is now: one text, deflated (a header is
 * read by hundreds of units, and their names compress well). */
static char *deps_text(const struct td_unit *u, const char *cwd)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	int i;

	if (!mem)
		return NULL;
	for (i = 0; i < u->ndeps; i++) {
		char joined[PATH_MAX * 2], real[PATH_MAX * 2];
		struct stat sb;

		if (u->deps[i][0] == '/' || !cwd)
			snprintf(joined, sizeof(joined), "%s", u->deps[i]);
		else
			snprintf(joined, sizeof(joined), "%s/%s", cwd,
				 u->deps[i]);
		/* a file gone already: the unit is never fresh */
		if (!realpath(joined, real) || stat(real, &sb)) {
			snprintf(real, sizeof(real), "%s", joined);
			memset(&sb, 0, sizeof(sb));
			sb.st_size = -1;
		}
		fprintf(mem, "%s\t%lld\t%lld\n", real, (long long)sb.st_size,
			mtime_ns(&sb));
	}
	fclose(mem);
	return text;
}

static int put_symbols(struct td_factsdb *db, int id, const struct td_unit *u)
{
	int i;

	for (i = 0; i < u->nfuncs; i++) {
		sqlite3_stmt *st;

		if (u->funcs[i].is_static || u->funcs[i].is_api)
			continue;
		st = prepare(db, "INSERT INTO symbols VALUES (?, ?)");
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, u->funcs[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, id);
		if (step_done(st))
			return -1;
	}
	return 0;
}

static int forget(struct td_factsdb *db, int id)
{
	char sql[320];

	snprintf(sql, sizeof(sql), "DELETE FROM symbols WHERE unit = %d;"
		 "DELETE FROM ops WHERE unit = %d;"
		 "DELETE FROM units WHERE id = %d;", id, id, id);
	return exec(db, sql, NULL, 0);
}

int td_factsdb_put(struct td_factsdb *db, const char *file,
		   const char *compile, int kernel, const char *facts,
		   const struct td_unit *unit, const char *cwd,
		   const char *records, char *err, size_t len)
{
	int own_tx = !db->in_tx, old = td_factsdb_unit(db, file), id = -1;
	char *deps = deps_text(unit, cwd);
	sqlite3_stmt *st;

	if (own_tx)
		td_factsdb_begin(db);
	if (old >= 0 && forget(db, old))
		goto fail;
	st = prepare(db, "INSERT INTO units(file, compile, kernel, has_driver,"
		     " facts, records, deps) VALUES (?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, file, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, compile, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, kernel);
	sqlite3_bind_int(st, 4, unit->ndrivers > 0);
	if (bind_compressed(st, 5, facts))
		goto fail;
	sqlite3_bind_text(st, 6, records ? records : "", -1, SQLITE_STATIC);
	if (!deps || bind_compressed(st, 7, deps) || step_done(st))
		goto fail;
	id = (int)sqlite3_last_insert_rowid(db->db);
	if (put_symbols(db, id, unit) || put_ops(db, id, unit))
		goto fail;
	if (own_tx)
		td_factsdb_commit(db);
	free(deps);
	return id;
fail:
	free(deps);
	snprintf(err, len, "cannot store the facts of %s: %s", file,
		 sqlite3_errmsg(db->db));
	if (own_tx) {
		exec(db, "ROLLBACK", NULL, 0);
		db->in_tx = 0;
	}
	return -1;
}

int td_factsdb_unit(struct td_factsdb *db, const char *file)
{
	sqlite3_stmt *st = prepare(db, "SELECT id FROM units WHERE file = ?");
	int id = -1;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, file, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return id;
}

int td_factsdb_units(struct td_factsdb *db, int **ids)
{
	sqlite3_stmt *st = prepare(db, "SELECT id FROM units ORDER BY file");
	int n = 0, cap = 0;

	*ids = NULL;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			*ids = (int *)realloc(*ids, cap * sizeof(int));
			if (!*ids)
				abort();
		}
		(*ids)[n++] = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

static char *column(struct td_factsdb *db, const char *sql, int id)
{
	sqlite3_stmt *st = prepare(db, sql);
	char *v = NULL;

	if (!st)
		return NULL;
	sqlite3_bind_int(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

char *td_factsdb_file(struct td_factsdb *db, int id)
{
	return column(db, "SELECT file FROM units WHERE id = ?", id);
}

char *td_factsdb_facts(struct td_factsdb *db, int id)
{
	sqlite3_stmt *st = prepare(db, "SELECT facts FROM units WHERE id = ?");
	char *v = NULL;

	if (!st)
		return NULL;
	sqlite3_bind_int(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = inflated((const unsigned char *)sqlite3_column_blob(st, 0),
			     sqlite3_column_bytes(st, 0));
	sqlite3_finalize(st);
	return v;
}

char *td_factsdb_records(struct td_factsdb *db, int id)
{
	return column(db, "SELECT records FROM units WHERE id = ?", id);
}

int td_factsdb_has_driver(struct td_factsdb *db, int id)
{
	char *v = column(db, "SELECT has_driver FROM units WHERE id = ?", id);
	int has = v && atoi(v);

	free(v);
	return has;
}

int td_factsdb_kernel(struct td_factsdb *db, int id)
{
	char *v = column(db, "SELECT kernel FROM units WHERE id = ?", id);
	int kver = v ? atoi(v) : 0;

	free(v);
	return kver;
}

/* The (id, file) rows of a bound query, at most max; finalizes it. */
static int unit_rows(sqlite3_stmt *st, int *ids, char **files, int max)
{
	int n = 0;

	while (st && n < max && sqlite3_step(st) == SQLITE_ROW) {
		ids[n] = sqlite3_column_int(st, 0);
		files[n++] = strdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return n;
}

int td_factsdb_defining(struct td_factsdb *db, const char *name, int *ids,
			char **files, int max)
{
	sqlite3_stmt *st = prepare(db, "SELECT units.id, units.file FROM"
				   " symbols JOIN units ON symbols.unit ="
				   " units.id WHERE symbols.name = ?");

	if (st)
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	return unit_rows(st, ids, files, max);
}

int td_factsdb_filling(struct td_factsdb *db, const char *type,
		       const char *field, int *ids, char **files, int max)
{
	sqlite3_stmt *st = prepare(db, "SELECT DISTINCT units.id, units.file"
				   " FROM ops JOIN units ON ops.unit = units.id"
				   " WHERE ops.type = ? AND ops.field = ?");

	if (st) {
		sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, field, -1, SQLITE_STATIC);
	}
	return unit_rows(st, ids, files, max);
}

int td_factsdb_merge(struct td_factsdb *db, const char *path, char *err,
		     size_t len)
{
	struct td_factsdb *part = td_factsdb_open(path, 1, err, len);
	sqlite3_stmt *st;
	char why[512];
	int rc;

	/* opened alone first: checked to be ours, and of this schema */
	if (!part)
		return -1;
	if (!scalar(part, "SELECT count(*) FROM units", 0)) {
		td_factsdb_close(part);
		snprintf(err, len, "%s: holds no units (not a scan's database?)",
			 path);
		return -1;
	}
	td_factsdb_close(part);
	st = prepare(db, "ATTACH DATABASE ? AS part");
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	if (step_done(st))
		goto fail;
	rc = exec(db, "BEGIN IMMEDIATE;"
		  "CREATE TEMP TABLE new_units AS SELECT p.* FROM part.units p"
		  " WHERE p.file NOT IN (SELECT file FROM main.units);"
		  "INSERT INTO main.units(file, compile, kernel, has_driver,"
		  " facts, records, deps) SELECT file, compile, kernel,"
		  " has_driver, facts, records, deps FROM new_units;"
		  "INSERT INTO main.symbols SELECT s.name, m.id"
		  " FROM part.symbols s JOIN new_units n ON s.unit = n.id"
		  " JOIN main.units m ON m.file = n.file;"
		  "INSERT INTO main.ops SELECT o.type, o.field, o.func, m.id"
		  " FROM part.ops o JOIN new_units n ON o.unit = n.id"
		  " JOIN main.units m ON m.file = n.file;"
		  "DROP TABLE new_units; COMMIT;", why, sizeof(why));
	if (rc)
		exec(db, "ROLLBACK", NULL, 0);
	exec(db, "DETACH DATABASE part", NULL, 0);
	if (rc) {
		snprintf(err, len, "%s: cannot merge: %s", path, why);
		return -1;
	}
	return 0;
fail:
	snprintf(err, len, "%s: cannot merge: %s", path,
		 sqlite3_errmsg(db->db));
	return -1;
}

struct rebase {
	const char *cwd, *root;
};

static void rebase_file(const char *file, char *out, size_t len, void *ctx)
{
	const struct rebase *rb = (const struct rebase *)ctx;

	td_root_path(file, rb->cwd, rb->root, out, len);
}

int td_factsdb_put_file(struct td_factsdb *db, const char *file,
			const char *compile, int kernel, const char *path,
			const char *cwd, const char *root, const char *records,
			char *err, size_t len)
{
	struct rebase rb = { cwd, root };
	char *text = td_read_file(path), *facts = NULL;
	struct td_unit *unit = NULL;
	int id = -1;

	if (text)
		facts = td_facts_rebase(text, rebase_file, &rb);
	if (facts)
		unit = td_facts_read(facts, err, len);
	else
		snprintf(err, len, "%s", text ? "not JSON" : "none written");
	if (unit)
		id = td_factsdb_put(db, file, compile, kernel, facts, unit, cwd,
				    records, err, len);
	td_unit_free(unit);
	free(facts);
	free(text);
	return id;
}
