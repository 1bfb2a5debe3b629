// SPDX-License-Identifier: GPL-2.0
/*
 * check_order: teardown must stop each source before what it feeds.
 *
 * On the teardown timeline (timeline.c), with what each callback of the
 * driver does (IRQ handlers, timer, hrtimer, work, tasklet and kthread
 * functions, and the helpers they call), warns:
 *
 *   teardown-order           a resource is released while a callback that
 *                            queues, arms or accesses it is still live;
 *   teardown-devm-order      the same, because the source is managed and
 *                            devres stops it only after remove() returns
 *                            (include/linux/devm-helpers.h);
 *   teardown-mmio-dma        MMIO unmapped before the device's DMA buffers
 *                            are freed: it can no longer be told to stop;
 *   teardown-rearm           a timer in a circle of sources that arm it
 *                            back, stopped with timer_delete_sync();
 *   teardown-use-after-free  driver memory freed while a callback that
 *                            lives in it or uses it may still run.
 */
#include <stdlib.h>
#include <string.h>
#include "engine.h"

static int family_is(const struct td_model *m, const struct td_resource *r,
		     const char *name)
{
	return !strcmp(m->rules->families[r->family].name, name);
}

static void describe_stop(const struct td_model *m, int step, char *buf,
			  size_t len)
{
	const struct td_step *s = &m->steps[step];

	if (s->devres)
		snprintf(buf, len, "devres releases it after %s() returns",
			 m->remove >= 0 ? td_fn_name(m, m->remove) : "remove");
	else
		snprintf(buf, len, "%s() in %s()",
			 m->unit->calls[s->call].callee, td_fn_name(m, s->fn));
}

static struct td_loc step_loc(const struct td_model *m, int step)
{
	const struct td_step *s = &m->steps[step];

	return s->call >= 0 ? m->unit->calls[s->call].loc : m->res[s->res].loc;
}

/*
 * How to put source r (stopped at pr) before q (stopped at pq).  Both
 * managed: devres releases in the reverse order of acquisition, so q must
 * be acquired first.  A resource with a release that keeps it from being
 * armed again (timer_shutdown_sync(), disable_work_sync()) can also just
 * be stopped with that, where it is.
 */
static const char *order_fix(const struct td_model *m, int r, int q, int pr,
			     int pq, char *buf, size_t len)
{
	const struct td_resource *src = &m->res[r], *dst = &m->res[q];
	const char *fs = m->rules->families[src->family].noun;
	const struct td_rule *final;

	if (m->steps[pr].devres && m->steps[pq].devres && dst->call >= 0 &&
	    src->call >= 0) {
		snprintf(buf, len,
			 "acquire '%s' before the %s (devres releases in reverse order), or free the %s explicitly in %s()",
			 dst->text, fs, fs, m->remove >= 0 ?
			 td_fn_name(m, m->remove) : "a remove");
		return buf;
	}
	final = td_rules_final_release(m->rules, dst->family);
	if (!m->steps[pq].devres && final)
		snprintf(buf, len,
			 "stop the %s first, or stop '%s' with %s(), after which nothing can %s it again",
			 fs, dst->text, final->func,
			 m->rules->families[dst->family].fed);
	else
		snprintf(buf, len, "stop the %s first", fs);
	return buf;
}

