// SPDX-License-Identifier: GPL-2.0
/*
 * The model of one driver that the checks share: which functions probe
 * reaches, which run on teardown (remove() and devres actions), and which
 * resources probe acquires, each keyed by where it lives.
 *
 * Keys: a resource is named by the struct type that directly holds it and
 * the field path below that type ("xgene_hwmon_dev.workq"), or by a global,
 * so probe's priv->workq and remove's ctx->workq meet whatever the local
 * variables are called and however remove found the struct (drvdata,
 * container_of, a helper's parameter).  A path through a member whose type
 * is itself a resource (the timer inside a delayed_work) stops there.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "engine.h"

#define BIND_DEPTH 4

const char *td_fn_name(const struct td_model *m, int fn)
{
	return fn >= 0 ? m->unit->funcs[fn].name : "?";
}

void td_trace(const struct td_model *m, const char *fmt, ...)
{
	va_list ap;

	if (!m->opts || !m->opts->trace)
		return;
	va_start(ap, fmt);
	fputs("teardown-check: trace: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

int td_tag_enabled(const struct td_model *m, const char *tag)
{
	const struct td_options *o = m->opts;

	if (!o)
		return 1;
	if (o->enabled && !td_in_list(o->enabled, tag))
		return 0;
	return !td_in_list(o->disabled, tag);
}

const char *td_res_ident(const struct td_resource *res)
{
	/* a result kept in a local is keyed by its call's index: unstable */
	return res->key[0] && !strstr(res->key, "call#") ? res->key : res->text;
}

const char *td_res_holder(const struct td_resource *res)
{
	return res->path && res->path->base == TD_BASE_STRUCT ?
	       res->path->base_name : NULL;
}

/* Report f once: drivers sharing a remove path share its findings. */
void td_emit(struct td_model *m, struct td_finding *f)
{
	char *id;
	int i;

	if (!td_tag_enabled(m, f->tag))
		return;
	if (td_suppressed(f->loc.file, f->loc.line, f->tag)) {
		td_trace(m, "%s at %s:%d: silenced by a comment there",
			 f->tag, f->loc.file, f->loc.line);
		return;
	}
	if (!f->confidence)
		f->confidence = TD_CONFIDENCE_HIGH;
	if (f->confidence < (m->opts->confidence ? m->opts->confidence :
			     TD_CONFIDENCE_DEFAULT)) {
		td_trace(m, "%s: %s confidence, below what is asked: not reported",
			 f->tag, td_confidence_name(f->confidence));
		m->stats->below_confidence++;
		return;
	}
	if (!f->driver)
		f->driver = m->drv->object;
	id = (char *)malloc(strlen(f->msg) + 64);
	if (!id)
		abort();
	sprintf(id, "%d:%d:%s", f->loc.line, f->loc.col, f->msg);
	for (i = 0; i < m->nemitted; i++)
		if (!strcmp(m->emitted[i], id)) {
			free(id);
			return;
		}
	if (m->nemitted == m->emitted_cap) {
		m->emitted_cap = m->emitted_cap ? 2 * m->emitted_cap : 16;
		m->emitted = (char **)realloc(m->emitted,
				m->emitted_cap * sizeof(*m->emitted));
		if (!m->emitted)
			abort();
	}
	m->emitted[m->nemitted++] = id;
	m->stats->reported++;
	m->report(f, m->report_ctx);
}

static int family_of_type(const struct td_model *m, const char *type)
{
	int i;

	if (!type)
		return -1;
	for (i = 0; i < m->rules->nfamilies; i++)
		if (td_in_list(m->rules->families[i].type, type))
			return i;
	return -1;
}

/*
 * Key of the object at 'path' using its first 'n' fields.  Returns the
 * number of fields that name the resource (fewer than n when a member of
 * resource type ends it), or -1 when the object has no stable name.
 */
int td_path_key(const struct td_model *m, const struct td_path *p, int n,
		char *key, int *family)
{
	int owner = -1, end = n, i, len;
	const char *owner_type = p->base_name;

	if (p->base != TD_BASE_STRUCT && p->base != TD_BASE_GLOBAL)
		return -1;
	/* the object itself is a resource (a global timer_list): no deeper */
	if (p->base == TD_BASE_STRUCT && family_of_type(m, p->base_name) >= 0) {
		if (family)
			*family = family_of_type(m, p->base_name);
		n = 0;
	}
	if (n == 0) {
		/* a global variable; a bare pointer has no name of its own */
		if (p->via_pointer || !p->var)
			return -1;
		snprintf(key, TD_KEY_LEN, "global %s", p->var);
		return 0;
	}
	for (i = 0; i < n; i++) {
		int f = family_of_type(m, p->ftype[i]);

		if (f >= 0) {
			if (family)
				*family = f;
			end = i + 1;
			break;
		}
	}
	if (p->base == TD_BASE_STRUCT && !p->base_name)
		return -1;
	/*
	 * The innermost named struct that holds the resource, an array
	 * element too: info->mem[0].addr is the mem->addr of the helper
	 * that probe passed &info->mem[0].
	 */
	for (i = 0; i < end - 1; i++)
		if (p->ftype[i] && p->ftype[i][0]) {
			owner = i;
			owner_type = p->ftype[i];
		}
	len = snprintf(key, TD_KEY_LEN, "%s%s", p->base == TD_BASE_GLOBAL &&
		       owner < 0 ? "global " : "", owner_type);
	for (i = owner + 1; i < end && len < TD_KEY_LEN; i++)
		len += snprintf(key + len, TD_KEY_LEN - len, "%s%s",
				p->field[i][0] == '[' ? "" : ".",
				p->field[i][0] == '[' ? "[]" : p->field[i]);
	return end;
}

