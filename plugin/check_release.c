// SPDX-License-Identifier: GPL-2.0
/*
 * check_release: every resource probe() acquires without devres must be
 * released, or fenced synchronously, on the teardown path (remove(), the
 * helpers it calls, and devres actions).
 *
 * Warns:
 *   teardown-<family>  nothing on the teardown path releases it;
 *   teardown-async     only an asynchronous variant does (del_timer(),
 *                      cancel_work(), ...), which lets a running callback
 *                      outlive remove().
 * Stays silent, and counts, when the resource is handed to code it cannot
 * see, or released only in a function reached through a pointer.
 */
#include <stdlib.h>
#include <string.h>
#include "engine.h"

/* Index of a call in 'set' that applies a rule of 'kind' to res, or -1. */
static int find_fence(const struct td_model *m, const struct td_resource *res,
		      enum td_rule_kind kind, const char *set)
{
	int i;

	for (i = 0; i < m->unit->ncalls; i++)
		if (set[m->unit->calls[i].fn] &&
		    td_call_applies(m, i, kind, res))
			return i;
	return -1;
}

static int in_any(const struct td_model *m, int fn)
{
	return m->in_probe[fn] || m->in_teardown[fn];
}

/* A workqueue that a function of 'set' destroys. */
static int destroyed_in(const struct td_model *m, const struct td_resource *wq,
			const void *set)
{
	return find_fence(m, wq, TD_RULE_RELEASE, (const char *)set) >= 0;
}

/* Does v name the resource itself, not a member inside it (its lockdep map)? */
static int names_resource(const struct td_model *m, const struct td_value *v,
			  int fn, const struct td_resource *res)
{
	char key[TD_KEY_LEN];

	if ((v->kind == TD_VAL_ADDR || v->kind == TD_VAL_LOAD) &&
	    td_path_key(m, &v->path, v->path.nfields, key, NULL) <
	    v->path.nfields)
		return 0;
	return td_value_has_key(m, v, fn, res->key, 0);
}

/*
 * Is the resource, or the struct that holds it, handed on the teardown path
 * to the driver's own code in another file, or through a function pointer?
 * Then that code may well release it: stay silent.
 */
static const char *handed_off(const struct td_model *m,
			      const struct td_resource *res)
{
	const struct td_unit *u = m->unit;
	const char *holder = td_res_holder(res);
	int i, j;

	for (i = 0; i < u->ncalls; i++) {
		const struct td_call *c = &u->calls[i];
		int callee;

		if (!m->in_teardown[c->fn] && !m->in_probe[c->fn])
			continue;
		if (c->callee && td_rules_known(m->rules, c->callee))
			continue;
		/* other subsystems' APIs do not release a driver's own
		 * resources; the driver's code in another file might */
		if (c->callee && c->callee_api)
			continue;
		callee = td_callee(m, i);
		if (callee >= 0)
			continue;	/* a helper: followed, not opaque */
		for (j = 0; j < c->nargs; j++) {
			const struct td_value *a = &c->arg[j];

			/* probe may use a mapping or buffer; only handing over
			 * the object itself (&p->work) can move ownership */
			if (!m->in_teardown[c->fn] && a->kind != TD_VAL_ADDR)
				continue;

			if (m->in_teardown[c->fn] && holder && a->ptr_type &&
			    a->kind != TD_VAL_ADDR && a->kind != TD_VAL_LOAD &&
			    !strcmp(a->ptr_type, holder))
				return c->callee ? c->callee : "a function pointer";
			if (names_resource(m, a, c->fn, res))
				return c->callee ? c->callee : "a function pointer";
		}
	}
	return NULL;
}

/*
 * Where a release counts as made elsewhere: functions neither probe nor
 * remove reaches directly, such as a callback that a kernel teardown call
 * runs (the .unbind of the ops component_master_del() is given), but not
 * the kernel's inline wrappers (dma_free_coherent).  An operation in a
 * static initializer counts even when probe calls it too: softdog's
 * module_init stops its timers with softdog_stop() on failure, and the
 * watchdog core calls the same .stop whenever the device is stopped.
 * A workqueue destroyed there drains the work only if that is not
 * module_init/exit, which do not run at unbind: 'drains' leaves them out
 * (and is empty for the module's own pseudo-driver).  In a unit linked
 * from several files, another file's function counts only if it is such
 * an operation: those files hold much the driver never calls at teardown.
 */
