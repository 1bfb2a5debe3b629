// SPDX-License-Identifier: GPL-2.0
/*
 * The teardown timeline of a driver: remove()'s calls in the order they
 * run, with the helpers it calls expanded in place, then what devres does
 * after remove() returns: the managed resources and devm_add_action()
 * callbacks of probe, in reverse order of their registration.
 *
 * Order inside a function is source order, which is execution order for
 * the straight-line code remove() functions are made of; a call not on
 * every path is marked conditional.
 */
#include <stdlib.h>
#include <string.h>
#include "engine.h"

#define MAX_DEPTH 8
#define MAX_CALLS 4096

static const struct td_unit *sort_unit;

static int by_position(const void *a, const void *b)
{
	const struct td_call *x = &sort_unit->calls[*(const int *)a];
	const struct td_call *y = &sort_unit->calls[*(const int *)b];

	if (x->loc.line != y->loc.line)
		return x->loc.line - y->loc.line;
	if (x->loc.col != y->loc.col)
		return x->loc.col - y->loc.col;
	return *(const int *)a - *(const int *)b;
}

/* The calls fn makes, in source order; returns how many. */
int td_calls_in_order(const struct td_model *m, int fn, int *out, int max)
{
	int i, n = 0;

	for (i = 0; i < m->unit->ncalls && n < max; i++)
		if (m->unit->calls[i].fn == fn)
			out[n++] = i;
	sort_unit = m->unit;
	qsort(out, n, sizeof(*out), by_position);
	return n;
}

static void add_step(struct td_model *m, const struct td_step *s)
{
	if (m->nsteps == m->steps_cap) {
		m->steps_cap = m->steps_cap ? 2 * m->steps_cap : 64;
		m->steps = (struct td_step *)realloc(m->steps,
				m->steps_cap * sizeof(*m->steps));
		if (!m->steps)
			abort();
	}
	m->steps[m->nsteps++] = *s;
}

/* A helper of this file, not a kernel inline: expanded, not a step. */
static int helper_of(const struct td_model *m, int call)
{
	int fn = td_callee(m, call);

	return fn >= 0 && !m->unit->funcs[fn].is_api ? fn : -1;
}

/*
 * Walk fn's calls in order, expanding the helpers of the file in place
 * (recursion and depth bounded), and hand each other call to visit().
 */
typedef void (*visit_fn)(struct td_model *m, int call, int conditional,
			 void *ctx);

static void walk(struct td_model *m, int fn, int conditional, int *stack,
		 int depth, visit_fn visit, void *ctx)
{
	int *calls, n, i, j;

	if (depth >= MAX_DEPTH)
		return;
	for (j = 0; j < depth; j++)
		if (stack[j] == fn)
			return;		/* recursion */
	stack[depth] = fn;
	calls = (int *)malloc(MAX_CALLS * sizeof(*calls));
	if (!calls)
		abort();
	n = td_calls_in_order(m, fn, calls, MAX_CALLS);
	for (i = 0; i < n; i++) {
		int cond = conditional || m->unit->calls[calls[i]].conditional;
		int helper = helper_of(m, calls[i]);

		if (helper >= 0)
			walk(m, helper, cond, stack, depth + 1, visit, ctx);
		else
			visit(m, calls[i], cond, ctx);
	}
	free(calls);
}

/* A teardown step; ctx says whether devres runs it. */
static void add_call_step(struct td_model *m, int call, int conditional,
			  void *ctx)
{
	struct td_step s = { call, -1, m->unit->calls[call].fn, *(int *)ctx,
			     conditional };

	add_step(m, &s);
}

static void expand(struct td_model *m, int fn, int devres, int *stack)
{
	walk(m, fn, 0, stack, 0, add_call_step, &devres);
}

/* Probe's calls in order, helpers expanded: the order devres records. */
struct call_list {
	int *calls;
	int n, max;
};

static void add_probe_call(struct td_model *m, int call, int conditional,
			   void *ctx)
{
	struct call_list *l = (struct call_list *)ctx;

	if (l->n < l->max)
		l->calls[l->n++] = call;
}