static void path_text(const struct td_path *p, int n, char *buf, size_t len)
{
	size_t at;
	int i;

	if (p->var)
		at = snprintf(buf, len, "%s", p->var);
	else
		at = snprintf(buf, len, "(*(struct %s *)...)", p->base_name ?
			      p->base_name : "?");
	for (i = 0; i < n && at < len; i++) {
		const char *sep = p->field[i][0] == '[' ? "" :
			(i == 0 && p->via_pointer ? "->" : ".");

		at += snprintf(buf + at, len - at, "%s%s", sep, p->field[i]);
	}
}

/* A value's text as the source wrote it, or &global for a bare address. */
static int written_text(const struct td_value *v, char *buf, size_t len)
{
	if (v->text) {
		snprintf(buf, len, "%s", v->text);
		return 1;
	}
	if (v->kind != TD_VAL_ADDR || !v->path.var || len < 2)
		return 0;
	buf[0] = '&';	/* &iomem_resource */
	path_text(&v->path, v->path.nfields, buf + 1, len - 1);
	return 1;
}

/* Calls of function 'fn' made from a function in 'set' (NULL: anywhere). */
static int next_caller(const struct td_model *m, int fn, const char *set,
		       int from)
{
	const struct td_unit *u = m->unit;
	int i;

	for (i = from; i < u->ncalls; i++)
		if (u->calls[i].callee &&
		    !strcmp(u->calls[i].callee, u->funcs[fn].name) &&
		    (!set || set[u->calls[i].fn]))
			return i;
	return -1;
}

/*
 * The n-th value passed for parameter 'param' of fn: by a direct call, or
 * as the data of a devres action whose callback fn is.  NULL when no more.
 */
static const struct td_value *binding(const struct td_model *m, int fn,
				      int param, const char *set, int n,
				      int *caller)
{
	const struct td_unit *u = m->unit;
	int i;

	for (i = 0; i < u->ncalls; i++) {
		const struct td_call *c = &u->calls[i];
		const struct td_rule *rule;

		if (set && !set[c->fn])
			continue;
		/* by name, or an ops->stop(p) that can only be this one */
		if (td_callee(m, i) == fn) {
			if (param < c->nargs && n-- == 0) {
				*caller = c->fn;
				return &c->arg[param];
			}
			continue;
		}
		if (!c->callee)
			continue;
		rule = td_call_rule(m, i, TD_RULE_ACTION);
		if (rule && param == rule->param && rule->data >= 0 &&
		    rule->callback < c->nargs && rule->data < c->nargs &&
		    c->arg[rule->callback].kind == TD_VAL_FUNC &&
		    !strcmp(c->arg[rule->callback].func, u->funcs[fn].name) &&
		    n-- == 0) {
			*caller = c->fn;
			return &c->arg[rule->data];
		}
	}
	return NULL;
}

static int value_key(const struct td_model *m, const struct td_value *v,
		     int fn, char *key, int *family, int depth)
{
	const struct td_value *b;
	int c;

	switch (v->kind) {
	case TD_VAL_ADDR:
		/*
		 * The address of a plain struct (not a resource) is a pointer
		 * to that struct, however it was reached: &bt878[i] is bt.
		 */
		if (v->ptr_type && family_of_type(m, v->ptr_type) < 0) {
			snprintf(key, TD_KEY_LEN, "*%s", v->ptr_type);
			return 1;
		}
		return td_path_key(m, &v->path, v->path.nfields, key, family) >= 0;
	case TD_VAL_LOAD:
		return td_path_key(m, &v->path, v->path.nfields, key, family) >= 0;
	case TD_VAL_PTR:
		snprintf(key, TD_KEY_LEN, "*%s", v->ptr_type);
		return 1;
	case TD_VAL_CALL:
		/* a struct pointer is named by its type, as everywhere */
		if (v->ptr_type)
			snprintf(key, TD_KEY_LEN, "*%s", v->ptr_type);
		else
			snprintf(key, TD_KEY_LEN, "call#%d", v->call);
		return 1;
	case TD_VAL_OTHER:
		if (!v->ptr_type)
			return 0;
		snprintf(key, TD_KEY_LEN, "*%s", v->ptr_type);
		return 1;
	case TD_VAL_PARAM:
		if (depth >= BIND_DEPTH)
			return 0;
		/* bind to what a caller passes: probe's callers first */
		b = binding(m, fn, v->param, m->in_probe, 0, &c);
		if (!b)
			b = binding(m, fn, v->param, m->in_teardown, 0, &c);
		if (b)
			return value_key(m, b, c, key, family, depth + 1);
		if (!v->ptr_type)
			return 0;
		snprintf(key, TD_KEY_LEN, "*%s", v->ptr_type);
		return 1;
	default:
		return 0;
	}
}

int td_value_key(const struct td_model *m, const struct td_value *v, int fn,
		 char *key, int *family)
{
	return value_key(m, v, fn, key, family, 0);
}

/* Does any binding of 'v' (through every caller, for a parameter) name key? */
int td_value_has_key(const struct td_model *m, const struct td_value *v,
		     int fn, const char *key, int depth)
{
	const struct td_value *b;
	char k[TD_KEY_LEN];
	int n, caller, bound = 0;

	if (v->kind == TD_VAL_CALL) {
		/* a result kept in a local is also named by the call */
		snprintf(k, TD_KEY_LEN, "call#%d", v->call);
		if (!strcmp(k, key))
			return 1;
	}
	if (v->kind != TD_VAL_PARAM) {
		int family = -1;

		return td_value_key(m, v, fn, k, &family) && !strcmp(k, key);
	}
	if (depth >= BIND_DEPTH)
		return 0;
	for (n = 0; (b = binding(m, fn, v->param, NULL, n, &caller)); n++) {
		bound = 1;
		if (td_value_has_key(m, b, caller, key, depth + 1))
			return 1;
	}
	/* reached only through a pointer: its type is all we know */
	if (!bound && v->ptr_type) {
		snprintf(k, TD_KEY_LEN, "*%s", v->ptr_type);
		return !strcmp(k, key);
	}
	return 0;
}