static void elsewhere_sets(const struct td_model *m, char *other,
			   char *drains)
{
	int n = m->unit->nfuncs, i;

	memset(drains, 0, n + 1);
	if (!m->drv->module)
		td_reach_module(m, 1, drains);
	for (i = 0; i < n; i++) {
		const struct td_function *f = &m->unit->funcs[i];

		/* of another file linked in: only an operation the kernel
		 * calls (a reset path of the driver's own is no teardown) */
		other[i] = (!in_any(m, i) || f->in_ops) && !f->is_api &&
			   (!f->linked || f->in_ops);
		drains[i] = !m->drv->module && other[i] && !drains[i];
	}
}

static int released_elsewhere(const struct td_model *m,
			      const struct td_resource *res,
			      const char *other, const char *drains)
{
	return find_fence(m, res, TD_RULE_RELEASE, other) >= 0 ||
	       td_drained(m, res, destroyed_in, drains);
}

/*
 * Where a timer or work left armed is armed from.  Probe's path or a
 * callback of the driver's own sources (an IRQ handler, another timer)
 * arm it whatever else happens: high.  Only functions reached some
 * other way, the ops another subsystem calls on requests that its
 * unregister may have completed: medium.  Nowhere in this file, or a
 * work that frees what holds it: low.  Arming it in a function that also
 * stops it synchronously (a transfer's timeout timer) leaves nothing.
 */
/* Does the function that makes call also stop res synchronously? */
static int fenced_in_place(const struct td_model *m, int call,
			   const struct td_resource *res)
{
	int i, fn = m->unit->calls[call].fn;

	for (i = 0; i < m->unit->ncalls; i++)
		if (m->unit->calls[i].fn == fn &&
		    td_call_applies(m, i, TD_RULE_RELEASE, res))
			return 1;
	return 0;
}

static enum td_confidence armed_confidence(struct td_model *m,
					   const struct td_resource *res)
{
	const int *feed = td_feed_matrix(m);
	int n = m->nres, q = (int)(res - m->res), i;
	enum td_confidence level = TD_CONFIDENCE_LOW;

	/* queueing it frees its holder: cancelling it would leak that */
	if (res->self_freeing)
		return TD_CONFIDENCE_LOW;
	/* a callback of another source (re-arming itself starts nothing) */
	for (i = 0; i < n; i++)
		if (feed[i * n + q] >= 0)
			return TD_CONFIDENCE_HIGH;
	for (i = 0; i < m->unit->ncalls; i++) {
		if ((!td_call_rule(m, i, TD_RULE_QUEUE) &&
		     !td_call_rule(m, i, TD_RULE_USE)) || !td_feeds(m, i, res) ||
		    fenced_in_place(m, i, res))
			continue;
		if (m->in_probe[m->unit->calls[i].fn])
			return TD_CONFIDENCE_HIGH;
		level = TD_CONFIDENCE_MEDIUM;
	}
	return level;
}

/*
 * A handle remove() has no way to name, whatever variables it adds: a
 * call's result never stored ("of_iomap()"), or a helper's own local
 * (phy_parameter->reg in parse_phy_data()).  Then a fix in those words
 * is not offered.  A field of the driver's struct is: remove() gets the
 * struct from the device, so "add X" reads right even without a fix-it.
 */
static int unnameable(const struct td_model *m, const struct td_resource *res)
{
	if (td_text_is_call(res->text))
		return 1;
	return res->fn != m->probe && res->path && res->path->var &&
	       res->path->base_param < 0 && res->path->base != TD_BASE_GLOBAL;
}

/*
 * Where in remove() its release goes: before the first call that frees
 * the struct holding it (kfree(ssi), or a helper that does), while remove()
 * can still name it (that call, or -1 for the end).  Only a call on
 * every path: its line is not the body of an if.
 */
static int fix_point(const struct td_model *m, const struct td_resource *res)
{
	const char *holder = td_res_holder(res);
	int calls[256], n = 0, i;

	if (holder)
		n = td_calls_in_order(m, m->remove, calls, 256);
	for (i = 0; i < n; i++) {
		const struct td_call *c = &m->unit->calls[calls[i]];

		if (!c->conditional && c->insert.fe && c->callee &&
		    td_frees_struct(m, -1, calls[i], holder))
			return calls[i];
	}
	return -1;
}

