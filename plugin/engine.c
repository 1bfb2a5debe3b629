// SPDX-License-Identifier: GPL-2.0
/*
 * Entry point of the engine: find each driver's probe and remove, build
 * its model once, and run every check on it.
 */
#include <stdlib.h>
#include <string.h>
#include "engine.h"

typedef void (*td_check_fn)(struct td_model *m);

/* One line per check; each lives in its own check_<name>.c. */
static const td_check_fn checks[] = {
	td_check_release,
	td_check_order,
	td_check_error_path,
};

/* module_platform_driver_probe() passes probe as an argument. */
static void bind_probe_args(const struct td_unit *u, const struct td_rules *r,
			    struct td_driver *drv, int ndrv)
{
	int i, d;

	for (i = 0; i < u->ncalls; i++) {
		const struct td_call *c = &u->calls[i];
		const struct td_rule *rule = td_rules_find(r, TD_RULE_PROBE_ARG,
							   c->callee);
		const struct td_value *obj, *probe;

		if (!rule || rule->driver >= c->nargs || rule->probe >= c->nargs)
			continue;
		obj = &c->arg[rule->driver];
		probe = &c->arg[rule->probe];
		if (obj->kind != TD_VAL_ADDR || probe->kind != TD_VAL_FUNC ||
		    obj->path.nfields || !obj->path.var)
			continue;
		for (d = 0; d < ndrv; d++)
			if (!strcmp(drv[d].object, obj->path.var) && !drv[d].probe)
				drv[d].probe = probe->func;
	}
}

/*
 * Does a call of this file take the driver object's address (register
 * it)?  Then, with no module_exit here, nothing unregisters it; one
 * registered from another file may be unregistered there.
 */
static int registered_here(const struct td_unit *u, const char *object)
{
	int i, j;

	for (i = 0; i < u->ncalls; i++)
		for (j = 0; j < u->calls[i].nargs; j++) {
			const struct td_value *v = &u->calls[i].arg[j];

			if (v->kind == TD_VAL_ADDR && v->path.var &&
			    !v->path.nfields && !strcmp(v->path.var, object))
				return 1;
		}
	return 0;
}

/*
 * The checks ask each call for its rules and its callee over and over:
 * look them up once for the unit.
 */
static void index_calls(struct td_model *m, const struct td_unit *u,
			const struct td_rules *rules)
{
	int i, k;

	m->call_rule = (const struct td_rule **)calloc(
		(size_t)u->ncalls * TD_RULE_NKINDS + 1, sizeof(*m->call_rule));
	m->callee_fn = (int *)calloc(u->ncalls + 1, sizeof(*m->callee_fn));
	if (!m->call_rule || !m->callee_fn)
		abort();
	for (i = 0; i < u->ncalls; i++) {
		m->callee_fn[i] = u->calls[i].callee ?
			td_find_function(u, u->calls[i].callee) :
			td_resolve_indirect(u, &u->calls[i].fptr);
		for (k = 0; k < TD_RULE_NKINDS; k++)
			m->call_rule[i * TD_RULE_NKINDS + k] = td_rules_find(
				rules, (enum td_rule_kind)k, u->calls[i].callee);
	}
}

void td_check_unit(const struct td_unit *unit, const struct td_rules *rules,
		   const struct td_options *opts, struct td_stats *stats,
		   td_report_fn report, void *ctx)
{
	struct td_driver *drv;
	struct td_stats scratch;
	struct td_model m;
	int i, j;
	unsigned int k;

	if (!unit->ndrivers)
		return;
	drv = (struct td_driver *)malloc(unit->ndrivers * sizeof(*drv));
	if (!drv)
		return;
	memcpy(drv, unit->drivers, unit->ndrivers * sizeof(*drv));
	bind_probe_args(unit, rules, drv, unit->ndrivers);
	memset(&m, 0, sizeof(m));
	index_calls(&m, unit, rules);
	m.unit = unit;
	m.rules = rules;
	m.opts = opts;
	m.stats = stats;
	m.report = report;
	m.report_ctx = ctx;
	for (i = 0; i < unit->ndrivers; i++)
		if (unit->drivers[i].module && unit->drivers[i].remove)
			m.unloadable = 1;
	for (i = 0; i < unit->ndrivers; i++) {
		int seen = 0, only_errors;

		if (!drv[i].probe || td_find_function(unit, drv[i].probe) < 0)
			continue;
		/* a module with no exit cannot be unloaded: only its init's
		 * own failure paths have something to undo */
		only_errors = drv[i].module && !drv[i].remove;
		/* nor can a device sysfs may not unbind, in a module that
		 * cannot be unloaded (builtin_platform_driver()) */
		only_errors |= drv[i].no_unbind && !m.unloadable &&
			       registered_here(unit, drv[i].object);
		/* several driver objects may share one probe/remove pair */
		for (j = 0; j < i; j++)
			if (drv[j].probe && !strcmp(drv[j].probe, drv[i].probe) &&
			    !!drv[j].remove == !!drv[i].remove &&
			    (!drv[i].remove || !strcmp(drv[j].remove, drv[i].remove)))
				seen = 1;
		if (seen)
			continue;
		/* a module's own obligations are counted apart from drivers' */
		memset(&scratch, 0, sizeof(scratch));
		m.stats = drv[i].module ? &scratch : stats;
		if (drv[i].module)
			stats->modules++;
		else
			stats->drivers++;
		td_model_build(&m, &drv[i]);
		td_trace(&m, "%s %s: probe %s, remove %s%s",
			 drv[i].module ? "module" : "driver", drv[i].object,
			 drv[i].probe, drv[i].remove ? drv[i].remove : "-",
			 only_errors && !drv[i].module ?
			 " (never unbound: its probe's error paths only)" : "");
		if (opts && opts->explain)
			td_explain(&m, stderr);
		for (k = 0; k < sizeof(checks) / sizeof(checks[0]); k++)
			if (!only_errors || checks[k] == td_check_error_path)
				checks[k](&m);
		td_model_release(&m);
		stats->module_acquired += scratch.acquired + scratch.managed;
		stats->module_released += scratch.released;
		stats->reported += scratch.reported;
		stats->unkeyed += scratch.unkeyed;
		stats->handed_off += scratch.handed_off;
		stats->released_elsewhere += scratch.released_elsewhere;
		stats->error_exits += scratch.error_exits;
		stats->error_undecided += scratch.error_undecided;
		stats->error_budget += scratch.error_budget;
		stats->below_confidence += scratch.below_confidence;
	}
	for (i = 0; i < m.nemitted; i++)
		free(m.emitted[i]);
	free(m.emitted);
	free(m.call_rule);
	free(m.callee_fn);
	free(drv);
}
