// SPDX-License-Identifier: GPL-2.0
/*
 * Linking: the units a driver is spread over, made into one unit the
 * engine judges as if it were one file.  Every index is shifted by what
 * the units before it hold; names that would meet (a static helper of the
 * same name in two files, a driver header's inline compiled into both)
 * are kept apart by renaming the later one "name@file", and each unit's
 * own references follow its renamed functions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "teardown.h"

struct rename {
	const char *from, *to;
};

struct renames {
	struct rename *r;
	int n;
};

static const char *renamed(const struct renames *rn, const char *name)
{
	int i;

	if (!name)
		return NULL;
	for (i = 0; i < rn->n; i++)
		if (!strcmp(rn->r[i].from, name))
			return rn->r[i].to;
	return name;
}

static const char *base_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;

	return slash ? slash + 1 : path ? path : "?";
}

/* A name for fn of unit u that nothing linked so far uses. */
static const char *fresh_name(struct td_unit *out, const struct td_unit *u,
			      const char *name)
{
	char buf[512];
	int k;

	snprintf(buf, sizeof(buf), "%s@%s", name, base_name(u->main_file));
	for (k = 2; td_find_function(out, buf) >= 0; k++)
		snprintf(buf, sizeof(buf), "%s@%s#%d", name,
			 base_name(u->main_file), k);
	return td_strdup(out, buf);
}

static void shift_value(struct td_value *v, int cbase,
			const struct renames *rn)
{
	if (v->kind == TD_VAL_CALL)
		v->call += cbase;
	if (v->kind == TD_VAL_FUNC)
		v->func = renamed(rn, v->func);
}

static void shift_opnd(struct td_opnd *op, int nbase)
{
	if (op->kind == TD_OP_NAME)
		op->name += nbase;
}

/* Append u's facts to out, its names first passed through rn. */
static void append_unit(struct td_unit *out, const struct td_unit *u,
			const struct renames *rn, int linked)
{
	int fbase = out->nfuncs, cbase = out->ncalls, bbase = out->nblocks;
	int sbase = out->nsuccs, nbase = out->nnames, pbase = out->nphi_args;
	int i, j;

	for (i = 0; i < u->nfuncs; i++) {
		struct td_function f = u->funcs[i];

		f.name = renamed(rn, f.name);
		f.linked = linked;
		if (f.entry >= 0)
			f.entry += bbase;
		f.first_block += bbase;
		td_add_function(out, &f);
	}
	for (i = 0; i < u->ncalls; i++) {
		struct td_call c = u->calls[i];

		c.fn += fbase;
		c.callee = renamed(rn, c.callee);
		if (c.block >= 0)
			c.block += bbase;
		if (c.alternative_of)
			c.alternative_of += cbase;
		for (j = 0; j < c.nargs; j++)
			shift_value(&c.arg[j], cbase, rn);
		shift_value(&c.result, cbase, rn);
		shift_value(&c.fptr, cbase, rn);
		td_add_call(out, &c);
	}
	for (i = 0; i < u->nstores; i++) {
		struct td_store s = u->stores[i];

		s.fn += fbase;
		s.func = renamed(rn, s.func);
		if (s.block >= 0)
			s.block += bbase;
		td_add_store(out, &s);
	}
	for (i = 0; i < u->nvars; i++) {
		struct td_var v = u->vars[i];

		v.fn += fbase;
		td_add_var(out, &v);
	}
	for (i = 0; i < u->nblocks; i++) {
		struct td_block b = u->blocks[i];

		b.fn += fbase;
		b.first_call += cbase;
		b.first_succ += sbase;
		shift_opnd(&b.lhs, nbase);
		shift_opnd(&b.rhs, nbase);
		shift_opnd(&b.ret, nbase);
		td_add_block(out, &b);
	}
	for (i = 0; i < u->nsuccs; i++) {
		struct td_succ s = u->succs[i];

		s.to += bbase;
		td_add_succ(out, &s);
	}
	for (i = 0; i < u->nnames; i++) {
		struct td_name n = u->names[i];

		shift_opnd(&n.src, nbase);
		if (n.kind == TD_NAME_CALL)
			n.call += cbase;
		if (n.kind == TD_NAME_PHI) {
			n.block += bbase;
			n.first_arg += pbase;
		}
		shift_value(&n.load, cbase, rn);
		td_add_name(out, &n);
	}
	for (i = 0; i < u->nphi_args; i++) {
		struct td_phi_arg a = u->phi_args[i];

		a.pred += bbase;
		shift_opnd(&a.val, nbase);
		td_add_phi_arg(out, &a);
	}
	for (i = 0; i < u->nops; i++)
		td_add_op(out, u->ops[i].type, u->ops[i].field,
			  renamed(rn, u->ops[i].func));
}

struct td_unit *td_unit_link(struct td_unit *const *units, int n)
{
	struct td_unit *out;
	struct renames rn = { NULL, 0 };
	int k, i;

	if (n < 1)
		return NULL;
	out = td_unit_new(units[0]->main_file);
	for (k = 0; k < n; k++) {
		const struct td_unit *u = units[k];

		rn.n = 0;
		rn.r = (struct rename *)realloc(rn.r, (u->nfuncs + 1) *
						sizeof(*rn.r));
		if (!rn.r)
			abort();
		for (i = 0; i < u->nfuncs; i++) {
			const char *name = u->funcs[i].name;

			if (td_find_function(out, name) < 0)
				continue;
			rn.r[rn.n].from = name;
			rn.r[rn.n++].to = fresh_name(out, u, name);
		}
		append_unit(out, u, &rn, k > 0);
		/* the judged unit's drivers only: the others are judged
		 * when their own unit is */
		for (i = 0; k == 0 && i < u->ndrivers; i++)
			td_add_driver(out, &u->drivers[i]);
	}
	free(rn.r);
	return out;
}