/* Text of 'path' as function fn would write it; 0 if fn cannot name it. */
int td_rebase_text(const struct td_model *m, const struct td_path *path,
		   int fn, char *buf, size_t len)
{
	struct td_path p = *path;
	int i;

	/* probe's loop index means nothing in remove */
	for (i = 0; i < p.nfields; i++)
		if (p.field[i][0] == '[' && (p.field[i][1] < '0' ||
					     p.field[i][1] > '9'))
			return 0;
	if (p.base == TD_BASE_GLOBAL ||
	    (p.base == TD_BASE_STRUCT && !p.via_pointer && p.base_param < 0 &&
	     p.var)) {
		/* a global struct: the same text everywhere */
		path_text(&p, p.nfields, buf, len);
		return p.base == TD_BASE_GLOBAL || p.var != NULL;
	}
	if (p.base != TD_BASE_STRUCT || !p.via_pointer)
		return 0;
	for (i = 0; i < m->unit->nvars; i++) {
		const struct td_var *v = &m->unit->vars[i];

		if (v->fn == fn && v->ptr_type && p.base_name &&
		    !strcmp(v->ptr_type, p.base_name)) {
			p.var = v->name;
			path_text(&p, p.nfields, buf, len);
			return 1;
		}
	}
	return 0;
}

void td_value_text(const struct td_model *m, const struct td_value *v,
		   char *buf, size_t len, int *rebasable)
{
	if ((v->kind == TD_VAL_ADDR || v->kind == TD_VAL_LOAD) &&
	    m->remove >= 0 &&
	    td_rebase_text(m, &v->path, m->remove, buf, len)) {
		if (v->kind == TD_VAL_ADDR) {
			memmove(buf + 1, buf, strlen(buf) + 1 < len ?
				strlen(buf) + 1 : len - 1);
			buf[0] = '&';
		}
		return;
	}
	if (v->kind != TD_VAL_ADDR && v->kind != TD_VAL_LOAD && v->ptr_type &&
	    m->remove >= 0) {
		int i;

		/* a struct pointer: remove's variable of that type */
		for (i = 0; i < m->unit->nvars; i++)
			if (m->unit->vars[i].fn == m->remove &&
			    !strcmp(m->unit->vars[i].ptr_type, v->ptr_type)) {
				snprintf(buf, len, "%s", m->unit->vars[i].name);
				return;
			}
	}
	if (v->kind == TD_VAL_CONST) {
		snprintf(buf, len, "%ld", v->cst);
		return;
	}
	snprintf(buf, len, "%s", v->text ? v->text : "...");
	*rebasable = 0;
}

const struct td_rule *td_call_rule(const struct td_model *m, int call,
				   enum td_rule_kind kind)
{
	return m->call_rule[call * TD_RULE_NKINDS + kind];
}

/* Marks in set what module_exit reaches, and module_init too if asked. */
void td_reach_module(const struct td_model *m, int with_init, char *set)
{
	const struct td_unit *u = m->unit;
	int d;

	for (d = 0; d < u->ndrivers; d++) {
		if (!u->drivers[d].module)
			continue;
		if (with_init)
			td_reach(m, td_find_function(u, u->drivers[d].probe), set);
		td_reach(m, td_find_function(u, u->drivers[d].remove), set);
	}
}

/* The function of this unit a call calls, or -1. */
int td_callee(const struct td_model *m, int call)
{
	return m->callee_fn[call];
}

/* Mark fn and every helper it calls, transitively, in set. */
void td_reach(const struct td_model *m, int fn, char *set)
{
	const struct td_unit *u = m->unit;
	int i;

	if (fn < 0 || set[fn] || u->funcs[fn].is_api)
		return;
	set[fn] = 1;
	for (i = 0; i < u->ncalls; i++)
		if (u->calls[i].fn == fn)
			td_reach(m, td_callee(m, i), set);
}

static struct td_resource *find_resource(struct td_model *m, int family,
					 const char *key, const char *idkey)
{
	int i;

	for (i = 0; i < m->nres; i++)
		if (m->res[i].family == family && !strcmp(m->res[i].key, key) &&
		    (!idkey || !strcmp(m->res[i].idkey, idkey)))
			return &m->res[i];
	return NULL;
}

static int add_resource(struct td_model *m, const struct td_resource *r)
{
	struct td_resource *old = find_resource(m, r->family, r->key, r->idkey);

	if (old) {
		/* INIT_DELAYED_WORK's timer, hrtimer_init + .function = */
		if (!old->callback)
			old->callback = r->callback;
		if (r->call >= 0)
			m->call_res[r->call] = old - m->res;
		return old - m->res;
	}
	if (r->call >= 0)
		m->call_res[r->call] = m->nres;
	if (m->nres == m->res_cap) {
		m->res_cap = m->res_cap ? 2 * m->res_cap : 16;
		m->res = (struct td_resource *)realloc(m->res,
				m->res_cap * sizeof(*m->res));
		if (!m->res)
			abort();
	}
	m->res[m->nres++] = *r;
	td_trace(m, "%s: acquires %s %s (key %s)%s", td_fn_name(m, r->fn),
		 m->rules->families[r->family].name, r->text, r->key,
		 r->managed ? " managed" : "");
	return m->nres - 1;
}

/*
 * Where a returned handle is kept: the field the call's result is stored
 * in; or, when a helper returns it, what probe's call of that helper
 * stores; or, when it is passed to a helper of the file, the field that
 * helper stores that parameter in.  NULL when it stays in locals.
 */
