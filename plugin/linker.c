// SPDX-License-Identifier: GPL-2.0
/*
 * The command's linker (linker.h).  The units' facts stay in the facts
 * database until a judgement needs them: a tree holds thousands of units,
 * a driver reaches a handful.
 *
 * Which units a driver reaches is a walk of the call graph from every
 * function of its own file: a callee or a function address (a work's
 * callback, a devres action) not defined in the unit it is met in is
 * looked up among the other units' non-static functions.  Kernel APIs
 * (declared under include/) and what the rules name are not followed:
 * the rules say what they do.  A name several units define is taken from
 * the one whose path shares the most directories with the unit it is met
 * in; a tie is counted, not guessed.
 */
#include <stdlib.h>
#include <string.h>
#include "factsdb.h"
#include "linker.h"
#include "record.h"

/* The most units one judgement links: a driver core reaches far. */
#define TD_LINK_MAX 64
/* The most definitions of one name weighed against each other. */
#define TD_LINK_CANDIDATES 16

/* How many leading directories two paths share. */
static int shared_dirs(const char *a, const char *b)
{
	int n = 0;

	for (; *a && *a == *b; a++, b++)
		if (*a == '/')
			n++;
	return n;
}

/*
 * The unit that defines name for code of unit 'from' (file), or -1
 * (none), or -2 (several, none nearer than the others).
 */
static int nearest_unit(int *ids, char **files, int n, int from,
			const char *file)
{
	int best = -1, best_score = -1, tie = 0, i;

	for (i = 0; i < n; i++) {
		int score = shared_dirs(files[i], file);

		free(files[i]);
		if (ids[i] == from)
			continue;
		if (score > best_score) {
			best = ids[i];
			best_score = score;
			tie = 0;
		} else if (score == best_score) {
			tie = 1;
		}
	}
	return tie ? -2 : best;
}

static int defining_unit(struct td_factsdb *db, const char *name, int from,
			 const char *file)
{
	int ids[TD_LINK_CANDIDATES];
	char *files[TD_LINK_CANDIDATES];
	int n = td_factsdb_defining(db, name, ids, files, TD_LINK_CANDIDATES);

	return nearest_unit(ids, files, n, from, file);
}

/* The units of one judgement, read, and the functions reached in each. */
struct closure {
	struct td_factsdb *db;
	char *file[TD_LINK_MAX];	/* each unit's, as the database keys it */
	int ids[TD_LINK_MAX];
	struct td_unit *unit[TD_LINK_MAX];
	char *reached[TD_LINK_MAX];
	int n;
	int todo_unit[4096], todo_fn[4096];	/* the walk's worklist */
	int ntodo;
	int truncated;
};

static int closure_slot(struct closure *c, int id)
{
	char err[256], *text;
	int k;

	for (k = 0; k < c->n; k++)
		if (c->ids[k] == id)
			return k;
	if (c->n == TD_LINK_MAX) {
		c->truncated = 1;
		return -1;
	}
	text = td_factsdb_facts(c->db, id);
	c->unit[c->n] = text ? td_facts_read(text, err, sizeof(err)) : NULL;
	free(text);
	if (!c->unit[c->n])
		return -1;
	c->file[c->n] = td_factsdb_file(c->db, id);
	c->ids[c->n] = id;
	c->reached[c->n] = (char *)calloc(c->unit[c->n]->nfuncs + 1, 1);
	if (!c->reached[c->n])
		abort();
	return c->n++;
}

static void reach(struct closure *c, int k, int fn)
{
	if (fn < 0 || c->reached[k][fn])
		return;
	c->reached[k][fn] = 1;
	if (c->ntodo == (int)(sizeof(c->todo_fn) / sizeof(c->todo_fn[0]))) {
		c->truncated = 1;
		return;
	}
	c->todo_unit[c->ntodo] = k;
	c->todo_fn[c->ntodo++] = fn;
}

/*
 * A function named in unit k's code: its own, or another unit's.  api is
 * 1 for a call of a kernel API, 0 for a call of the driver's own code, -1
 * for a function's address (whose declaration the facts do not say).
 */
static void follow(struct closure *c, int k,
		   const char *name, int api, const struct td_rules *rules,
		   struct td_link_stats *stats)
{
	int fn, id, slot;

	if (!name)
		return;
	fn = td_find_function(c->unit[k], name);
	if (fn >= 0) {
		reach(c, k, fn);
		return;
	}
	if (api > 0 || td_rules_known(rules, name))
		return;
	id = defining_unit(c->db, name, c->ids[k],
			   c->file[k] ? c->file[k] : "");
	if (id == -2) {
		stats->ambiguous++;
		return;
	}
	if (id < 0) {
		/* a function address may well be the kernel's own
		 * (delayed_work_timer_fn): only calls are counted */
		stats->no_facts += api == 0;
		return;
	}
	slot = closure_slot(c, id);
	if (slot >= 0)
		reach(c, slot, td_find_function(c->unit[slot], name));
}