/* Source r is stopped at pr, after q, which it feeds at 'call', at pq. */
static void report_order(struct td_model *m, int r, int q, int call, int pr,
			 int pq)
{
	const struct td_resource *src = &m->res[r], *dst = &m->res[q];
	const struct td_family *fs = &m->rules->families[src->family];
	const struct td_family *fd = &m->rules->families[dst->family];
	int devm = m->steps[pr].devres && !m->steps[pq].devres;
	char until[512], where[512], msg[4096], n1[512], n2[512], fix[512];
	const char *cb = m->unit->funcs[m->unit->calls[call].fn].name;
	struct td_finding f;

	describe_stop(m, pr, until, sizeof(until));
	if (m->steps[pq].devres)
		snprintf(where, sizeof(where), "by devres");
	else
		snprintf(where, sizeof(where), "in %s()",
			 td_fn_name(m, m->steps[pq].fn));
	if (devm)
		snprintf(msg, sizeof(msg),
			 "%s '%s' is %s %s while managed %s '%s' is still live: %s() can %s it until %s; release the %s explicitly first, or make '%s' managed as well [teardown-devm-order]",
			 fd->noun, dst->text, fd->undone, where, fs->noun,
			 src->text, cb, fd->fed, until, fs->noun, dst->text);
	else
		snprintf(msg, sizeof(msg),
			 "%s '%s' is %s %s while %s '%s' is still live: %s() can %s it until %s; %s [teardown-order]",
			 fd->noun, dst->text, fd->undone, where, fs->noun,
			 src->text, cb, fd->fed, until,
			 order_fix(m, r, q, pr, pq, fix, sizeof(fix)));
	memset(&f, 0, sizeof(f));
	f.tag = devm ? "teardown-devm-order" : "teardown-order";
	/* the source must fire in a window (precision rounds 2 and 3: the
	 * devres window is one by the contract 19 times in 22) */
	f.confidence = TD_CONFIDENCE_MEDIUM;
	f.loc = step_loc(m, pq);
	f.msg = msg;
	f.function = m->steps[pq].devres ? "devres" :
		td_fn_name(m, m->steps[pq].fn);
	f.resource = td_res_ident(dst);
	f.other = td_res_ident(src);
	snprintf(n1, sizeof(n1), "%s() can %s '%s' here", cb, fd->fed,
		 dst->text);
	f.note[0].loc = m->unit->calls[call].loc;
	f.note[0].msg = n1;
	if (m->steps[pr].devres) {
		snprintf(n2, sizeof(n2), "'%s' is acquired here, managed",
			 src->text);
		f.note[1].loc = src->loc;
	} else {
		snprintf(n2, sizeof(n2), "'%s' is stopped only here",
			 src->text);
		f.note[1].loc = step_loc(m, pr);
	}
	f.note[1].msg = n2;
	f.nnotes = 2;
	td_emit(m, &f);
}

/* Stopped for good: timer_shutdown_sync(), disable_work_sync(). */
static int stopped_for_good(const struct td_model *m, int step)
{
	const struct td_rule *rule;

	if (m->steps[step].call < 0)
		return 0;
	rule = td_call_rule(m, m->steps[step].call, TD_RULE_RELEASE);
	return rule && rule->final;
}

/* Does q feed r back, directly or through other resources? */
static int feeds_back(const struct td_model *m, const int *feed, int q, int r)
{
	int n = m->nres, head = 0, tail = 0, i;
	int *queue = (int *)malloc((n + 1) * sizeof(*queue));
	char *seen = (char *)calloc(n + 1, 1);
	int found = 0;

	queue[tail++] = q;
	seen[q] = 1;
	while (head < tail && !found) {
		int x = queue[head++];

		for (i = 0; i < n; i++)
			if (feed[x * n + i] >= 0 && !seen[i]) {
				if (i == r)
					found = 1;
				seen[i] = 1;
				queue[tail++] = i;
			}
	}
	free(queue);
	free(seen);
	return found;
}

/*
 * A timer and a source it feeds that arm it back (the timer queues work,
 * the work re-arms the timer): timer_delete_sync() cannot stop that
 * circle; timer_shutdown_sync() is made for it.
 */
static void check_rearm(struct td_model *m, const int *feed, int r, int pr)
{
	const struct td_step *s;
	const struct td_rule *rule;
	char msg[1024], note[512];
	struct td_finding f;
	int n = m->nres, q;

	if (pr < 0)
		return;
	s = &m->steps[pr];
	if (s->call < 0 || !family_is(m, &m->res[r], "timer") ||
	    !(rule = td_call_rule(m, s->call, TD_RULE_RELEASE)) || rule->final)
		return;
	for (q = 0; q < n; q++) {
		int back;

		if (feed[r * n + q] < 0 || !feeds_back(m, feed, q, r))
			continue;
		for (back = 0; back < n; back++)
			if (feed[back * n + r] >= 0 &&
			    (back == q || feeds_back(m, feed, q, back)))
				break;
		snprintf(msg, sizeof(msg),
			 "timer '%s' and %s '%s' re-arm each other, so %s() in %s() cannot stop the timer for good; use timer_shutdown_sync() [teardown-rearm]",
			 m->res[r].text, m->rules->families[m->res[q].family].noun,
			 m->res[q].text, m->unit->calls[s->call].callee,
			 td_fn_name(m, s->fn));
		memset(&f, 0, sizeof(f));
		f.tag = "teardown-rearm";
		f.confidence = TD_CONFIDENCE_MEDIUM;
		f.loc = m->unit->calls[s->call].loc;
		f.msg = msg;
		f.function = td_fn_name(m, s->fn);
		f.resource = td_res_ident(&m->res[r]);
		f.other = td_res_ident(&m->res[q]);
		if (back < n) {
			snprintf(note, sizeof(note),
				 "the timer is armed again here, in %s()",
				 m->unit->funcs[m->unit->calls[feed[back * n + r]].fn].name);
			f.nnotes = 1;
			f.note[0].loc = m->unit->calls[feed[back * n + r]].loc;
			f.note[0].msg = note;
		}
		td_emit(m, &f);
		return;
	}
}

