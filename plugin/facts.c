// SPDX-License-Identifier: GPL-2.0
/*
 * The facts of one translation unit as text: what a front end hands to the
 * facts database (docs/facts.md) so that the engine can later judge a
 * driver with the units of its other files linked in (link.c).
 *
 * One JSON object (jansson) per unit.  Locations name their file by an
 * index into "files"; a key is left out when its value is the default
 * (0, -1 or NULL), which keeps a unit at a fraction of its IL.  Reading
 * checks every index against its array, so a corrupt database gives one
 * line of error, never a wild pointer in the engine.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "teardown.h"

/* ------------------------------------------------------------ writing */

struct writer {
	json_t *files;		/* the file names, in order of first use */
	const char **names;
	int n, cap;
};

static int file_index(struct writer *w, const char *file)
{
	int i;

	if (!file)
		return -1;
	for (i = w->n - 1; i >= 0; i--)
		if (w->names[i] == file || !strcmp(w->names[i], file))
			return i;
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 16;
		w->names = (const char **)realloc(w->names,
						  w->cap * sizeof(*w->names));
		if (!w->names)
			abort();
	}
	w->names[w->n] = file;
	json_array_append_new(w->files, json_string(file));
	return w->n++;
}

static void put_int(json_t *o, const char *key, long v, long dflt)
{
	if (v != dflt)
		json_object_set_new(o, key, json_integer(v));
}

static void put_str(json_t *o, const char *key, const char *s)
{
	if (s)
		json_object_set_new(o, key, json_string(s));
}

static void put_loc(struct writer *w, json_t *o, const char *key,
		    const struct td_loc *l)
{
	if (!l->file && !l->line && !l->col)
		return;
	json_object_set_new(o, key, json_pack("[iii]", file_index(w, l->file),
					      l->line, l->col));
}

static json_t *path_json(const struct td_path *p)
{
	json_t *o = json_object(), *f;
	int i;

	put_int(o, "b", p->base, 0);
	put_str(o, "n", p->base_name);
	put_str(o, "v", p->var);
	put_int(o, "p", p->via_pointer, 0);
	put_int(o, "bp", p->base_param, -1);
	if (p->nfields) {
		f = json_array();
		for (i = 0; i < p->nfields && i < TD_MAX_FIELDS; i++)
			json_array_append_new(f, json_pack("[ss?]",
				p->field[i] ? p->field[i] : "", p->ftype[i]));
		json_object_set_new(o, "f", f);
	}
	return o;
}

static json_t *value_json(const struct td_value *v)
{
	json_t *o = json_object();

	put_int(o, "k", v->kind, 0);
	if (v->kind == TD_VAL_ADDR || v->kind == TD_VAL_LOAD)
		json_object_set_new(o, "path", path_json(&v->path));
	put_str(o, "pt", v->ptr_type);
	put_str(o, "fn", v->func);
	put_int(o, "c", v->cst, 0);
	put_int(o, "pa", v->param, 0);
	put_int(o, "call", v->call, 0);
	put_str(o, "t", v->text);
	if (v->has_origin)
		json_object_set_new(o, "o", path_json(&v->origin));
	return o;
}

static json_t *opnd_json(const struct td_opnd *op)
{
	if (op->kind == TD_OP_CONST)
		return json_pack("[iI]", 1, (json_int_t)op->cst);
	if (op->kind == TD_OP_NAME)
		return json_pack("[ii]", 2, op->name);
	return json_null();
}

static json_t *function_json(struct writer *w, const struct td_function *f)
{
	json_t *o = json_object();

	put_str(o, "name", f->name);
	put_loc(w, o, "loc", &f->loc);
	put_loc(w, o, "ins", &f->insert);
	put_int(o, "api", f->is_api, 0);
	put_int(o, "static", f->is_static, 0);
	put_int(o, "ops", f->in_ops, 0);
	put_int(o, "rv", f->returns_value, 0);
	put_int(o, "res", f->result, 0);
	put_int(o, "entry", f->entry, -1);
	put_int(o, "fb", f->first_block, 0);
	put_int(o, "nb", f->nblocks, 0);
	return o;
}