/*
 * ops->stop(dev): whatever fills that field in the units linked so far
 * may run (the engine then follows it if it is the only one).
 */
static void follow_indirect(struct closure *c, int from,
			    const struct td_call *call,
			    struct td_link_stats *stats)
{
	int ids[TD_LINK_CANDIDATES], k, i, n, id;
	char *files[TD_LINK_CANDIDATES];
	const char *names[8], *type, *field;

	/* the ops table may be in a file not linked yet: the nearest one
	 * that fills the field (a driver's own ops type has one) */
	if (!td_indirect_field(&call->fptr, &type, &field))
		return;
	n = td_factsdb_filling(c->db, type, field, ids, files,
			       TD_LINK_CANDIDATES);
	id = nearest_unit(ids, files, n, -1, c->file[from] ? c->file[from] : "");
	if (id == -2)
		stats->ambiguous++;
	else if (id >= 0)
		closure_slot(c, id);
	for (k = 0; k < c->n; k++) {
		n = td_indirect_candidates(c->unit[k], &call->fptr, names, 8);
		for (i = 0; i < n && i < 8; i++)
			reach(c, k, td_find_function(c->unit[k], names[i]));
	}
}

static void walk(struct closure *c,
		 const struct td_rules *rules, struct td_link_stats *stats)
{
	while (c->ntodo > 0) {
		int k = c->todo_unit[--c->ntodo], fn = c->todo_fn[c->ntodo];
		const struct td_unit *u = c->unit[k];
		int i, j;

		for (i = 0; i < u->ncalls; i++) {
			const struct td_call *call = &u->calls[i];

			if (call->fn != fn)
				continue;
			follow(c, k, call->callee, call->callee_api, rules,
			       stats);
			if (!call->callee)
				follow_indirect(c, k, call, stats);
			for (j = 0; j < call->nargs; j++)
				if (call->arg[j].kind == TD_VAL_FUNC)
					follow(c, k, call->arg[j].func, -1,
					       rules, stats);
		}
		for (i = 0; i < u->nstores; i++)
			if (u->stores[i].fn == fn && u->stores[i].func)
				follow(c, k, u->stores[i].func, -1, rules,
				       stats);
	}
}

static void report(const struct td_finding *f, void *ctx)
{
	td_record_finding((FILE *)ctx, f);
}

int td_linker_judge_alone(struct td_factsdb *db, int u,
			  const struct td_rules *rules,
			  const struct td_options *opts, FILE *out)
{
	char *text = td_factsdb_facts(db, u), err[256];
	struct td_unit *unit = text ? td_facts_read(text, err, sizeof(err))
				    : NULL;
	struct td_stats st;

	free(text);
	if (!unit)
		return -1;
	memset(&st, 0, sizeof(st));
	td_check_unit(unit, rules, opts, &st, report, out);
	td_record_stats(out, unit->main_file, &st);
	td_unit_free(unit);
	return 0;
}

int td_linker_judge(struct td_factsdb *db, int u,
		    const struct td_rules *rules, const struct td_options *opts,
		    FILE *out, struct td_link_stats *stats)
{
	struct closure *c = (struct closure *)calloc(1, sizeof(*c));
	struct td_link_stats seen;
	int k, fn, linked;

	if (!c)
		abort();
	c->db = db;
	memset(&seen, 0, sizeof(seen));
	if (closure_slot(c, u) < 0) {
		free(c);
		return -1;
	}
	/* every function of the driver's own file may be a root: probe,
	 * remove, the callbacks they register */
	for (fn = 0; fn < c->unit[0]->nfuncs; fn++)
		reach(c, 0, fn);
	/* a driver object may name a probe or remove of another file */
	for (k = 0; k < c->unit[0]->ndrivers; k++) {
		follow(c, 0, c->unit[0]->drivers[k].probe, 0, rules, &seen);
		follow(c, 0, c->unit[0]->drivers[k].remove, 0, rules, &seen);
	}
	walk(c, rules, &seen);
	linked = c->n - 1;
	if (linked > 0) {
		struct td_unit *one = td_unit_link(c->unit, c->n);
		struct td_stats st;

		memset(&st, 0, sizeof(st));
		td_check_unit(one, rules, opts, &st, report, out);
		td_record_stats(out, c->unit[0]->main_file, &st);
		td_unit_free(one);
		stats->judged++;
		stats->linked += linked;
		stats->truncated += c->truncated;
	}
	stats->no_facts += seen.no_facts;
	stats->ambiguous += seen.ambiguous;
	for (k = 0; k < c->n; k++) {
		td_unit_free(c->unit[k]);
		free(c->reached[k]);
		free(c->file[k]);
	}
	free(c);
	return linked;
}