static const struct td_path *kept_result(const struct td_model *m, int call,
					 int depth)
{
	const struct td_unit *u = m->unit;
	const struct td_call *c = &u->calls[call];
	int i, j, k;

	if (c->result.kind == TD_VAL_LOAD)
		return &c->result.path;
	if (depth >= BIND_DEPTH)
		return NULL;
	if (c->result_returned) {
		int caller;

		for (caller = next_caller(m, c->fn, m->in_probe, 0); caller >= 0;
		     caller = next_caller(m, c->fn, m->in_probe, caller + 1)) {
			const struct td_path *p = kept_result(m, caller,
							      depth + 1);

			if (p)
				return p;
		}
	}
	for (i = 0; c->result_escapes && i < u->ncalls; i++) {
		int helper;

		if (u->calls[i].fn != c->fn)
			continue;
		helper = td_callee(m, i);
		if (helper < 0 || u->funcs[helper].is_api)
			continue;
		for (j = 0; j < u->calls[i].nargs; j++) {
			if (u->calls[i].arg[j].kind != TD_VAL_CALL ||
			    u->calls[i].arg[j].call != call)
				continue;
			for (k = 0; k < u->nstores; k++)
				if (u->stores[k].fn == helper &&
				    !u->stores[k].func && u->stores[k].param == j)
					return &u->stores[k].dest;
		}
	}
	return NULL;
}

/*
 * Is call a devres or DRM-managed action whose callback is a kernel
 * release of res, passed as the data?  drmm_alloc_ordered_workqueue()
 * registers __drmm_workqueue_release() on its queue.
 */
int td_action_releases(const struct td_model *m, int call,
		       const struct td_resource *res)
{
	const struct td_call *c = &m->unit->calls[call];
	const struct td_rule *act = td_call_rule(m, call, TD_RULE_ACTION);
	const struct td_rule *rel;

	if (!act || act->callback >= c->nargs || act->data < 0 ||
	    act->data >= c->nargs ||
	    c->arg[act->callback].kind != TD_VAL_FUNC ||
	    td_find_function(m->unit, c->arg[act->callback].func) >= 0)
		return 0;
	rel = td_rules_find(m->rules, TD_RULE_RELEASE,
			    c->arg[act->callback].func);
	return rel && rel->handle == act->param && rel->family == res->family &&
	       td_value_has_key(m, &c->arg[act->data], c->fn, res->key, 0);
}

/* What such an action of probe releases, devres releases. */
static void managed_by_action(struct td_model *m)
{
	int i, r;

	for (i = 0; i < m->unit->ncalls; i++)
		for (r = 0; m->in_probe[m->unit->calls[i].fn] && r < m->nres;
		     r++)
			if (td_action_releases(m, i, &m->res[r]))
				m->res[r].managed = 1;
}

static void acquire_by_call(struct td_model *m, int call)
{
	const struct td_call *c = &m->unit->calls[call];
	const struct td_rule *rule = td_call_rule(m, call, TD_RULE_ACQUIRE);
	struct td_value kept_value;
	const struct td_value *h;
	const struct td_path *hpath = NULL;
	struct td_resource r;
	int n;

	if (!rule)
		return;
	memset(&r, 0, sizeof(r));
	r.family = rule->family;
	r.rule = rule;
	r.call = call;
	r.fn = c->fn;
	r.loc = c->loc;
	r.managed = rule->managed;
	/*
	 * Two IRQs may share a cookie: tell them apart by where their number
	 * is kept, or else by the request itself.
	 */
	if (rule->id >= 0 && rule->id < c->nargs &&
	    (c->arg[rule->id].kind != TD_VAL_LOAD ||
	     td_path_key(m, &c->arg[rule->id].path,
			 c->arg[rule->id].path.nfields, r.idkey, NULL) < 0))
		snprintf(r.idkey, sizeof(r.idkey), "#%d", call);
	if (rule->callback >= 0 && rule->callback < c->nargs &&
	    c->arg[rule->callback].kind == TD_VAL_FUNC)
		r.callback = c->arg[rule->callback].func;
	if (rule->thread >= 0 && rule->thread < c->nargs &&
	    c->arg[rule->thread].kind == TD_VAL_FUNC)
		r.thread = c->arg[rule->thread].func;
	if (rule->bytype) {
		/* memory, a pci_dev: named by the struct type, however held */
		const struct td_value *v = rule->handle == TD_RET ? &c->result :
			rule->handle >= 0 && rule->handle < c->nargs ?
			&c->arg[rule->handle] : NULL;

		if (!v || !v->ptr_type)
			return;
		snprintf(r.key, TD_KEY_LEN, "*%s", v->ptr_type);
		if (rule->handle == TD_RET || !v->text)
			snprintf(r.text, TD_KEY_LEN, "struct %s", v->ptr_type);
		else
			snprintf(r.text, TD_KEY_LEN, "%s", v->text);
		add_resource(m, &r);
		return;
	}
	if (rule->handle == TD_RET) {
		const struct td_path *kept = kept_result(m, call, 0);

		if (!kept) {
			/* kept in a local: keyed by the call itself */
			snprintf(r.key, TD_KEY_LEN, "call#%d", call);
			if (c->result.text)
				snprintf(r.text, TD_KEY_LEN, "%s", c->result.text);
			else
				snprintf(r.text, TD_KEY_LEN, "%s()", c->callee);
			add_resource(m, &r);
			return;
		}
		memset(&kept_value, 0, sizeof(kept_value));
		kept_value.kind = TD_VAL_LOAD;
		kept_value.path = *kept;
		h = &kept_value;
		hpath = kept;	/* stable: r.path must outlive this call */
	} else if (rule->handle < c->nargs) {
		h = &c->arg[rule->handle];
	} else {
		return;
	}
	if ((h->kind != TD_VAL_ADDR && h->kind != TD_VAL_LOAD) ||
	    (h->kind == TD_VAL_ADDR && h->ptr_type &&
	     family_of_type(m, h->ptr_type) < 0)) {
		if (!td_value_key(m, h, c->fn, r.key, &r.family))
			return;
		if (!written_text(h, r.text, sizeof(r.text)))
			snprintf(r.text, TD_KEY_LEN, "?");
		add_resource(m, &r);
		return;
	}
	n = td_path_key(m, &h->path, h->path.nfields, r.key, &r.family);
	if (rule->id >= 0)
		r.family = rule->family;	/* an IRQ's cookie: any type */
	if (r.family != rule->family) {
		/* the timer of a delayed work: not a timer, and its callback
		 * is the workqueue's, not the driver's */
		r.rule = NULL;
		r.callback = NULL;
	}
	if (n < 0) {
		if (!r.managed && h->path.base != TD_BASE_LOCAL)
			m->stats->unkeyed++;
		return;
	}
	r.path = hpath ? hpath : &h->path;
	path_text(r.path, n, r.text, sizeof(r.text));
	add_resource(m, &r);
}