static json_t *call_json(struct writer *w, const struct td_call *c)
{
	json_t *o = json_object(), *args = json_array();
	int i;

	put_int(o, "fn", c->fn, 0);
	put_str(o, "callee", c->callee);
	put_int(o, "api", c->callee_api, 0);
	put_loc(w, o, "loc", &c->loc);
	put_loc(w, o, "ins", &c->insert);
	for (i = 0; i < c->nargs && i < TD_MAX_ARGS; i++)
		json_array_append_new(args, value_json(&c->arg[i]));
	json_object_set_new(o, "args", args);
	if (c->result.kind != TD_VAL_NONE || c->result.text)
		json_object_set_new(o, "result", value_json(&c->result));
	put_int(o, "ret", c->result_returned, 0);
	put_int(o, "esc", c->result_escapes, 0);
	put_int(o, "cond", c->conditional, 0);
	put_int(o, "rk", c->result_kind, 0);
	put_int(o, "block", c->block, -1);
	put_int(o, "alt", c->alternative_of, 0);
	if (c->has_copy)
		json_object_set_new(o, "copy", path_json(&c->copy));
	if (c->fptr.kind != TD_VAL_NONE)
		json_object_set_new(o, "fptr", value_json(&c->fptr));
	return o;
}

static json_t *store_json(struct writer *w, const struct td_store *s)
{
	json_t *o = json_object();

	put_int(o, "fn", s->fn, 0);
	put_loc(w, o, "loc", &s->loc);
	json_object_set_new(o, "dest", path_json(&s->dest));
	put_str(o, "func", s->func);
	put_int(o, "param", s->param, -1);
	if (s->has_src)
		json_object_set_new(o, "src", path_json(&s->src));
	put_int(o, "block", s->block, -1);
	return o;
}

static json_t *block_json(struct writer *w, const struct td_block *b)
{
	json_t *o = json_object();

	put_int(o, "fn", b->fn, 0);
	put_loc(w, o, "loc", &b->loc);
	put_int(o, "fc", b->first_call, 0);
	put_int(o, "nc", b->ncalls, 0);
	put_int(o, "fs", b->first_succ, 0);
	put_int(o, "ns", b->nsucc, 0);
	if (b->has_cond) {
		json_object_set_new(o, "cmp", json_integer(b->cmp));
		json_object_set_new(o, "lhs", opnd_json(&b->lhs));
		json_object_set_new(o, "rhs", opnd_json(&b->rhs));
	}
	if (b->returns)
		json_object_set_new(o, "ret", opnd_json(&b->ret));
	return o;
}

static json_t *name_json(const struct td_name *n)
{
	json_t *o = json_object();

	put_int(o, "k", n->kind, 0);
	if (n->kind == TD_NAME_COPY || n->kind == TD_NAME_NOT)
		json_object_set_new(o, "src", opnd_json(&n->src));
	if (n->kind == TD_NAME_CALL)
		json_object_set_new(o, "call", json_integer(n->call));
	if (n->kind == TD_NAME_LOAD)
		json_object_set_new(o, "load", value_json(&n->load));
	if (n->kind == TD_NAME_PHI) {
		json_object_set_new(o, "block", json_integer(n->block));
		json_object_set_new(o, "fa", json_integer(n->first_arg));
		json_object_set_new(o, "na", json_integer(n->nargs));
	}
	return o;
}