static void report_missing(struct td_model *m, const struct td_resource *res)
{
	const struct td_family *fam = &m->rules->families[res->family];
	char where[512], fix[TD_KEY_LEN], msg[2048], managed[256];
	struct td_finding f;
	int can_insert = td_fix_text(m, res, m->remove, fix, sizeof(fix));
	int fix_call = (int)strcspn(fix, "(");
	int before = m->remove >= 0 ? fix_point(m, res) : -1;
	char at[256] = "";

	if (res->fn == m->probe)
		snprintf(where, sizeof(where), "%s()", td_fn_name(m, res->fn));
	else
		snprintf(where, sizeof(where), "%s() (called from %s())",
			 td_fn_name(m, res->fn), td_fn_name(m, m->probe));
	if (m->remove >= 0 && !can_insert && strstr(res->text, "["))
		/* p->chan[i].work: probe's index means nothing in remove */
		snprintf(msg, sizeof(msg),
			 "%s '%s' %s in %s is never %s on %s; release each in %s() with %.*s(), in a loop over them (no fix offered) [%s]",
			 fam->noun, res->text, fam->did, where, fam->undone,
			 m->drv->module ? "module exit" : "remove",
			 td_fn_name(m, m->remove), fix_call, fix, fam->tag);
	else if (m->remove >= 0 && !can_insert && unnameable(m, res))
		snprintf(msg, sizeof(msg),
			 "%s '%s' %s in %s is never %s on %s; %s() cannot name it: keep it where %s() can reach it and release it there with %.*s() (no fix offered) [%s]",
			 fam->noun, res->text, fam->did, where, fam->undone,
			 m->drv->module ? "module exit" : "remove",
			 td_fn_name(m, m->remove), td_fn_name(m, m->remove),
			 fix_call, fix, fam->tag);
	else if (m->remove >= 0) {
		if (before >= 0)
			snprintf(at, sizeof(at), ", before the %s() that frees its struct",
				 m->unit->calls[before].callee);
		snprintf(msg, sizeof(msg),
			 "%s '%s' %s in %s is never %s on %s; add %s to %s()%s [%s]",
			 fam->noun, res->text, fam->did, where, fam->undone,
			 m->drv->module ? "module exit" : "remove", fix,
			 td_fn_name(m, m->remove), at, fam->tag);
	}
	else if (!m->drv->module && !m->unloadable)
		/* built in: only a sysfs unbind can leave it behind */
		snprintf(msg, sizeof(msg),
			 "%s '%s' %s in %s is never %s: driver '%s' has no remove() and is built in, so only an unbind through sysfs leaves it; set .suppress_bind_attrs = true in its struct device_driver, or call %s in a remove() [%s]",
			 fam->noun, res->text, fam->did, where, fam->undone,
			 m->drv->object, fix, fam->tag);
	else if (td_rules_managed_variant(m->rules, res->family,
					  res->call >= 0 ?
					  m->unit->calls[res->call].callee :
					  NULL, res->call < 0, managed,
					  sizeof(managed)))
		snprintf(msg, sizeof(msg),
			 "%s '%s' %s in %s is never %s: driver '%s' has no remove() and devres does not release it; call %s in a remove() or use %s() instead%s%s%s [%s]",
			 fam->noun, res->text, fam->did, where, fam->undone,
			 m->drv->object, fix, managed,
			 fam->fed ? ", before anything that can " : "",
			 fam->fed ? fam->fed : "", fam->fed ? " it" : "",
			 fam->tag);
	else
		/* no managed variant to offer: a devres action is one */
		snprintf(msg, sizeof(msg),
			 "%s '%s' %s in %s is never %s: driver '%s' has no remove() and devres does not release it; call %s in a remove() or in an action registered with devm_add_action_or_reset() [%s]",
			 fam->noun, res->text, fam->did, where, fam->undone,
			 m->drv->object, fix, fam->tag);
	memset(&f, 0, sizeof(f));
	f.tag = fam->tag;
	f.confidence = fam->hold_armed ? armed_confidence(m, res) :
		       TD_CONFIDENCE_HIGH;
	/* sysfs unbind of a built-in driver is rarer than an unload */
	if (m->remove < 0 && !m->drv->module && !m->unloadable &&
	    f.confidence > TD_CONFIDENCE_MEDIUM)
		f.confidence = TD_CONFIDENCE_MEDIUM;
	f.loc = res->loc;
	f.msg = msg;
	f.function = td_fn_name(m, res->fn);
	f.resource = td_res_ident(res);
	if (m->remove >= 0) {
		char note[1024];

		if (m->drv->module)
			snprintf(note, sizeof(note),
				 "%s() is the module's exit function; neither it nor the helpers it calls release '%s'",
				 td_fn_name(m, m->remove), res->text);
		else
			snprintf(note, sizeof(note),
				 "%s() is the remove path of '%s'; neither it nor the helpers it calls release '%s'",
				 td_fn_name(m, m->remove), m->drv->object,
				 res->text);
		f.nnotes = 1;
		f.note[0].loc = m->unit->funcs[m->remove].loc;
		f.note[0].msg = note;
		if (can_insert) {
			char text[TD_KEY_LEN + 2];

			snprintf(text, sizeof(text), "%s;", fix);
			f.fix_loc = before >= 0 ?
				m->unit->calls[before].insert :
				m->unit->funcs[m->remove].insert;
			f.fix_text = text;
			td_emit(m, &f);
			return;
		}
	}
	td_emit(m, &f);
}