/*
 * Does call (if >= 0), or else function fn and the helpers it calls, free
 * a struct of type 'type' (kfree(ssi), kmem_cache_free(cache, blkif))?
 */
int td_frees_struct(const struct td_model *m, int fn, int call,
		    const char *type)
{
	const struct td_unit *u = m->unit;
	int i, found = 0;
	char *set;

	if (call >= 0) {
		const struct td_rule *rule = td_call_rule(m, call, TD_RULE_FREE);
		const struct td_call *c = &u->calls[call];
		int callee = td_callee(m, call);

		if (rule)
			return rule->handle >= 0 && rule->handle < c->nargs &&
			       c->arg[rule->handle].ptr_type &&
			       !strcmp(c->arg[rule->handle].ptr_type, type);
		if (callee < 0 || u->funcs[callee].is_api)
			return 0;
		fn = callee;
	}
	set = (char *)calloc(u->nfuncs + 1, 1);
	if (!set)
		abort();
	td_reach(m, fn, set);
	for (i = 0; i < u->ncalls && !found; i++)
		found = set[u->calls[i].fn] && td_call_rule(m, i, TD_RULE_FREE) &&
			td_frees_struct(m, -1, i, type);
	free(set);
	return found;
}

/*
 * Does the resource's callback free the struct that holds it?  Then
 * queueing it is how that struct goes (xen-blkback's free_work calls
 * kmem_cache_free() on its blkif): a deferred free, not work left behind.
 */
static int self_freeing(const struct td_model *m,
			const struct td_resource *res)
{
	const char *holder = td_res_holder(res);
	int fn = res->callback ? td_find_function(m->unit, res->callback) : -1;

	return holder && fn >= 0 &&
	       m->rules->families[res->family].hold_armed &&
	       td_frees_struct(m, fn, -1, holder);
}

/*
 * An IRQ cookie read from a field of a struct that is no resource
 * (priv->spi, hw->priv) is the object it points to: key it "*type" in
 * key.  Returns whether it is one.
 */
static int cookie_key(const struct td_model *m, const struct td_value *v,
		      char *key)
{
	if (v->kind != TD_VAL_LOAD || !v->ptr_type ||
	    family_of_type(m, v->ptr_type) >= 0)
		return 0;
	snprintf(key, TD_KEY_LEN, "*%s", v->ptr_type);
	return 1;
}

/*
 * A handle probe keeps in two fields: the call's result stored twice, or
 * copied from one field to the other (adapter->io_addr = hw->hw_addr).
 * Releasing either copy releases it.
 */
static void find_aliases(struct td_model *m)
{
	const struct td_unit *u = m->unit;
	char key[TD_KEY_LEN], src[TD_KEY_LEN];
	int i, r;

	for (r = 0; r < m->nres; r++) {
		struct td_resource *res = &m->res[r];
		const struct td_call *c = res->call >= 0 ?
			&u->calls[res->call] : NULL;

		if (c && c->has_copy && res->rule && res->rule->handle == TD_RET &&
		    td_path_key(m, &c->copy, c->copy.nfields, key, NULL) >= 0 &&
		    strcmp(key, res->key))
			snprintf(res->alias, TD_KEY_LEN, "%s", key);
	}
	/*
	 * An IRQ's cookie is an object, whichever field it was read from:
	 * request_irq(.., priv->spi) and free_irq(.., spi) in remove() pass
	 * the one spi_device (its number must match as well).
	 */
	for (r = 0; r < m->nres; r++) {
		struct td_resource *res = &m->res[r];
		const struct td_value *h;

		if (res->call < 0 || !res->rule || res->rule->id < 0 ||
		    res->rule->handle < 0 ||
		    res->rule->handle >= u->calls[res->call].nargs)
			continue;
		h = &u->calls[res->call].arg[res->rule->handle];
		cookie_key(m, h, res->cookie);
	}
	for (i = 0; i < u->nstores; i++) {
		const struct td_store *s = &u->stores[i];

		if (!s->has_src || !m->in_probe[s->fn] ||
		    td_path_key(m, &s->src, s->src.nfields, src, NULL) < 0 ||
		    td_path_key(m, &s->dest, s->dest.nfields, key, NULL) < 0 ||
		    !strcmp(key, src))
			continue;
		for (r = 0; r < m->nres; r++) {
			if (!m->res[r].alias[0] && !strcmp(src, m->res[r].key))
				snprintf(m->res[r].alias, TD_KEY_LEN, "%s", key);
			/* pcr->irq = pcr->pci->irq: freed by that number */
			if (!m->res[r].idalias[0] &&
			    !strcmp(src, m->res[r].idkey))
				snprintf(m->res[r].idalias, TD_KEY_LEN, "%s",
					 key);
		}
	}
}