void td_timeline_build(struct td_model *m)
{
	int stack[MAX_DEPTH], *order, n, i, r;
	struct call_list probe_calls;

	m->nsteps = 0;
	if (m->remove >= 0)
		expand(m, m->remove, 0, stack);
	if (m->probe < 0)
		return;
	order = (int *)malloc(MAX_CALLS * sizeof(*order));
	if (!order)
		abort();
	probe_calls.calls = order;
	probe_calls.n = 0;
	probe_calls.max = MAX_CALLS;
	walk(m, m->probe, 0, stack, 0, add_probe_call, &probe_calls);
	n = probe_calls.n;
	/* devres undoes probe's managed acquisitions last-first */
	for (i = n - 1; i >= 0; i--) {
		const struct td_call *c = &m->unit->calls[order[i]];
		const struct td_rule *act = td_call_rule(m, order[i],
							 TD_RULE_ACTION);

		for (r = 0; r < m->nres; r++)
			if (m->res[r].managed && m->res[r].call == order[i]) {
				struct td_step s = { -1, r, c->fn, 1, 0 };

				add_step(m, &s);
			}
		if (act && act->callback < c->nargs &&
		    c->arg[act->callback].kind == TD_VAL_FUNC) {
			int cb = td_find_function(m->unit,
						  c->arg[act->callback].func);

			if (cb >= 0)
				expand(m, cb, 1, stack);
		}
	}
	free(order);
}

/* The first step from 'from' on that releases, fences or quiesces r, or -1. */
int td_next_stop_step(const struct td_model *m, int r, int from)
{
	int i;

	for (i = from; i < m->nsteps; i++) {
		const struct td_step *s = &m->steps[i];

		if (s->res == r)
			return i;
		if (s->call >= 0 &&
		    (td_call_applies(m, s->call, TD_RULE_RELEASE, &m->res[r]) ||
		     td_call_applies(m, s->call, TD_RULE_QUIESCE, &m->res[r])))
			return i;
	}
	return -1;
}

int td_stop_step(const struct td_model *m, int r)
{
	return td_next_stop_step(m, r, 0);
}

static void print_loc(const struct td_loc *l, FILE *out)
{
	const char *slash = l->file ? strrchr(l->file, '/') : NULL;

	fprintf(out, "%s:%d", slash ? slash + 1 : l->file ? l->file : "?",
		l->line);
}

/* The lifecycle of one driver, for a maintainer to read. */
void td_explain(const struct td_model *m, FILE *out)
{
	int i, last_devres = 0;

	fprintf(out, "%s '%s': %s %s(), %s %s%s\n",
		m->drv->module ? "module" : "driver", m->drv->object,
		m->drv->module ? "init" : "probe", td_fn_name(m, m->probe),
		m->drv->module ? "exit" : "remove",
		m->remove >= 0 ? td_fn_name(m, m->remove) : "(none)",
		m->remove >= 0 ? "()" : "");
	fprintf(out, "  acquired by %s:\n", td_fn_name(m, m->probe));
	for (i = 0; i < m->nres; i++) {
		const struct td_resource *r = &m->res[i];

		fprintf(out, "    ");
		print_loc(&r->loc, out);
		fprintf(out, " %s '%s' %s in %s()%s%s%s\n",
			m->rules->families[r->family].noun, r->text,
			m->rules->families[r->family].did, td_fn_name(m, r->fn),
			r->managed ? ", managed" : "",
			r->callback ? ", callback " : "",
			r->callback ? r->callback : "");
	}
	fprintf(out, "  teardown, in order:\n");
	for (i = 0; i < m->nsteps; i++) {
		const struct td_step *s = &m->steps[i];

		if (s->devres && !last_devres) {
			fprintf(out, "    -- then devres, in reverse order of acquisition:\n");
			last_devres = 1;
		}
		/* only what the rules know of: releases, fences, uses */
		if (s->call >= 0 &&
		    !td_rules_known(m->rules, m->unit->calls[s->call].callee))
			continue;
		fprintf(out, "    %2d. ", i + 1);
		if (s->call >= 0) {
			print_loc(&m->unit->calls[s->call].loc, out);
			fprintf(out, " %s()%s%s%s\n",
				m->unit->calls[s->call].callee ?
				m->unit->calls[s->call].callee : "(*fn)",
				s->fn != m->remove ? " in " : "",
				s->fn != m->remove ? td_fn_name(m, s->fn) : "",
				s->conditional ? " [conditional]" : "");
		} else {
			fprintf(out, "devres releases %s '%s'\n",
				m->rules->families[m->res[s->res].family].noun,
				m->res[s->res].text);
		}
	}
	fprintf(out, "  resources:\n");
	for (i = 0; i < m->nres; i++) {
		int at = td_stop_step(m, i);

		fprintf(out, "    %s '%s': ",
			m->rules->families[m->res[i].family].noun,
			m->res[i].text);
		if (at >= 0)
			fprintf(out, "released at step %d%s\n", at + 1,
				m->steps[at].devres ? " (devres)" : "");
		else
			fprintf(out, "left live\n");
	}
}