static void report_async(struct td_model *m, const struct td_resource *res,
			 int call)
{
	const struct td_family *fam = &m->rules->families[res->family];
	const struct td_call *c = &m->unit->calls[call];
	const struct td_rule *rule = td_call_rule(m, call, TD_RULE_ASYNC);
	char msg[2048];
	struct td_finding f;

	snprintf(msg, sizeof(msg),
		 "%s '%s' %s in %s() is stopped with %s() in %s(), which does not wait for a running callback; use %s() [teardown-async]",
		 fam->noun, res->text, fam->did, td_fn_name(m, res->fn),
		 c->callee, td_fn_name(m, c->fn), rule->use);
	memset(&f, 0, sizeof(f));
	f.tag = "teardown-async";
	f.confidence = TD_CONFIDENCE_HIGH;
	f.loc = c->loc;
	f.msg = msg;
	f.function = td_fn_name(m, c->fn);
	f.resource = td_res_ident(res);
	f.nnotes = 1;
	f.note[0].loc = res->loc;
	f.note[0].msg = (char *)"acquired here";
	td_emit(m, &f);
}

void td_check_release(struct td_model *m)
{
	int n = m->unit->nfuncs, i, call;
	char *other = (char *)calloc(n + 1, 1);
	char *drains = (char *)calloc(n + 1, 1);

	if (!other || !drains)
		abort();
	elsewhere_sets(m, other, drains);
	for (i = 0; i < m->nres; i++) {
		const struct td_resource *res = &m->res[i];
		const char *who;

		if (res->rule && res->rule->bytype)
			continue;	/* memory: for the order checks only */
		if (m->rules->families[res->family].error_only)
			continue;	/* probe's error paths only */
		if (res->managed) {
			m->stats->managed++;
			continue;
		}
		m->stats->acquired++;
		if (!strncmp(res->key, "call#", 5)) {
			/* kept in a local: only probe itself can release it */
			if (find_fence(m, res, TD_RULE_RELEASE, m->in_probe) >= 0)
				m->stats->released++;
			else
				m->stats->unkeyed++;
			continue;
		}
		if (find_fence(m, res, TD_RULE_RELEASE, m->in_teardown) >= 0 ||
		    td_drained(m, res, destroyed_in, m->in_teardown)) {
			m->stats->released++;
			continue;
		}
		/* code we cannot see may hold the synchronous fence */
		who = handed_off(m, res);
		if (who) {
			td_trace(m, "%s: handed to %s(): not reported",
				 res->text, who);
			m->stats->handed_off++;
			continue;
		}
		call = find_fence(m, res, TD_RULE_ASYNC, m->in_teardown);
		if (call >= 0) {
			report_async(m, res, call);
			continue;
		}
		if (released_elsewhere(m, res, other, drains)) {
			td_trace(m, "%s: released outside probe/remove: not reported",
				 res->text);
			m->stats->released_elsewhere++;
			continue;
		}
		report_missing(m, res);
	}
	free(other);
	free(drains);
}