/* A store of a callback that initialises a resource: INIT_WORK. */
static void acquire_by_store(struct td_model *m, int store)
{
	const struct td_store *s = &m->unit->stores[store];
	const struct td_path *p = &s->dest;
	const char *owner, *field;
	struct td_resource r;
	int i, n;

	if (p->nfields < 1 || !s->func)
		return;
	field = p->field[p->nfields - 1];
	owner = p->nfields >= 2 ? p->ftype[p->nfields - 2] : p->base_name;
	if (!owner)
		return;
	for (i = 0; i < m->rules->nrules; i++) {
		const struct td_rule *rule = &m->rules->rules[i];
		size_t olen = strlen(owner);

		if (rule->kind != TD_RULE_STORE ||
		    strncmp(rule->func, owner, olen) || rule->func[olen] != '.' ||
		    strcmp(rule->func + olen + 1, field))
			continue;
		memset(&r, 0, sizeof(r));
		r.family = rule->family;
		r.call = -1;
		r.fn = s->fn;
		r.loc = s->loc;
		r.callback = s->func;
		n = td_path_key(m, p, p->nfields - 1, r.key, &r.family);
		if (n < 0) {
			if (p->base != TD_BASE_LOCAL)
				m->stats->unkeyed++;
			return;
		}
		r.path = p;
		path_text(p, n, r.text, sizeof(r.text));
		m->store_res[store] = add_resource(m, &r);
		return;
	}
}

void td_model_build(struct td_model *m, const struct td_driver *drv)
{
	const struct td_unit *u = m->unit;
	int i;

	m->drv = drv;
	m->nres = 0;
	m->probe = td_find_function(u, drv->probe);
	m->remove = td_find_function(u, drv->remove);
	m->in_probe = (char *)calloc(u->nfuncs + 1, 1);
	m->in_teardown = (char *)calloc(u->nfuncs + 1, 1);
	m->call_res = (int *)malloc((u->ncalls + 1) * sizeof(int));
	m->store_res = (int *)malloc((u->nstores + 1) * sizeof(int));
	if (!m->in_probe || !m->in_teardown || !m->call_res || !m->store_res)
		abort();
	for (i = 0; i < u->ncalls; i++)
		m->call_res[i] = -1;
	for (i = 0; i < u->nstores; i++)
		m->store_res[i] = -1;
	if (m->probe < 0)
		return;
	td_reach(m, m->probe, m->in_probe);
	td_reach(m, m->remove, m->in_teardown);
	/* devres actions registered by probe run after remove() */
	for (i = 0; i < u->ncalls; i++) {
		const struct td_rule *rule;
		const struct td_value *cb;

		if (!m->in_probe[u->calls[i].fn])
			continue;
		rule = td_call_rule(m, i, TD_RULE_ACTION);
		if (!rule || rule->callback >= u->calls[i].nargs)
			continue;
		cb = &u->calls[i].arg[rule->callback];
		if (cb->kind == TD_VAL_FUNC)
			td_reach(m, td_find_function(u, cb->func), m->in_teardown);
	}
	for (i = 0; i < u->ncalls; i++)
		if (m->in_probe[u->calls[i].fn])
			acquire_by_call(m, i);
	for (i = 0; i < u->nstores; i++)
		if (m->in_probe[u->stores[i].fn])
			acquire_by_store(m, i);
	managed_by_action(m);
	find_aliases(m);
	for (i = 0; i < m->nres; i++)
		m->res[i].self_freeing = self_freeing(m, &m->res[i]);
	td_timeline_build(m);
}

void td_model_release(struct td_model *m)
{
	free(m->in_probe);
	free(m->in_teardown);
	free(m->call_res);
	free(m->store_res);
	free(m->feed);
	free(m->res);
	free(m->steps);
	m->in_probe = m->in_teardown = NULL;
	m->call_res = NULL;
	m->store_res = NULL;
	m->feed = NULL;
	m->res = NULL;
	m->steps = NULL;
	m->nres = m->res_cap = 0;
	m->nsteps = m->steps_cap = 0;
}

/*
 * When probe requests several IRQs with one cookie, a free_irq() releases
 * the one whose number it names, if it names a field.
 */
static int id_matches(const struct td_model *m, const struct td_resource *res,
		      const struct td_call *c, const struct td_rule *rule)
{
	char key[TD_KEY_LEN];
	int i, shared = 0;

	if (!res->idkey[0] || res->idkey[0] == '#' || rule->id < 0 ||
	    rule->id >= c->nargs || c->arg[rule->id].kind != TD_VAL_LOAD)
		return 1;
	for (i = 0; i < m->nres; i++)
		if (&m->res[i] != res && m->res[i].family == res->family &&
		    !strcmp(m->res[i].key, res->key))
			shared = 1;
	if (!shared || td_path_key(m, &c->arg[rule->id].path,
				   c->arg[rule->id].path.nfields, key, NULL) < 0)
		return 1;
	return !strcmp(key, res->idkey) || !strcmp(key, res->idalias);
}

/*
 * free_irq(pdev->irq, np->s.host): a cookie read from a field is the
 * object it points to, as on the request side (find_aliases()).
 */
static int cookie_object(const struct td_model *m, const struct td_value *v,
			 const struct td_rule *rule, const struct td_resource *res)
{
	char key[TD_KEY_LEN];

	if (rule->id < 0 || !cookie_key(m, v, key))
		return 0;
	return !strcmp(key, res->key) || !strcmp(key, res->cookie);
}

