// SPDX-License-Identifier: GPL-2.0
/*
 * Storage of the facts of one translation unit.  Strings handed to the
 * td_add_*() functions must outlive the unit (front ends intern them with
 * td_strdup()).
 */
#include <stdlib.h>
#include <string.h>
#include "teardown.h"

struct strblock {
	struct strblock *next;
	char s[];
};

/* Strings are kept in a list hung off the unit; freed with it. */
static struct strblock **strings_of(struct td_unit *unit)
{
	return (struct strblock **)&unit->strings;
}

const char *td_strdup(struct td_unit *unit, const char *s)
{
	struct strblock **head = strings_of(unit);
	size_t n;
	struct strblock *b;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	b = (struct strblock *)malloc(sizeof(*b) + n);
	if (!b)
		abort();
	memcpy(b->s, s, n);
	b->next = *head;
	*head = b;
	return b->s;
}

#define GROW(arr, n, cap)						\
	do {								\
		if ((n) == (cap)) {					\
			(cap) = (cap) ? 2 * (cap) : 64;			\
			(arr) = (__typeof__(arr))realloc((arr),		\
					(cap) * sizeof(*(arr)));	\
			if (!(arr))					\
				abort();				\
		}							\
	} while (0)

struct td_unit *td_unit_new(const char *main_file)
{
	struct td_unit *unit = (struct td_unit *)calloc(1, sizeof(*unit));

	if (!unit)
		abort();
	unit->main_file = td_strdup(unit, main_file);
	return unit;
}

void td_unit_free(struct td_unit *unit)
{
	struct strblock **head, *b;

	if (!unit)
		return;
	head = strings_of(unit);
	while ((b = *head)) {
		*head = b->next;
		free(b);
	}
	free(unit->funcs);
	free(unit->calls);
	free(unit->stores);
	free(unit->vars);
	free(unit->drivers);
	free(unit->blocks);
	free(unit->succs);
	free(unit->names);
	free(unit->phi_args);
	free(unit->func_index);
	free(unit->deps);
	free(unit->ops);
	free(unit);
}

int td_add_function(struct td_unit *unit, const struct td_function *f)
{
	GROW(unit->funcs, unit->nfuncs, unit->funcs_cap);
	unit->funcs[unit->nfuncs] = *f;
	return unit->nfuncs++;
}