static void check_feeds(struct td_model *m)
{
	const int *feed = td_feed_matrix(m);
	int n = m->nres, r, q;

	for (r = 0; r < n; r++) {
		int pr = td_stop_step(m, r);

		for (q = 0; pr >= 0 && q < n; q++) {
			int pq = td_stop_step(m, q);

			/*
			 * A resource stopped for good cannot be fed again,
			 * nor one stopped once more after its source is (a
			 * helper stops the timer early, and a second
			 * del_timer_sync() follows the work's cancel).
			 * Sources that feed each other (work that re-arms the
			 * timer that queues it) have no right order: the
			 * driver must prevent re-queueing, which we cannot
			 * see; stay silent.
			 */
			if (feed[r * n + q] < 0 || pq < 0 || pq > pr ||
			    stopped_for_good(m, pq) || feeds_back(m, feed, q, r) ||
			    td_next_stop_step(m, q, pr + 1) >= 0)
				continue;
			report_order(m, r, q, feed[r * n + q], pr, pq);
		}
		check_rearm(m, feed, r, pr);
	}
}

/*
 * Could the device have been stopped before step 'until'?  Yes if teardown
 * wrote or read its registers, or called code we cannot see into (an
 * unregister that runs the driver's stop callback): stay silent then.
 */
static int device_told_before(const struct td_model *m, int mmio, int until)
{
	int i;

	for (i = 0; i < until; i++) {
		const struct td_step *s = &m->steps[i];
		const char *callee;

		if (s->call < 0)
			continue;
		if (td_call_applies(m, s->call, TD_RULE_USE, &m->res[mmio]))
			return 1;
		callee = m->unit->calls[s->call].callee;
		if (!callee || !td_rules_known(m->rules, callee))
			return 1;
	}
	return 0;
}

/* The device must be stopped through MMIO before its DMA is torn down. */
static void check_mmio_before_dma(struct td_model *m)
{
	int a, d;

	for (a = 0; a < m->nres; a++) {
		int pa = td_stop_step(m, a);

		if (pa < 0 || !family_is(m, &m->res[a], "mmio") ||
		    device_told_before(m, a, pa))
			continue;
		for (d = 0; d < m->nres; d++) {
			int pd = td_stop_step(m, d);
			char msg[1024], where[256];
			struct td_finding f;

			if (pd < 0 || pd < pa ||
			    (!family_is(m, &m->res[d], "dma") &&
			     !family_is(m, &m->res[d], "dmapool")))
				continue;
			if (m->steps[pa].devres)
				snprintf(where, sizeof(where), "by devres");
			else
				snprintf(where, sizeof(where), "in %s()",
					 td_fn_name(m, m->steps[pa].fn));
			snprintf(msg, sizeof(msg),
				 "MMIO mapping '%s' is unmapped %s before %s '%s' is released, so the device can no longer be told to stop DMA into it; stop the device and release its DMA first, unmap last [teardown-mmio-dma]",
				 m->res[a].text, where,
				 m->rules->families[m->res[d].family].noun,
				 m->res[d].text);
			memset(&f, 0, sizeof(f));
			f.tag = "teardown-mmio-dma";
			f.confidence = TD_CONFIDENCE_MEDIUM;
			f.loc = step_loc(m, pa);
			f.msg = msg;
			f.function = m->steps[pa].devres ? "devres" :
				td_fn_name(m, m->steps[pa].fn);
			f.resource = td_res_ident(&m->res[a]);
			f.other = td_res_ident(&m->res[d]);
			f.nnotes = 1;
			f.note[0].loc = step_loc(m, pd);
			f.note[0].msg = (char *)"the DMA is released only here";
			td_emit(m, &f);
			break;
		}
	}
}

/* The struct a resource lives in: "foo" for key "foo.work" or "*foo". */
static int lives_in(const struct td_resource *r, const char *type)
{
	size_t n = strlen(type);

	if (r->key[0] == '*')
		return !strcmp(r->key + 1, type);
	return !strncmp(r->key, type, n) && r->key[n] == '.';
}

/*
 * What step i frees of the driver's memory: kfree(priv), or devres
 * freeing a devm_kzalloc()ed struct.  Returns its struct type, or NULL.
 */