/* Does call apply a rule of 'kind' (release, async, use...) to res? */
int td_call_applies(const struct td_model *m, int call, enum td_rule_kind kind,
		    const struct td_resource *res)
{
	const struct td_call *c = &m->unit->calls[call];
	const struct td_rule *rule = td_call_rule(m, call, kind);
	int arg;

	if (!rule)
		return 0;
	/* disable_irq(n) names the IRQ by number only */
	arg = kind == TD_RULE_QUIESCE || kind == TD_RULE_RESUME ?
		rule->id : rule->handle;
	if (arg < 0 || arg >= c->nargs)
		return 0;
	if (rule->family != res->family &&
	    strcmp(m->rules->families[rule->family].tag,
		   m->rules->families[res->family].tag))
		return 0;	/* a timer collapsed into its delayed work */
	if (kind == TD_RULE_QUIESCE || kind == TD_RULE_RESUME) {
		char key[TD_KEY_LEN];

		return c->arg[arg].kind == TD_VAL_LOAD && res->idkey[0] &&
		       res->idkey[0] != '#' &&
		       td_path_key(m, &c->arg[arg].path,
				   c->arg[arg].path.nfields, key, NULL) >= 0 &&
		       (!strcmp(key, res->idkey) || !strcmp(key, res->idalias));
	}
	if (kind == TD_RULE_USE && c->arg[arg].has_origin) {
		/* readl(&regs->status) with regs = dev->regs */
		char key[TD_KEY_LEN];

		if (td_path_key(m, &c->arg[arg].origin,
				c->arg[arg].origin.nfields, key, NULL) >= 0 &&
		    !strcmp(key, res->key))
			return 1;
	}
	if (kind == TD_RULE_RELEASE && res->rule && res->rule->bytype &&
	    c->arg[arg].ptr_type && res->key[0] == '*' &&
	    !strcmp(res->key + 1, c->arg[arg].ptr_type))
		return 1;	/* pci_disable_device(priv->pdev) */
	return (td_value_has_key(m, &c->arg[arg], c->fn, res->key, 0) ||
		(res->alias[0] &&
		 td_value_has_key(m, &c->arg[arg], c->fn, res->alias, 0)) ||
		(res->cookie[0] &&
		 td_value_has_key(m, &c->arg[arg], c->fn, res->cookie, 0)) ||
		cookie_object(m, &c->arg[arg], rule, res)) &&
	       id_matches(m, res, c, rule);
}

/* The resource's text as function fn (remove()) would write it. */
static int rebase_handle(const struct td_model *m,
			 const struct td_resource *res, int fn, char *buf,
			 size_t len)
{
	struct td_path base;

	if (fn < 0)
		return 0;
	if (!res->path) {
		/* a cookie or a pointer: as remove would name it */
		const struct td_call *c = res->call >= 0 ?
			&m->unit->calls[res->call] : NULL;
		int ok = 1;

		if (!c || !res->rule || res->rule->handle < 0 ||
		    res->rule->handle >= c->nargs)
			return 0;
		td_value_text(m, &c->arg[res->rule->handle], buf, len,
			      &ok);
		return ok;
	}
	if (!td_rebase_text(m, res->path, fn, buf, len))
		return 0;
	if (res->path->base == TD_BASE_GLOBAL || !res->path->via_pointer) {
		snprintf(buf, len, "%s", res->text);
		return res->path->var != NULL;
	}
	if (!res->path->var)
		return 0;
	base = *res->path;
	base.nfields = 0;
	if (!td_rebase_text(m, &base, fn, buf, len))
		return 0;
	snprintf(buf + strlen(buf), len - strlen(buf), "%s",
		 res->text + strlen(res->path->var));
	return 1;
}

/* A value's text as C would write it: "(&p->dma)" is "&p->dma". */
static void plain_text(const char *text, char *buf, size_t len)
{
	size_t n = strlen(text);

	if (n > 3 && text[0] == '(' && text[1] == '&' && text[n - 1] == ')' &&
	    !strchr(text + 1, '(') && !strchr(text + 1, ' '))
		snprintf(buf, len, "%.*s", (int)(n - 2), text + 1);
	else
		snprintf(buf, len, "%s", text);
}

int td_text_is_call(const char *text)
{
	size_t n = strlen(text);

	return n && text[n - 1] == ')' && strchr(text, '(') &&
	       !strpbrk(text, ">.");
}

/*
 * Expand a fix= template: %h handle, %i id, %N argument N, to go in
 * function at_fn: in remove()'s words when at_fn is remove (or there is
 * none), else as the acquiring call wrote them (probe's error paths).
 * Returns whether the text compiles there: a helper's words may not.
 */
int td_fix_text(const struct td_model *m, const struct td_resource *res,
		int at_fn, char *buf, size_t len)
{
	const struct td_family *fam = &m->rules->families[res->family];
	const char *t = res->rule && res->rule->fix ? res->rule->fix : fam->fix;
	const struct td_call *c = res->call >= 0 ? &m->unit->calls[res->call] : NULL;
	int in_remove = at_fn == m->remove;
	int rebasable = 1, deref = 0, helper_args = 0;
	size_t at = 0;

	if (!t)
		t = "";
	for (; *t && at + 1 < len; t++) {
		char piece[TD_KEY_LEN], raw[TD_KEY_LEN];
		const struct td_value *v = NULL;

		if (*t != '%' || !t[1]) {
			buf[at++] = *t;
			continue;
		}
		t++;
		if (*t == 'h') {
			if (!in_remove) {
				const struct td_value *h = c && res->rule &&
					res->rule->handle >= 0 &&
					res->rule->handle < c->nargs ?
					&c->arg[res->rule->handle] : NULL;

				snprintf(piece, sizeof(piece), "%s",
					 res->path || !h || !h->text ?
					 res->text : h->text);
			} else if (!rebase_handle(m, res, m->remove, piece,
						  sizeof(piece))) {
				snprintf(piece, sizeof(piece), "%s", res->text);
				rebasable = 0;
			}
			if (!in_remove && res->fn != at_fn) {
				char there[TD_KEY_LEN];

				/* a helper's handle: the same words there? */
				if (!rebase_handle(m, res, at_fn, there,
						   sizeof(there)) ||
				    strcmp(there, piece))
					rebasable = 0;
			}
		} else if (*t == 'i' && c && res->rule && res->rule->id >= 0) {
			v = &c->arg[res->rule->id];
		} else if (*t >= '0' && *t <= '9' && c && *t - '0' < c->nargs) {
			v = &c->arg[*t - '0'];
		} else if (*t == '*' && t[1] >= '0' && t[1] <= '9' && c &&
			   t[1] - '0' < c->nargs) {
			/* what the argument points to: &p->dma is p->dma */
			t++;
			v = &c->arg[*t - '0'];
			deref = 1;
		} else {
			snprintf(piece, sizeof(piece), "%%%c", *t);
		}
		if (v && in_remove)
			td_value_text(m, v, piece, sizeof(piece),
				      &rebasable);
		else if (v && v->kind == TD_VAL_CONST)
			snprintf(piece, sizeof(piece), "%ld", v->cst);
		else if (v && written_text(v, raw, sizeof(raw)))
			plain_text(raw, piece, sizeof(piece)),
			helper_args = 1;
		else if (v)
			snprintf(piece, sizeof(piece), "..."), rebasable = 0;
		if (deref && piece[0] == '&')
			memmove(piece, piece + 1, strlen(piece));
		else if (deref)
			rebasable = 0;
		deref = 0;
		at += snprintf(buf + at, len - at, "%s", piece);
	}
	buf[at < len ? at : len - 1] = '\0';
	/* the acquiring call's other arguments, in a helper's words */
	if (!in_remove && helper_args && res->fn != at_fn)
		rebasable = 0;
	if (td_text_is_call(res->text))
		rebasable = 0;
	return rebasable && (!in_remove || m->remove >= 0);
}