static unsigned int name_hash(const char *s)
{
	unsigned int h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/*
 * An open-addressing table of function indices, grown with the unit: a
 * linked unit holds thousands of functions, and every call looks its
 * callee up.  The first function of a name wins, as a scan would.
 */
static void index_function(struct td_unit *unit, int fn)
{
	unsigned int mask = unit->func_index_cap - 1;
	unsigned int h = name_hash(unit->funcs[fn].name) & mask;

	while (unit->func_index[h] >= 0) {
		if (!strcmp(unit->funcs[unit->func_index[h]].name,
			    unit->funcs[fn].name))
			return;
		h = (h + 1) & mask;
	}
	unit->func_index[h] = fn;
}

static void update_function_index(struct td_unit *unit)
{
	int i;

	if (2 * unit->nfuncs >= unit->func_index_cap) {
		int cap = 64;

		while (cap <= 2 * unit->nfuncs)
			cap *= 2;
		free(unit->func_index);
		unit->func_index = (int *)malloc(cap * sizeof(int));
		if (!unit->func_index)
			abort();
		memset(unit->func_index, 0xff, cap * sizeof(int));
		unit->func_index_cap = cap;
		unit->func_indexed = 0;
	}
	for (i = unit->func_indexed; i < unit->nfuncs; i++)
		if (unit->funcs[i].name)
			index_function(unit, i);
	unit->func_indexed = unit->nfuncs;
}

int td_find_function(const struct td_unit *unit, const char *name)
{
	struct td_unit *u = (struct td_unit *)unit;	/* the index is a cache */
	unsigned int mask, h;

	if (!name)
		return -1;
	if (u->func_indexed != u->nfuncs || !u->func_index)
		update_function_index(u);
	mask = u->func_index_cap - 1;
	for (h = name_hash(name) & mask; u->func_index[h] >= 0;
	     h = (h + 1) & mask)
		if (!strcmp(u->funcs[u->func_index[h]].name, name))
			return u->func_index[h];
	return -1;
}

int td_add_call(struct td_unit *unit, const struct td_call *c)
{
	GROW(unit->calls, unit->ncalls, unit->calls_cap);
	unit->calls[unit->ncalls] = *c;
	return unit->ncalls++;
}

void td_add_store(struct td_unit *unit, const struct td_store *s)
{
	GROW(unit->stores, unit->nstores, unit->stores_cap);
	unit->stores[unit->nstores++] = *s;
}

void td_add_var(struct td_unit *unit, const struct td_var *v)
{
	GROW(unit->vars, unit->nvars, unit->vars_cap);
	unit->vars[unit->nvars++] = *v;
}

void td_add_dep(struct td_unit *unit, const char *file)
{
	int i;

	for (i = 0; i < unit->ndeps; i++)
		if (!strcmp(unit->deps[i], file))
			return;
	GROW(unit->deps, unit->ndeps, unit->deps_cap);
	unit->deps[unit->ndeps++] = td_strdup(unit, file);
}

void td_add_driver(struct td_unit *unit, const struct td_driver *d)
{
	GROW(unit->drivers, unit->ndrivers, unit->drivers_cap);
	unit->drivers[unit->ndrivers++] = *d;
}

void td_mark_in_ops(struct td_unit *unit, const char *name)
{
	int fn = name ? td_find_function(unit, name) : -1;

	if (fn >= 0)
		unit->funcs[fn].in_ops = 1;
}

void td_add_op(struct td_unit *unit, const char *type, const char *field,
	       const char *func)
{
	if (!type || !field || !func)
		return;
	GROW(unit->ops, unit->nops, unit->ops_cap);
	unit->ops[unit->nops].type = type;
	unit->ops[unit->nops].field = field;
	unit->ops[unit->nops++].func = func;
}

/* The struct type that holds a path's last field, or NULL. */
static const char *last_holder(const struct td_path *p)
{
	const char *owner = p->base == TD_BASE_STRUCT ? p->base_name : NULL;
	int i;

	for (i = 0; i < p->nfields - 1; i++)
		if (p->ftype[i] && p->ftype[i][0])
			owner = p->ftype[i];
	return owner;
}

static int add_candidate(const char **names, int n, int max, const char *f)
{
	int i;

	/* past max the names are counted, not kept */
	for (i = 0; i < n && i < max; i++)
		if (!strcmp(names[i], f))
			return n;
	if (n < max)
		names[n] = f;
	return n + 1;
}

int td_indirect_field(const struct td_value *fptr, const char **type,
		      const char **field)
{
	if (fptr->kind != TD_VAL_LOAD || fptr->path.nfields < 1 ||
	    !(*type = last_holder(&fptr->path)))
		return 0;
	*field = fptr->path.field[fptr->path.nfields - 1];
	return 1;
}

int td_indirect_candidates(const struct td_unit *unit,
			   const struct td_value *fptr, const char **names,
			   int max)
{
	const char *type, *field;
	int i, n = 0;

	if (!td_indirect_field(fptr, &type, &field))
		return 0;
	for (i = 0; i < unit->nops; i++)
		if (!strcmp(unit->ops[i].type, type) &&
		    !strcmp(unit->ops[i].field, field))
			n = add_candidate(names, n, max, unit->ops[i].func);
	for (i = 0; i < unit->nstores; i++) {
		const struct td_store *s = &unit->stores[i];
		const char *holder = last_holder(&s->dest);

		if (s->func && s->dest.nfields && holder &&
		    !strcmp(holder, type) &&
		    !strcmp(s->dest.field[s->dest.nfields - 1], field))
			n = add_candidate(names, n, max, s->func);
	}
	return n;
}

int td_resolve_indirect(const struct td_unit *unit,
			const struct td_value *fptr)
{
	const char *name;

	/* two implementations: which one runs is not ours to guess */
	if (td_indirect_candidates(unit, fptr, &name, 1) != 1)
		return -1;
	return td_find_function(unit, name);
}

int td_add_block(struct td_unit *unit, const struct td_block *b)
{
	GROW(unit->blocks, unit->nblocks, unit->blocks_cap);
	unit->blocks[unit->nblocks] = *b;
	return unit->nblocks++;
}

void td_add_succ(struct td_unit *unit, const struct td_succ *s)
{
	GROW(unit->succs, unit->nsuccs, unit->succs_cap);
	unit->succs[unit->nsuccs++] = *s;
}

int td_add_name(struct td_unit *unit, const struct td_name *n)
{
	GROW(unit->names, unit->nnames, unit->names_cap);
	unit->names[unit->nnames] = *n;
	return unit->nnames++;
}

int td_add_phi_arg(struct td_unit *unit, const struct td_phi_arg *a)
{
	GROW(unit->phi_args, unit->nphi_args, unit->phi_args_cap);
	unit->phi_args[unit->nphi_args] = *a;
	return unit->nphi_args++;
}

static void dump_path(const struct td_path *p, FILE *out)
{
	static const char *const base[] = { "none", "struct", "global", "local" };
	int i;

	fprintf(out, "%s:%s", base[p->base], p->base_name ? p->base_name : "?");
	if (p->base_param >= 0)
		fprintf(out, "(param%d)", p->base_param);
	for (i = 0; i < p->nfields; i++)
		fprintf(out, ".%s<%s>", p->field[i][0] ? p->field[i] : "[]",
			p->ftype[i] ? p->ftype[i] : "");
}

static void dump_value(const struct td_value *v, FILE *out)
{
	switch (v->kind) {
	case TD_VAL_NONE:
		fputs("-", out);
		break;
	case TD_VAL_ADDR:
		fputs("&", out);
		dump_path(&v->path, out);
		break;
	case TD_VAL_LOAD:
		fputs("=", out);
		dump_path(&v->path, out);
		break;
	case TD_VAL_PTR:
		fprintf(out, "ptr(%s)", v->ptr_type);
		break;
	case TD_VAL_PARAM:
		fprintf(out, "param%d", v->param);
		break;
	case TD_VAL_FUNC:
		fprintf(out, "fn:%s", v->func);
		break;
	case TD_VAL_CONST:
		fprintf(out, "%ld", v->cst);
		break;
	case TD_VAL_CALL:
		fprintf(out, "call#%d", v->call);
		break;
	case TD_VAL_OTHER:
		fputs("?", out);
		break;
	}
	if (v->text)
		fprintf(out, "{%s}", v->text);
}

static void dump_opnd(const struct td_opnd *o, FILE *out)
{
	if (o->kind == TD_OP_CONST)
		fprintf(out, "%ld", o->cst);
	else if (o->kind == TD_OP_NAME)
		fprintf(out, "n%d", o->name);
	else
		fputs("-", out);
}

/* Blocks, then the names their branches and returns read. */
static void dump_flow(const struct td_unit *unit, FILE *out)
{
	static const char *const cmp[] = { "==", "!=", "<", "<=", ">", ">=" };
	static const char *const kind[] = { "other", "copy", "not", "call",
					    "load", "phi" };
	int i, j;

	for (i = 0; i < unit->nblocks; i++) {
		const struct td_block *b = &unit->blocks[i];

		fprintf(out, "block b%d %s:%d calls=%d+%d", i,
			unit->funcs[b->fn].name, b->loc.line, b->first_call,
			b->ncalls);
		if (b->has_cond) {
			fputs(" if ", out);
			dump_opnd(&b->lhs, out);
			fprintf(out, " %s ", cmp[b->cmp]);
			dump_opnd(&b->rhs, out);
		}
		if (b->returns) {
			fputs(" return ", out);
			dump_opnd(&b->ret, out);
		}
		for (j = 0; j < b->nsucc; j++) {
			const struct td_succ *s = &unit->succs[b->first_succ + j];

			fprintf(out, " ->b%d%s", s->to, s->when < 0 ? "" :
				s->when ? "(t)" : "(f)");
		}
		fputs("\n", out);
	}
	for (i = 0; i < unit->nnames; i++) {
		const struct td_name *n = &unit->names[i];

		fprintf(out, "name n%d %s", i, kind[n->kind]);
		if (n->kind == TD_NAME_COPY || n->kind == TD_NAME_NOT) {
			fputs(" ", out);
			dump_opnd(&n->src, out);
		} else if (n->kind == TD_NAME_CALL) {
			fprintf(out, " call#%d", n->call);
		} else if (n->kind == TD_NAME_LOAD) {
			fputs(" ", out);
			dump_value(&n->load, out);
		} else if (n->kind == TD_NAME_PHI) {
			for (j = 0; j < n->nargs; j++) {
				const struct td_phi_arg *a =
					&unit->phi_args[n->first_arg + j];

				fprintf(out, " b%d:", a->pred);
				dump_opnd(&a->val, out);
			}
		}
		fputs("\n", out);
	}
}

void td_unit_dump(const struct td_unit *unit, FILE *out)
{
	int i, j;

	for (i = 0; i < unit->nfuncs; i++)
		fprintf(out, "function %s %s:%d%s%s\n", unit->funcs[i].name,
			unit->funcs[i].loc.file, unit->funcs[i].loc.line,
			unit->funcs[i].is_api ? " api" : "",
			unit->funcs[i].in_ops ? " ops" : "");
	for (i = 0; i < unit->ndrivers; i++)
		fprintf(out, "%s %s probe=%s remove=%s%s\n",
			unit->drivers[i].module ? "module" : "driver",
			unit->drivers[i].object, unit->drivers[i].probe,
			unit->drivers[i].remove ? unit->drivers[i].remove : "-",
			unit->drivers[i].no_unbind ? " nounbind" : "");
	for (i = 0; i < unit->ncalls; i++) {
		const struct td_call *c = &unit->calls[i];

		fprintf(out, "call#%d %s:%d %s -> %s(", i, unit->funcs[c->fn].name,
			c->loc.line, "", c->callee ? c->callee : "*");
		for (j = 0; j < c->nargs; j++) {
			if (j)
				fputs(", ", out);
			dump_value(&c->arg[j], out);
		}
		fputs(")", out);
		if (c->result.kind != TD_VAL_NONE) {
			fputs(" => ", out);
			dump_value(&c->result, out);
		}
		if (c->result_returned)
			fputs(" returned", out);
		if (c->result_escapes)
			fputs(" escapes", out);
		if (c->conditional)
			fputs(" conditional", out);
		if (c->has_copy) {
			fputs(" copy ", out);
			dump_path(&c->copy, out);
		}
		fputs("\n", out);
	}
	for (i = 0; i < unit->nstores; i++) {
		fprintf(out, "store %s:%d ", unit->funcs[unit->stores[i].fn].name,
			unit->stores[i].loc.line);
		dump_path(&unit->stores[i].dest, out);
		fputs(" = ", out);
		if (unit->stores[i].func)
			fputs(unit->stores[i].func, out);
		else if (unit->stores[i].has_src)
			dump_path(&unit->stores[i].src, out);
		else
			fprintf(out, "param%d", unit->stores[i].param);
		fputs("\n", out);
	}
	dump_flow(unit, out);
}

int td_store_source(struct td_store *s, const struct td_value *v)
{
	/* a field, or a global (port->base = base: a shared mapping) */
	if (v->kind != TD_VAL_FUNC && v->kind != TD_VAL_PARAM &&
	    (v->kind != TD_VAL_LOAD ||
	     (v->path.nfields == 0 &&
	      (v->path.base != TD_BASE_GLOBAL || !v->path.var))))
		return 0;
	memset(s, 0, sizeof(*s));
	if (v->kind == TD_VAL_LOAD) {
		s->has_src = 1;
		s->src = v->path;
	}
	s->func = v->kind == TD_VAL_FUNC ? v->func : NULL;
	s->param = v->kind == TD_VAL_PARAM ? v->param : -1;
	return 1;
}

int td_alternative_value(const struct td_value *v)
{
	return v->kind == TD_VAL_LOAD || v->kind == TD_VAL_ADDR ||
	       v->kind == TD_VAL_CALL;
}