char *td_facts_write(const struct td_unit *unit)
{
	struct writer w = { json_array(), NULL, 0, 0 };
	json_t *o = json_object(), *a;
	char *text;
	int i;

	json_object_set_new(o, "format", json_integer(TD_FACTS_FORMAT));
	put_str(o, "main", unit->main_file);
	json_object_set_new(o, "files", w.files);

	a = json_array();
	for (i = 0; i < unit->nfuncs; i++)
		json_array_append_new(a, function_json(&w, &unit->funcs[i]));
	json_object_set_new(o, "funcs", a);
	a = json_array();
	for (i = 0; i < unit->ncalls; i++)
		json_array_append_new(a, call_json(&w, &unit->calls[i]));
	json_object_set_new(o, "calls", a);
	a = json_array();
	for (i = 0; i < unit->nstores; i++)
		json_array_append_new(a, store_json(&w, &unit->stores[i]));
	json_object_set_new(o, "stores", a);
	a = json_array();
	for (i = 0; i < unit->nvars; i++)
		json_array_append_new(a, json_pack("[is?s?]", unit->vars[i].fn,
			unit->vars[i].name, unit->vars[i].ptr_type));
	json_object_set_new(o, "vars", a);
	a = json_array();
	for (i = 0; i < unit->ndrivers; i++) {
		const struct td_driver *d = &unit->drivers[i];
		json_t *dj = json_object();

		put_str(dj, "object", d->object);
		put_int(dj, "module", d->module, 0);
		put_loc(&w, dj, "loc", &d->loc);
		put_str(dj, "probe", d->probe);
		put_str(dj, "remove", d->remove);
		put_int(dj, "nounbind", d->no_unbind, 0);
		json_array_append_new(a, dj);
	}
	json_object_set_new(o, "drivers", a);
	a = json_array();
	for (i = 0; i < unit->nblocks; i++)
		json_array_append_new(a, block_json(&w, &unit->blocks[i]));
	json_object_set_new(o, "blocks", a);
	a = json_array();
	for (i = 0; i < unit->nsuccs; i++)
		json_array_append_new(a, json_pack("[ii]", unit->succs[i].to,
						   unit->succs[i].when));
	json_object_set_new(o, "succs", a);
	a = json_array();
	for (i = 0; i < unit->nnames; i++)
		json_array_append_new(a, name_json(&unit->names[i]));
	json_object_set_new(o, "names", a);
	a = json_array();
	for (i = 0; i < unit->nphi_args; i++)
		json_array_append_new(a, json_pack("[io]",
			unit->phi_args[i].pred, opnd_json(&unit->phi_args[i].val)));
	json_object_set_new(o, "phi", a);
	a = json_array();
	for (i = 0; i < unit->nops; i++)
		json_array_append_new(a, json_pack("[sss]", unit->ops[i].type,
			unit->ops[i].field, unit->ops[i].func));
	json_object_set_new(o, "ops", a);
	a = json_array();
	for (i = 0; i < unit->ndeps; i++)
		json_array_append_new(a, json_string(unit->deps[i]));
	json_object_set_new(o, "deps", a);

	text = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	free(w.names);
	return text;
}

/* ------------------------------------------------------------ reading */

struct reader {
	struct td_unit *unit;
	const char **files;
	int nfiles;
	char *err;
	size_t errlen;
	int failed;
};