/* The callbacks a resource runs: its handler, and an IRQ's thread. */
int td_callbacks_of(const struct td_model *m, const struct td_resource *r,
			char *set)
{
	int cb = td_find_function(m->unit, r->callback);
	int th = td_find_function(m->unit, r->thread);

	memset(set, 0, m->unit->nfuncs + 1);
	td_reach(m, cb, set);
	td_reach(m, th, set);
	return cb >= 0 || th >= 0;
}

/*
 * Does releasing a resource of family 'queue' wait for the queued items of
 * family 'item' (drains= in the rules)?  A workqueue drains work, but not
 * delayed work whose timer has not fired yet.
 */
int td_family_drains(const struct td_model *m, int queue, int item)
{
	return td_in_list(m->rules->families[queue].drains,
			  m->rules->families[item].name);
}

/*
 * Is work queued (by the driver's own code), and only on workqueues that
 * 'destroyed' accepts?  Destroying a workqueue drains it.
 */
int td_drained(const struct td_model *m, const struct td_resource *work,
	       td_wq_test destroyed, const void *arg)
{
	const struct td_unit *u = m->unit;
	int i, fam, queued = 0;
	struct td_resource wq;

	memset(&wq, 0, sizeof(wq));
	wq.family = -1;
	for (fam = 0; fam < m->rules->nfamilies; fam++)
		if (td_family_drains(m, fam, work->family))
			wq.family = fam;
	if (wq.family < 0)
		return 0;
	for (i = 0; i < u->ncalls; i++) {
		const struct td_call *c = &u->calls[i];
		const struct td_rule *rule = td_call_rule(m, i, TD_RULE_QUEUE);

		if (!rule || u->funcs[c->fn].is_api || rule->work >= c->nargs ||
		    !td_value_has_key(m, &c->arg[rule->work], c->fn, work->key,
				      0))
			continue;
		queued++;
		if (rule->wq < 0 || rule->wq >= c->nargs ||
		    !td_value_key(m, &c->arg[rule->wq], c->fn, wq.key, &fam) ||
		    !destroyed(m, &wq, arg))
			return 0;
	}
	return queued > 0;
}

/* Does call (in a callback) queue, arm or access resource q? */
int td_feeds(const struct td_model *m, int call,
		 const struct td_resource *q)
{
	const struct td_call *c = &m->unit->calls[call];
	const struct td_rule *rule = td_call_rule(m, call, TD_RULE_QUEUE);
	const char *fam = m->rules->families[q->family].name;

	if (rule) {
		int arg = !strcmp(fam, "workqueue") ? rule->wq : rule->work;

		return arg >= 0 && arg < c->nargs &&
		       td_value_has_key(m, &c->arg[arg], c->fn, q->key, 0) &&
		       (!strcmp(fam, "workqueue") || !strcmp(fam, "work") ||
			!strcmp(fam, "dwork"));
	}
	return td_call_applies(m, call, TD_RULE_USE, q);
}

/*
 * feed[r * nres + q]: the call by which a callback of r queues, arms or
 * accesses q, or -1.  Only calls that some queue or use rule names can.
 * Computed once per driver, for the order and error-path checks both.
 */
const int *td_feed_matrix(struct td_model *m)
{
	int n = m->nres, r, q, i;
	int *feed;
	char *set;

	if (m->feed)
		return m->feed;
	feed = (int *)malloc((n * n + 1) * sizeof(*feed));
	set = (char *)malloc(m->unit->nfuncs + 1);
	if (!feed || !set)
		abort();
	for (i = 0; i < n * n; i++)
		feed[i] = -1;
	for (r = 0; r < n; r++) {
		if (!td_callbacks_of(m, &m->res[r], set))
			continue;
		for (i = 0; i < m->unit->ncalls; i++) {
			if (!set[m->unit->calls[i].fn] ||
			    (!td_call_rule(m, i, TD_RULE_QUEUE) &&
			     !td_call_rule(m, i, TD_RULE_USE)))
				continue;
			for (q = 0; q < n; q++)
				if (q != r && feed[r * n + q] < 0 &&
				    td_feeds(m, i, &m->res[q]))
					feed[r * n + q] = i;
		}
	}
	free(set);
	m->feed = feed;
	return feed;
}