static const char *freed_at(const struct td_model *m, int i,
			    const char **text, const char **how)
{
	const struct td_step *s = &m->steps[i];
	const struct td_rule *rule;
	const struct td_value *v;

	if (s->res >= 0) {
		const struct td_resource *r = &m->res[s->res];

		if (!family_is(m, r, "memory") || r->key[0] != '*')
			return NULL;
		*text = r->text;
		*how = "devres";
		return r->key + 1;
	}
	if (!(rule = td_call_rule(m, s->call, TD_RULE_FREE)) ||
	    rule->handle >= m->unit->calls[s->call].nargs)
		return NULL;
	v = &m->unit->calls[s->call].arg[rule->handle];
	if (!v->ptr_type || v->kind == TD_VAL_ADDR || v->kind == TD_VAL_LOAD)
		return NULL;
	*text = v->text ? v->text : "?";
	*how = m->unit->calls[s->call].callee;
	return v->ptr_type;
}

/* Does a callback of r (or a helper it calls) use a struct of 'type'? */
static int callback_uses(const struct td_model *m,
			 const struct td_resource *r, const char *type,
			 char *set)
{
	int i, j;

	if (!td_callbacks_of(m, r, set))
		return 0;
	for (i = 0; i < m->unit->ncalls; i++) {
		const struct td_call *c = &m->unit->calls[i];

		if (!set[c->fn])
			continue;
		for (j = 0; j < c->nargs; j++) {
			const struct td_value *v = &c->arg[j];

			if ((v->ptr_type && !strcmp(v->ptr_type, type)) ||
			    ((v->kind == TD_VAL_LOAD || v->kind == TD_VAL_ADDR) &&
			     v->path.base == TD_BASE_STRUCT && v->path.base_name &&
			     !strcmp(v->path.base_name, type)))
				return 1;
		}
	}
	return 0;
}

/* Driver memory freed while a callback that uses it may still run. */
static void check_free_before_fence(struct td_model *m)
{
	char *set = (char *)malloc(m->unit->nfuncs + 1);
	int i, r;

	for (i = 0; i < m->nsteps; i++) {
		const char *text, *how, *type = freed_at(m, i, &text, &how);

		for (r = 0; type && r < m->nres; r++) {
			const struct td_resource *res = &m->res[r];
			int pr = td_stop_step(m, r);
			char msg[1024];
			struct td_finding f;

			if (pr < i || !res->callback ||
			    (!lives_in(res, type) &&
			     !callback_uses(m, res, type, set)))
				continue;
			if (m->steps[i].devres) {
				const struct td_resource *mem =
					&m->res[m->steps[i].res];

				snprintf(msg, sizeof(msg),
					 "struct %s allocated with %s() in %s() is freed by devres while %s '%s', which uses it, can still run %s(); allocate it before acquiring the %s, so that devres frees it later [teardown-use-after-free]",
					 type, m->unit->calls[mem->call].callee,
					 td_fn_name(m, mem->fn),
					 m->rules->families[res->family].noun,
					 res->text, res->callback,
					 m->rules->families[res->family].noun);
			} else {
				snprintf(msg, sizeof(msg),
					 "'%s' (struct %s) is freed in %s() while %s '%s' %s can still run %s(); %s it before this %s() [teardown-use-after-free]",
					 text, type,
					 td_fn_name(m, m->steps[i].fn),
					 m->rules->families[res->family].noun,
					 res->text,
					 lives_in(res, type) ? "in it" :
					 "which uses it", res->callback,
					 m->rules->families[res->family].undone[0] == 'c' ?
					 "cancel" : "stop", how);
			}
			memset(&f, 0, sizeof(f));
			f.tag = "teardown-use-after-free";
			f.confidence = TD_CONFIDENCE_MEDIUM;
			f.loc = step_loc(m, i);
			f.msg = msg;
			f.function = m->steps[i].devres ? "devres" :
				td_fn_name(m, m->steps[i].fn);
			f.resource = type;
			f.other = td_res_ident(res);
			f.nnotes = 1;
			f.note[0].loc = step_loc(m, pr);
			f.note[0].msg = m->steps[pr].devres ?
				(char *)"it is acquired here, managed: devres stops it only after the memory is freed" :
				(char *)"it is stopped only here";
			td_emit(m, &f);
			break;
		}
	}
	free(set);
}

void td_check_order(struct td_model *m)
{
	check_feeds(m);
	check_mmio_before_dma(m);
	check_free_before_fence(m);
}