static void fail(struct reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void fail(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	if (r->failed++)
		return;
	va_start(ap, fmt);
	vsnprintf(r->err, r->errlen, fmt, ap);
	va_end(ap);
}

static long get_int(json_t *o, const char *key, long dflt)
{
	json_t *v = json_object_get(o, key);

	return json_is_integer(v) ? (long)json_integer_value(v) : dflt;
}

static const char *get_str(struct reader *r, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? td_strdup(r->unit, json_string_value(v))
				 : NULL;
}

static void get_loc(struct reader *r, json_t *o, const char *key,
		    struct td_loc *l)
{
	json_t *v = json_object_get(o, key);
	json_int_t f = -1, line = 0, col = 0;

	memset(l, 0, sizeof(*l));
	if (!v)
		return;
	if (json_unpack(v, "[III]", &f, &line, &col) || f < -1 ||
	    f >= r->nfiles) {
		fail(r, "a location of '%s' is not [file, line, column]", key);
		return;
	}
	l->file = f >= 0 ? r->files[f] : NULL;
	l->line = (int)line;
	l->col = (int)col;
}

static void get_path(struct reader *r, json_t *o, struct td_path *p)
{
	json_t *f = json_object_get(o, "f"), *e;
	size_t i;

	memset(p, 0, sizeof(*p));
	p->base_param = -1;
	if (!json_is_object(o)) {
		fail(r, "an access path is not an object");
		return;
	}
	p->base = (enum td_base)get_int(o, "b", 0);
	p->base_name = get_str(r, o, "n");
	p->var = get_str(r, o, "v");
	p->via_pointer = (int)get_int(o, "p", 0);
	p->base_param = (int)get_int(o, "bp", -1);
	if (p->base < TD_BASE_NONE || p->base > TD_BASE_LOCAL)
		fail(r, "an access path has base kind %d", (int)p->base);
	json_array_foreach(f, i, e) {
		const char *field = json_string_value(json_array_get(e, 0));

		if (i >= TD_MAX_FIELDS || !field) {
			fail(r, "an access path's fields are malformed");
			return;
		}
		p->field[i] = td_strdup(r->unit, field);
		p->ftype[i] = json_is_string(json_array_get(e, 1)) ?
			td_strdup(r->unit,
				  json_string_value(json_array_get(e, 1))) :
			NULL;
		p->nfields = (int)i + 1;
	}
}

static void get_value(struct reader *r, json_t *o, struct td_value *v)
{
	memset(v, 0, sizeof(*v));
	if (!json_is_object(o)) {
		fail(r, "a value is not an object");
		return;
	}
	v->kind = (enum td_val_kind)get_int(o, "k", 0);
	if (v->kind < TD_VAL_NONE || v->kind > TD_VAL_OTHER)
		fail(r, "a value has kind %d", (int)v->kind);
	if (v->kind == TD_VAL_ADDR || v->kind == TD_VAL_LOAD)
		get_path(r, json_object_get(o, "path"), &v->path);
	else
		v->path.base_param = -1;
	v->ptr_type = get_str(r, o, "pt");
	v->func = get_str(r, o, "fn");
	v->cst = get_int(o, "c", 0);
	v->param = (int)get_int(o, "pa", 0);
	v->call = (int)get_int(o, "call", 0);
	v->text = get_str(r, o, "t");
	if (json_object_get(o, "o")) {
		v->has_origin = 1;
		get_path(r, json_object_get(o, "o"), &v->origin);
	}
	if (v->kind == TD_VAL_FUNC && !v->func)
		fail(r, "a function value names no function");
}

static void get_opnd(struct reader *r, json_t *o, struct td_opnd *op)
{
	json_int_t kind, val;

	memset(op, 0, sizeof(*op));
	if (!o || json_is_null(o))
		return;
	if (json_unpack(o, "[II]", &kind, &val) || kind < 1 || kind > 2) {
		fail(r, "an operand is not [kind, value]");
		return;
	}
	op->kind = (enum td_opnd_kind)kind;
	if (kind == 1)
		op->cst = (long)val;
	else
		op->name = (int)val;
}

static json_t *get_array(struct reader *r, json_t *o, const char *key)
{
	json_t *a = json_object_get(o, key);

	if (!json_is_array(a))
		fail(r, "no array '%s'", key);
	return a;
}

static void read_calls(struct reader *r, json_t *a)
{
	json_t *o, *arg;
	size_t i, j;

	json_array_foreach(a, i, o) {
		struct td_call c;
		json_t *args = json_object_get(o, "args");

		memset(&c, 0, sizeof(c));
		c.fn = (int)get_int(o, "fn", 0);
		c.callee = get_str(r, o, "callee");
		c.callee_api = (int)get_int(o, "api", 0);
		get_loc(r, o, "loc", &c.loc);
		get_loc(r, o, "ins", &c.insert);
		if (json_array_size(args) > TD_MAX_ARGS)
			fail(r, "call %zu has too many arguments", i);
		json_array_foreach(args, j, arg) {
			if (j >= TD_MAX_ARGS)
				break;
			get_value(r, arg, &c.arg[j]);
			c.nargs = (int)j + 1;
		}
		if (json_object_get(o, "result"))
			get_value(r, json_object_get(o, "result"), &c.result);
		else
			c.result.path.base_param = -1;
		c.result_returned = (int)get_int(o, "ret", 0);
		c.result_escapes = (int)get_int(o, "esc", 0);
		c.conditional = (int)get_int(o, "cond", 0);
		c.result_kind = (enum td_result)get_int(o, "rk", 0);
		c.block = (int)get_int(o, "block", -1);
		c.alternative_of = (int)get_int(o, "alt", 0);
		if (json_object_get(o, "copy")) {
			c.has_copy = 1;
			get_path(r, json_object_get(o, "copy"), &c.copy);
		}
		if (json_object_get(o, "fptr"))
			get_value(r, json_object_get(o, "fptr"), &c.fptr);
		else
			c.fptr.path.base_param = -1;
		td_add_call(r->unit, &c);
	}
}

static void read_flow(struct reader *r, json_t *top)
{
	json_t *o, *a;
	size_t i;

	a = get_array(r, top, "blocks");
	json_array_foreach(a, i, o) {
		struct td_block b;

		memset(&b, 0, sizeof(b));
		b.fn = (int)get_int(o, "fn", 0);
		get_loc(r, o, "loc", &b.loc);
		b.first_call = (int)get_int(o, "fc", 0);
		b.ncalls = (int)get_int(o, "nc", 0);
		b.first_succ = (int)get_int(o, "fs", 0);
		b.nsucc = (int)get_int(o, "ns", 0);
		if (json_object_get(o, "cmp")) {
			b.has_cond = 1;
			b.cmp = (enum td_cmp)get_int(o, "cmp", 0);
			if (b.cmp < TD_CMP_EQ || b.cmp > TD_CMP_GE)
				fail(r, "block %zu has comparison %d", i,
				     (int)b.cmp);
			get_opnd(r, json_object_get(o, "lhs"), &b.lhs);
			get_opnd(r, json_object_get(o, "rhs"), &b.rhs);
		}
		if (json_object_get(o, "ret")) {
			b.returns = 1;
			get_opnd(r, json_object_get(o, "ret"), &b.ret);
		}
		td_add_block(r->unit, &b);
	}
	a = get_array(r, top, "succs");
	json_array_foreach(a, i, o) {
		struct td_succ s = { 0, -1 };
		json_int_t to, when;

		if (json_unpack(o, "[II]", &to, &when))
			fail(r, "successor %zu is not [block, when]", i);
		else
			s.to = (int)to, s.when = (int)when;
		td_add_succ(r->unit, &s);
	}
	a = get_array(r, top, "names");
	json_array_foreach(a, i, o) {
		struct td_name n;

		memset(&n, 0, sizeof(n));
		n.kind = (enum td_name_kind)get_int(o, "k", 0);
		if (n.kind < TD_NAME_OTHER || n.kind > TD_NAME_PHI)
			fail(r, "name %zu has kind %d", i, (int)n.kind);
		get_opnd(r, json_object_get(o, "src"), &n.src);
		n.call = (int)get_int(o, "call", 0);
		if (n.kind == TD_NAME_LOAD)
			get_value(r, json_object_get(o, "load"), &n.load);
		n.block = (int)get_int(o, "block", 0);
		n.first_arg = (int)get_int(o, "fa", 0);
		n.nargs = (int)get_int(o, "na", 0);
		td_add_name(r->unit, &n);
	}
	a = get_array(r, top, "phi");
	json_array_foreach(a, i, o) {
		struct td_phi_arg p;
		json_int_t pred;
		json_t *val;

		memset(&p, 0, sizeof(p));
		if (json_unpack(o, "[Io]", &pred, &val)) {
			fail(r, "PHI argument %zu is not [block, operand]", i);
			continue;
		}
		p.pred = (int)pred;
		get_opnd(r, val, &p.val);
		td_add_phi_arg(r->unit, &p);
	}
}

static void read_unit(struct reader *r, json_t *top)
{
	json_t *a, *o;
	size_t i;

	a = get_array(r, top, "files");
	r->nfiles = (int)json_array_size(a);
	r->files = (const char **)calloc(r->nfiles + 1, sizeof(*r->files));
	if (!r->files)
		abort();
	json_array_foreach(a, i, o)
		r->files[i] = td_strdup(r->unit, json_is_string(o) ?
					json_string_value(o) : "?");

	a = get_array(r, top, "funcs");
	json_array_foreach(a, i, o) {
		struct td_function f;

		memset(&f, 0, sizeof(f));
		f.name = get_str(r, o, "name");
		if (!f.name)
			fail(r, "function %zu has no name", i);
		get_loc(r, o, "loc", &f.loc);
		get_loc(r, o, "ins", &f.insert);
		f.is_api = (int)get_int(o, "api", 0);
		f.is_static = (int)get_int(o, "static", 0);
		f.in_ops = (int)get_int(o, "ops", 0);
		f.returns_value = (int)get_int(o, "rv", 0);
		f.result = (enum td_result)get_int(o, "res", 0);
		f.entry = (int)get_int(o, "entry", -1);
		f.first_block = (int)get_int(o, "fb", 0);
		f.nblocks = (int)get_int(o, "nb", 0);
		td_add_function(r->unit, &f);
	}
	read_calls(r, get_array(r, top, "calls"));

	a = get_array(r, top, "stores");
	json_array_foreach(a, i, o) {
		struct td_store s;

		memset(&s, 0, sizeof(s));
		s.fn = (int)get_int(o, "fn", 0);
		get_loc(r, o, "loc", &s.loc);
		get_path(r, json_object_get(o, "dest"), &s.dest);
		s.func = get_str(r, o, "func");
		s.param = (int)get_int(o, "param", -1);
		if (json_object_get(o, "src")) {
			s.has_src = 1;
			get_path(r, json_object_get(o, "src"), &s.src);
		}
		s.block = (int)get_int(o, "block", -1);
		td_add_store(r->unit, &s);
	}
	a = get_array(r, top, "vars");
	json_array_foreach(a, i, o) {
		struct td_var v;
		json_int_t fn;
		json_t *name, *type;

		if (json_unpack(o, "[Ioo]", &fn, &name, &type) ||
		    !json_is_string(name)) {
			fail(r, "variable %zu is not [function, name, type]", i);
			continue;
		}
		v.fn = (int)fn;
		v.name = td_strdup(r->unit, json_string_value(name));
		v.ptr_type = json_is_string(type) ?
			td_strdup(r->unit, json_string_value(type)) : NULL;
		td_add_var(r->unit, &v);
	}
	a = get_array(r, top, "drivers");
	json_array_foreach(a, i, o) {
		struct td_driver d;

		memset(&d, 0, sizeof(d));
		d.object = get_str(r, o, "object");
		d.module = (int)get_int(o, "module", 0);
		get_loc(r, o, "loc", &d.loc);
		d.probe = get_str(r, o, "probe");
		d.remove = get_str(r, o, "remove");
		d.no_unbind = (int)get_int(o, "nounbind", 0);
		if (!d.object)
			fail(r, "driver %zu has no object", i);
		td_add_driver(r->unit, &d);
	}
	read_flow(r, top);
	a = json_object_get(top, "ops");
	json_array_foreach(a, i, o) {
		const char *type, *field, *func;

		if (json_unpack(o, "[sss]", &type, &field, &func)) {
			fail(r, "operation %zu is not [type, field, function]", i);
			continue;
		}
		td_add_op(r->unit, td_strdup(r->unit, type),
			  td_strdup(r->unit, field), td_strdup(r->unit, func));
	}
	a = json_object_get(top, "deps");
	json_array_foreach(a, i, o)
		if (json_is_string(o))
			td_add_dep(r->unit, json_string_value(o));
}

static int in_range(int v, int lo, int n)
{
	return v >= lo && v < n;
}

static void check_value(struct reader *r, const struct td_value *v)
{
	if (v->kind == TD_VAL_CALL && !in_range(v->call, 0, r->unit->ncalls))
		fail(r, "a value is the result of call %d, not in the unit",
		     v->call);
}

static void check_opnd(struct reader *r, const struct td_opnd *op)
{
	if (op->kind == TD_OP_NAME && !in_range(op->name, 0, r->unit->nnames))
		fail(r, "an operand reads name %d, not in the unit", op->name);
}

/* Every index the engine follows points inside its array. */
static void check_indices(struct reader *r)
{
	const struct td_unit *u = r->unit;
	int i, j;

	for (i = 0; i < u->nfuncs; i++) {
		const struct td_function *f = &u->funcs[i];

		if (f->nblocks < 0 || f->first_block < 0 ||
		    f->first_block + f->nblocks > u->nblocks ||
		    (f->entry != -1 && !in_range(f->entry, 0, u->nblocks)))
			fail(r, "function %s has blocks outside the unit",
			     f->name);
	}
	for (i = 0; i < u->ncalls; i++) {
		const struct td_call *c = &u->calls[i];

		if (!in_range(c->fn, 0, u->nfuncs) ||
		    !in_range(c->block, -1, u->nblocks) ||
		    !in_range(c->alternative_of, 0, u->ncalls + 1))
			fail(r, "call %d is outside the unit's functions", i);
		for (j = 0; j < c->nargs; j++)
			check_value(r, &c->arg[j]);
		check_value(r, &c->result);
		check_value(r, &c->fptr);
	}
	for (i = 0; i < u->nstores; i++)
		if (!in_range(u->stores[i].fn, 0, u->nfuncs) ||
		    !in_range(u->stores[i].block, -1, u->nblocks))
			fail(r, "store %d is outside the unit's functions", i);
	for (i = 0; i < u->nvars; i++)
		if (!in_range(u->vars[i].fn, 0, u->nfuncs))
			fail(r, "variable %d is outside the unit's functions", i);
	for (i = 0; i < u->nblocks; i++) {
		const struct td_block *b = &u->blocks[i];

		if (!in_range(b->fn, 0, u->nfuncs) || b->ncalls < 0 ||
		    b->first_call < 0 || b->first_call + b->ncalls > u->ncalls ||
		    b->nsucc < 0 || b->first_succ < 0 ||
		    b->first_succ + b->nsucc > u->nsuccs)
			fail(r, "block %d is outside the unit", i);
		check_opnd(r, &b->lhs);
		check_opnd(r, &b->rhs);
		check_opnd(r, &b->ret);
	}
	for (i = 0; i < u->nsuccs; i++)
		if (!in_range(u->succs[i].to, 0, u->nblocks))
			fail(r, "successor %d leads outside the unit", i);
	for (i = 0; i < u->nnames; i++) {
		const struct td_name *n = &u->names[i];

		check_opnd(r, &n->src);
		if ((n->kind == TD_NAME_CALL &&
		     !in_range(n->call, 0, u->ncalls)) ||
		    (n->kind == TD_NAME_PHI &&
		     (!in_range(n->block, 0, u->nblocks) || n->nargs < 0 ||
		      n->first_arg < 0 ||
		      n->first_arg + n->nargs > u->nphi_args)))
			fail(r, "name %d is outside the unit", i);
		if (n->kind == TD_NAME_LOAD)
			check_value(r, &n->load);
	}
	for (i = 0; i < u->nphi_args; i++) {
		if (!in_range(u->phi_args[i].pred, 0, u->nblocks))
			fail(r, "PHI argument %d comes from outside the unit", i);
		check_opnd(r, &u->phi_args[i].val);
	}
}

struct td_unit *td_facts_read(const char *text, char *err, size_t errlen)
{
	struct reader r;
	json_error_t jerr;
	json_t *top = json_loads(text, 0, &jerr);
	json_int_t format = 0;

	memset(&r, 0, sizeof(r));
	r.err = err;
	r.errlen = errlen;
	if (!top) {
		snprintf(err, errlen, "facts are not JSON: %s (column %d)",
			 jerr.text, jerr.column);
		return NULL;
	}
	if (!json_is_object(top) ||
	    json_unpack(json_object_get(top, "format"), "I", &format) ||
	    format != TD_FACTS_FORMAT) {
		snprintf(err, errlen, "facts of format %lld, not %d",
			 (long long)format, TD_FACTS_FORMAT);
		json_decref(top);
		return NULL;
	}
	r.unit = td_unit_new(json_string_value(json_object_get(top, "main")));
	read_unit(&r, top);
	if (!r.failed)
		check_indices(&r);
	json_decref(top);
	free(r.files);
	if (r.failed) {
		td_unit_free(r.unit);
		return NULL;
	}
	return r.unit;
}

/* One name through map, as a new JSON string. */
static json_t *mapped(json_t *name,
		      void (*map)(const char *, char *, size_t, void *),
		      void *ctx)
{
	char out[4096];

	if (!json_is_string(name))
		return json_incref(name);
	map(json_string_value(name), out, sizeof(out), ctx);
	return json_string(out);
}

char *td_facts_rebase(const char *text,
		      void (*map)(const char *file, char *out, size_t len,
				  void *ctx),
		      void *ctx)
{
	json_t *top = json_loads(text, 0, NULL), *a, *e;
	size_t i;
	char *out;

	if (!json_is_object(top)) {
		json_decref(top);
		return NULL;
	}
	/* not "deps": those stay where this machine can look at them */
	a = json_object_get(top, "files");
	json_array_foreach(a, i, e)
		json_array_set_new(a, i, mapped(e, map, ctx));
	if ((e = json_object_get(top, "main")))
		json_object_set_new(top, "main", mapped(e, map, ctx));
	out = json_dumps(top, JSON_COMPACT);
	json_decref(top);
	return out;
}
