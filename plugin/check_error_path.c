// SPDX-License-Identifier: GPL-2.0
/*
 * check_error_path: a probe() that fails half-way gives back what it took,
 * in reverse order.
 *
 * Follows the paths of probe (and of module_init) through its basic blocks,
 * with the set of resources held at each point: acquired and not yet
 * released, or, for timers, work, tasklets and hrtimers, armed (queued
 * directly, or by a source whose callback queues them) and not yet fenced.
 * At every exit that returns failure (a negative constant, PTR_ERR(),
 * dev_err_probe(), a call's result after the branch that found it failed)
 * what is still held and not managed leaks.  Same-file helpers are
 * summarised first: what they hold when they succeed, and what they leave
 * behind when they fail (the caller's error path may still release it).
 *
 * Warns:
 *   teardown-error-path   a resource is still held at a failure exit;
 *   teardown-error-order  an error path releases a resource while a source
 *                         that feeds it (an IRQ whose handler reads the
 *                         MMIO, queues the work) is still live.
 * Stays silent, and counts, when the exit is not certainly a failure, when
 * a branch the checker cannot correlate skips a release of the resource
 * (a loop unwinding per-channel IRQs, "if (x) free_irq()"), when code it
 * cannot see takes the resource, and when a function has too many paths.
 *
 * The path state and the values it reads are in errpath.h / errpath.c;
 * this file says what calls and branches do to the resources held.
 */
#include <stdlib.h>
#include <string.h>
#include "errpath.h"

static void walk_function(struct ep_ctx *ctx, int fn, int top);

/* ------------------------------------------------------------- helpers */
static const struct td_family *family_of(const struct ep_ctx *ctx, int res)
{
	return &ctx->m->rules->families[ctx->m->res[res].family];
}

/*
 * Does fn, or a helper it calls, apply a rule of 'kind' to resource r?
 * Cached in 'cache' ([fn * nres + r]); 'set' gets fn's reach.
 */
static int fn_applies(struct ep_ctx *ctx, signed char *cache, int fn, int r,
		      enum td_rule_kind kind, char *set)
{
	struct td_model *m = ctx->m;
	signed char *slot = &cache[fn * m->nres + r];
	int i;

	td_reach(m, fn, set);
	*slot = 0;
	for (i = 0; i < m->unit->ncalls && !*slot; i++)
		if (set[m->unit->calls[i].fn] &&
		    td_call_applies(m, i, kind, &m->res[r]))
			*slot = 1;
	return *slot;
}

static char *reach_set(const struct ep_ctx *ctx)
{
	char *set = (char *)calloc(ctx->m->unit->nfuncs + 1, 1);

	if (!set)
		abort();
	return set;
}

/* Does fn, or a helper it calls, release resource r? */
static int fn_releases(struct ep_ctx *ctx, int fn, int r)
{
	struct td_model *m = ctx->m;
	signed char *slot = &ctx->releases[fn * m->nres + r];
	char *set;
	int i;

	if (*slot >= 0)
		return *slot;
	set = reach_set(ctx);
	fn_applies(ctx, ctx->releases, fn, r, TD_RULE_RELEASE, set);
	/*
	 * A helper that acquires or arms it undoes only its own failures.
	 * Reading or writing registers is no arming: a teardown helper
	 * (remove() called from probe's error label) stops the device
	 * through them before it unmaps them.
	 */
	for (i = 0; i < m->unit->ncalls && *slot; i++)
		if (set[m->unit->calls[i].fn] && (m->call_res[i] == r ||
		    (family_of(ctx, r)->hold_armed &&
		     (td_call_rule(m, i, TD_RULE_QUEUE) ||
		      td_call_rule(m, i, TD_RULE_USE)) &&
		     td_feeds(m, i, &m->res[r]))))
			*slot = 0;
	free(set);
	return *slot;
}

/* Does helper fn, or one it calls, quiesce resource r (disable_irq())? */
static int fn_quiesces(struct ep_ctx *ctx, int fn, int r)
{
	signed char *slot = &ctx->quiesces[fn * ctx->m->nres + r];
	char *set;

	if (*slot >= 0)
		return *slot;
	set = reach_set(ctx);
	fn_applies(ctx, ctx->quiesces, fn, r, TD_RULE_QUIESCE, set);
	free(set);
	return *slot;
}

/*
 * Probe often releases through the local it kept the handle in, and
 * acquires through the field (or the other way round): "clk" and
 * "priv->clk" are one handle when clk's value was stored there.
 */
static int same_handle(const struct ep_ctx *ctx, const struct td_value *a,
		       const struct td_value *h, int acquired_by)
{
	if (a->kind == TD_VAL_CALL && a->call == acquired_by)
		return 1;	/* iounmap(base) with base = ioremap() */
	if (!h)
		return 0;
	if (a->kind == TD_VAL_CALL && ctx->result_sym[a->call] &&
	    ep_load_sym(ctx->m, h) == ctx->result_sym[a->call])
		return 1;
	return h->kind == TD_VAL_CALL && ctx->result_sym[h->call] &&
	       ep_load_sym(ctx->m, a) == ctx->result_sym[h->call];
}

/* Does call release the item, itself or through a helper of the file? */
static int call_releases(struct ep_ctx *ctx, int call, const struct ep_item *it)
{
	const struct td_model *m = ctx->m;
	const struct td_rule *rule = td_call_rule(m, call, TD_RULE_RELEASE);
	int callee = td_callee(m, call), r = it->res;

	if (td_call_applies(m, call, TD_RULE_RELEASE, &m->res[r]))
		return 1;
	if (rule && rule->family == m->res[r].family && rule->handle >= 0 &&
	    rule->handle < m->unit->calls[call].nargs && it->call >= 0) {
		const struct td_call *acq = &m->unit->calls[it->call];
		const struct td_rule *ar = td_call_rule(m, it->call,
							TD_RULE_ACQUIRE);
		const struct td_value *h = ar && ar->handle >= 0 &&
			ar->handle < acq->nargs ? &acq->arg[ar->handle] : NULL;

		if (same_handle(ctx, &m->unit->calls[call].arg[rule->handle], h,
				it->call))
			return 1;
	}
	return callee >= 0 && !m->unit->funcs[callee].is_api &&
	       fn_releases(ctx, callee, r);
}

static int find_item(const struct ep_state *st, int res)
{
	int i;

	for (i = 0; i < st->nitems; i++)
		if (st->item[i].res == res)
			return i;
	return -1;
}

static void drop_item(struct ep_state *st, int i)
{
	st->item[i] = st->item[--st->nitems];
}

static void arm_from(struct ep_ctx *ctx, struct ep_state *st, int source,
		     int origin);

/* A resource held on this path: acquired by 'call', or armed by 'by'. */
static struct ep_item new_item(int res, int call, int origin, int by)
{
	struct ep_item it;

	memset(&it, 0, sizeof(it));
	it.res = res;
	it.call = call;
	it.origin = origin;
	it.by = by;
	it.helper_exit = -1;
	return it;
}

/* A timer or work item can be armed only once it is initialised. */
static int inited(const struct ep_state *st, int r)
{
	return r >= 64 || st->assume_inited || (st->inited >> r & 1);
}

/* r is initialised: a live source that arms it may now have. */
static void init_res(struct ep_ctx *ctx, struct ep_state *st, int r)
{
	int i, n = st->nitems;

	if (r >= 64 || (st->inited >> r & 1))
		return;
	st->inited |= 1ull << r;
	for (i = 0; i < n; i++)
		if (ctx->feed[st->item[i].res * ctx->m->nres + r] >= 0)
			arm_from(ctx, st, st->item[i].res, st->item[i].origin);
}

static void add_item(struct ep_ctx *ctx, struct ep_state *st,
		     const struct ep_item *it)
{
	int i;

	/* a work that frees its own holder, queued: a free, not a hold */
	if (find_item(st, it->res) >= 0 || st->nitems == EP_ITEMS ||
	    ctx->m->res[it->res].self_freeing)
		return;
	st->item[st->nitems] = *it;
	st->item[st->nitems].nforks = 0;
	/* a devm action registered earlier on the path will undo it */
	for (i = 0; i < st->nactions; i++)
		if (fn_releases(ctx, st->action[i], it->res))
			st->item[st->nitems].managed = 1;
	st->nitems++;
	arm_from(ctx, st, it->res, it->origin);
}

/*
 * Source is live: what its callbacks queue or arm may now be pending
 * (add_item() arms onwards from each; an item is held once).
 */
static void arm_from(struct ep_ctx *ctx, struct ep_state *st, int source,
		     int origin)
{
	struct td_model *m = ctx->m;
	int q;

	for (q = 0; q < m->nres; q++) {
		struct ep_item it;

		if (!family_of(ctx, q)->hold_armed || m->res[q].managed ||
		    ctx->feed[source * m->nres + q] < 0 ||
		    find_item(st, q) >= 0 || !inited(st, q))
			continue;
		it = new_item(q, -1, origin, source);
		add_item(ctx, st, &it);
	}
}

/* --------------------------------------------------------------- calls */

/* Is the resource, or the struct holding it, handed to code unseen? */
static int hands_over(const struct ep_ctx *ctx, int call, int r)
{
	const struct td_model *m = ctx->m;
	const struct td_call *c = &m->unit->calls[call];
	const struct td_resource *res = &m->res[r];
	const char *holder = td_res_holder(res);
	int j;

	for (j = 0; j < c->nargs; j++) {
		const struct td_value *a = &c->arg[j];

		if (holder && a->ptr_type && !strcmp(a->ptr_type, holder) &&
		    a->kind != TD_VAL_ADDR)
			return 1;
		if (td_value_has_key(m, a, c->fn, res->key, 0))
			return 1;
	}
	return 0;
}

/*
 * Where, among the calls helper fn makes, r is first released (or, with
 * kind TD_RULE_QUIESCE, quiesced); or -1.
 */
static int first_rank(struct ep_ctx *ctx, int fn, int r,
		      enum td_rule_kind kind)
{
	const struct td_model *m = ctx->m;
	int calls[256], n = td_calls_in_order(m, fn, calls, 256), i;

	for (i = 0; i < n; i++) {
		int callee = td_callee(m, calls[i]);

		if (td_call_applies(m, calls[i], kind, &m->res[r]))
			return i;
		if (callee < 0 || m->unit->funcs[callee].is_api)
			continue;
		if (kind == TD_RULE_QUIESCE ? fn_quiesces(ctx, callee, r) :
		    fn_releases(ctx, callee, r))
			return i;
	}
	return -1;
}

/*
 * A release of st->item[i] by 'call': is a source feeding it still live?
 * A source the same helper releases too is live only if the helper
 * releases it later (it shuts the timer down, then cancels the work the
 * timer queues: right).
 */
static void check_release_order(struct ep_ctx *ctx, struct ep_state *st,
				int i, int call, const char *released)
{
	int n = ctx->m->nres, j, r = st->item[i].res;
	int helper = td_callee(ctx->m, call);

	for (j = 0; j < st->nitems; j++) {
		int s = st->item[j].res;

		if (j == i || ctx->feed[s * n + r] < 0 ||
		    st->item[j].quiesced || st->nviols == EP_VIOLS)
			continue;
		if (released[j] && (helper < 0 ||
		    first_rank(ctx, helper, s, TD_RULE_RELEASE) <=
		    first_rank(ctx, helper, r, TD_RULE_RELEASE)))
			continue;
		/* the helper disables the IRQ before it releases r */
		if (helper >= 0 && !ctx->m->unit->funcs[helper].is_api &&
		    ctx->m->res[s].idkey[0] && fn_quiesces(ctx, helper, s) &&
		    first_rank(ctx, helper, s, TD_RULE_QUIESCE) <
		    first_rank(ctx, helper, r, TD_RULE_RELEASE))
			continue;
		st->viol[st->nviols].call = call;
		st->viol[st->nviols].res = r;
		st->viol[st->nviols].source = s;
		st->viol[st->nviols].source_managed = st->item[j].managed;
		st->nviols++;
	}
}

/*
 * card->private_free = foo_free, then snd_card_free(card): a callback the
 * driver stored in an object runs when the kernel frees that object.  What
 * the callback releases counts as released by the call.
 */
static void released_by_callback(struct ep_ctx *ctx, struct ep_state *st,
				 int call)
{
	const struct td_model *m = ctx->m;
	const struct td_call *c = &m->unit->calls[call];
	int i, j, k;

	for (j = 0; j < c->nargs; j++) {
		const char *type = c->arg[j].ptr_type;

		for (k = 0; type && k < ctx->ncbs; k++) {
			if (strcmp(ctx->cb_holder[k], type))
				continue;
			for (i = st->nitems - 1; i >= 0; i--)
				if (fn_releases(ctx, ctx->cb_fn[k],
						st->item[i].res)) {
					td_trace(m, "%s: released by %s(), stored in struct %s, when %s() frees it",
						 m->res[st->item[i].res].text,
						 td_fn_name(m, ctx->cb_fn[k]),
						 ctx->cb_holder[k],
						 c->callee ? c->callee : "?");
					drop_item(st, i);
				}
		}
	}
}

/* pci_request_regions() after pcim_enable_device() is managed too. */
static int managed_by_family(const struct ep_ctx *ctx,
			     const struct ep_state *st, int r)
{
	const struct td_model *m = ctx->m;
	const char *fam = m->res[r].rule ? m->res[r].rule->devres_if : NULL;
	int i;

	for (i = 0; fam && i < st->nitems; i++) {
		const struct td_resource *h = &m->res[st->item[i].res];

		if (st->item[i].managed && !strcmp(h->key, m->res[r].key) &&
		    !strcmp(m->rules->families[h->family].name, fam))
			return 1;
	}
	return 0;
}

static int same_workqueue(const struct td_model *m,
			  const struct td_resource *wq, const void *released)
{
	return !strcmp(wq->key, ((const struct td_resource *)released)->key);
}

/* Work queued only on a workqueue that is destroyed here is drained. */
static void drained_by(struct ep_ctx *ctx, const struct ep_state *st,
		       char *hit)
{
	const struct td_model *m = ctx->m;
	int i, j;

	for (i = 0; i < st->nitems; i++) {
		const struct td_resource *wq = &m->res[st->item[i].res];

		if (!hit[i])
			continue;
		for (j = 0; j < st->nitems; j++)
			if (!hit[j] && td_family_drains(m, m->res[st->item[i].res].family,
						       m->res[st->item[j].res].family) &&
			    td_drained(m, &m->res[st->item[j].res],
				       same_workqueue, wq)) {
				td_trace(m, "%s: drained by destroying %s",
					 m->res[st->item[j].res].text, wq->text);
				hit[j] = 1;
			}
	}
}

static void do_call(struct ep_ctx *ctx, struct ep_state *st, int call)
{
	struct td_model *m = ctx->m;
	const struct td_call *c = &m->unit->calls[call];
	const struct td_rule *rule;
	int callee = td_callee(m, call), i, q;

	ep_forget(ctx, st, call);
	/* disable_irq(): the handler cannot run until enable_irq() */
	for (i = 0; i < st->nitems; i++) {
		const struct td_resource *r = &m->res[st->item[i].res];

		if (td_call_applies(m, call, TD_RULE_QUIESCE, r))
			st->item[i].quiesced = 1;
		else if (td_call_applies(m, call, TD_RULE_RESUME, r))
			st->item[i].quiesced = 0;
	}
	rule = td_call_rule(m, call, TD_RULE_ACQUIRE);
	q = m->call_res[call];
	if (rule && q >= 0 && family_of(ctx, q)->hold_armed) {
		init_res(ctx, st, q);
		return;
	}
	if (rule && q >= 0 && ctx->has_release[m->res[q].family]) {
		struct ep_item it;

		i = find_item(st, q);
		if (i >= 0 && st->item[i].call == call) {
			/* again, in a loop: an earlier one stays held */
			st->item[i].repeated = 1;
			return;
		}
		it = new_item(q, call, call, -1);
		it.managed = rule->managed || managed_by_family(ctx, st, q);
		add_item(ctx, st, &it);
		return;
	}
	if (td_call_rule(m, call, TD_RULE_RELEASE) ||
	    (callee >= 0 && !m->unit->funcs[callee].is_api)) {
		char hit[EP_ITEMS], direct[EP_ITEMS];

		for (i = 0; i < st->nitems; i++) {
			int alt;

			hit[i] = call_releases(ctx, call, &st->item[i]);
			/* iounmap(x) with x = PHI <p->a, p->b>: either */
			for (alt = ctx->alt_first[call]; alt >= 0 && !hit[i];
			     alt = ctx->alt_next[alt])
				hit[i] = call_releases(ctx, alt, &st->item[i]);
		}
		/* work the released queue drains is no live source */
		memcpy(direct, hit, sizeof(hit));
		drained_by(ctx, st, hit);
		for (i = 0; i < st->nitems; i++)
			if (direct[i]) {
				check_release_order(ctx, st, i, call, hit);
				/* a label an error path can jump to */
				if (st->decision >= 0)
					ctx->failing_release[call] = 1;
			}
		for (i = st->nitems - 1; i >= 0; i--)
			if (hit[i])
				drop_item(st, i);
	}
	/* a helper that disables the IRQ: from its return on */
	for (i = 0; callee >= 0 && !m->unit->funcs[callee].is_api &&
	     i < st->nitems; i++)
		if (m->res[st->item[i].res].idkey[0] &&
		    fn_quiesces(ctx, callee, st->item[i].res))
			st->item[i].quiesced = 1;
	if (td_call_rule(m, call, TD_RULE_QUEUE) ||
	    td_call_rule(m, call, TD_RULE_USE)) {
		for (q = 0; q < m->nres; q++) {
			struct ep_item it;

			if (!family_of(ctx, q)->hold_armed || m->res[q].managed ||
			    !inited(st, q) || !td_feeds(m, call, &m->res[q]))
				continue;
			it = new_item(q, call, call, -1);
			add_item(ctx, st, &it);
		}
		return;
	}
	rule = td_call_rule(m, call, TD_RULE_ACTION);
	if (rule && rule->callback < c->nargs &&
	    c->arg[rule->callback].kind == TD_VAL_FUNC) {
		int cb = td_find_function(m->unit, c->arg[rule->callback].func);

		for (i = 0; i < st->nitems; i++)
			if (cb >= 0 ? fn_releases(ctx, cb, st->item[i].res) :
			    td_action_releases(m, call, &m->res[st->item[i].res]))
				st->item[i].managed = 1;
		/* devm_add_action(.., stop_timer) before mod_timer() */
		for (i = 0; i < st->nactions && st->action[i] != cb; i++)
			;
		if (cb >= 0 && i == st->nactions && i < EP_ACTIONS)
			st->action[st->nactions++] = cb;
		return;
	}
	if (callee >= 0 && !m->unit->funcs[callee].is_api) {
		struct ep_summary *s = &ctx->sum[callee];

		if (!s->state)
			walk_function(ctx, callee, 0);
		for (q = 0; s->state == 2 && q < 64 && q < m->nres; q++)
			if (s->inited >> q & 1)
				init_res(ctx, st, q);
		for (i = 0; s->state == 2 && i < s->nok; i++) {
			struct ep_item it = s->ok[i];

			it.origin = call;
			it.managed |= managed_by_family(ctx, st, it.res);
			add_item(ctx, st, &it);
		}
		return;
	}
	released_by_callback(ctx, st, call);
	/* the driver's code in another file, or a function pointer */
	if (c->callee && (c->callee_api || td_rules_known(m->rules, c->callee)))
		return;
	for (i = st->nitems - 1; i >= 0; i--)
		if (!st->item[i].managed &&
		    hands_over(ctx, call, st->item[i].res)) {
			td_trace(m, "%s: handed to %s() on a probe path",
				 m->res[st->item[i].res].text,
				 c->callee ? c->callee : "a function pointer");
			m->stats->handed_off++;
			drop_item(st, i);
		}
}

/* ------------------------------------------------------------ branches */

/* A branch on a call's result, as the block reads without path facts. */
static int tests_a_call(const struct ep_ctx *ctx, int b)
{
	const struct td_block *blk = &ctx->m->unit->blocks[b];
	struct ep_state empty;
	struct ep_val v;

	if (!blk->has_cond)
		return 0;
	memset(&empty, 0, sizeof(empty));
	v = ep_resolve(ctx, &empty, &blk->lhs, 0);
	return v.kind == EV_CALL || v.kind == EV_FAILCODE;
}

/*
 * From block 'from', is a release of r reached before the function does
 * anything else of note (acquires, or tests a call's result)?  Then the
 * branch that skipped it is one the checker cannot correlate.
 */
enum walk { WALK_ON, WALK_PRUNE, WALK_DONE };

/*
 * Visit fn's blocks breadth-first from block 'from', until visit() says
 * WALK_DONE; WALK_PRUNE does not follow that block's successors.
 */
static void walk_blocks(struct ep_ctx *ctx, int fn, int from,
			enum walk (*visit)(struct ep_ctx *, int, void *),
			void *data)
{
	const struct td_unit *u = ctx->m->unit;
	const struct td_function *f = &u->funcs[fn];
	int *queue = (int *)malloc((f->nblocks + 1) * sizeof(int));
	char *seen = (char *)calloc(f->nblocks + 1, 1);
	int head = 0, tail = 0, i;

	if (!queue || !seen)
		abort();
	queue[tail++] = from;
	seen[from - f->first_block] = 1;
	while (head < tail) {
		int at = queue[head++];
		const struct td_block *b = &u->blocks[at];
		enum walk w = visit(ctx, at, data);

		if (w == WALK_DONE)
			break;
		for (i = 0; w == WALK_ON && i < b->nsucc; i++) {
			int to = u->succs[b->first_succ + i].to;

			if (to < f->first_block || to >= f->first_block + f->nblocks ||
			    seen[to - f->first_block])
				continue;
			seen[to - f->first_block] = 1;
			queue[tail++] = to;
		}
	}
	free(queue);
	free(seen);
}

struct ahead {
	const struct ep_item *it;
	int found;
};

static enum walk releases_here(struct ep_ctx *ctx, int block, void *data)
{
	const struct td_block *b = &ctx->m->unit->blocks[block];
	struct ahead *a = (struct ahead *)data;
	int stop = 0, i;

	for (i = 0; i < b->ncalls; i++) {
		int call = b->first_call + i;

		if (call_releases(ctx, call, a->it)) {
			a->found = 1;
			return WALK_DONE;
		}
		if (td_call_rule(ctx->m, call, TD_RULE_ACQUIRE))
			stop = 1;
	}
	return stop || tests_a_call(ctx, block) ? WALK_PRUNE : WALK_ON;
}

static int release_ahead(struct ep_ctx *ctx, int fn, int from,
			 const struct ep_item *it)
{
	struct ahead a = { it, 0 };

	walk_blocks(ctx, fn, from, releases_here, &a);
	return a.found;
}

static void add_fork(struct ep_state *st, int not_taken)
{
	int i, k;

	for (i = 0; i < st->nitems; i++) {
		struct ep_item *it = &st->item[i];

		if (it->nforks > EP_FORKS)
			continue;
		for (k = 0; k < it->nforks; k++)
			if (it->fork[k] == not_taken)
				break;
		if (k < it->nforks)
			continue;
		if (it->nforks == EP_FORKS)
			it->nforks++;
		else
			it->fork[it->nforks++] = not_taken;
	}
}

/* The call whose failure a test on v means, or -1; *sym what it is about. */
static int tested_call(const struct ep_ctx *ctx, const struct ep_state *st,
		       int fn, const struct ep_val *v, enum td_fail *how,
		       uint32_t *key_sym)
{
	const struct td_model *m = ctx->m;
	int i, call;

	*key_sym = 0;
	if (v->kind == EV_CALL) {
		*how = ep_convention(ctx, v->call);
		return v->call;
	}
	if (v->kind != EV_LOAD)
		return -1;
	/* if (!p->base) after p->base = ioremap(): the handle itself */
	for (i = 0; i < st->nitems; i++) {
		const struct td_resource *r = &m->res[st->item[i].res];

		if (r->rule && r->rule->handle == TD_RET &&
		    ctx->res_sym[st->item[i].res] == v->sym) {
			*how = TD_FAIL_NULL;
			*key_sym = v->sym;
			return st->item[i].call;
		}
	}
	call = ep_stored_result(ctx, fn, v->sym);
	if (call >= 0) {
		int callee = td_callee(m, call);

		/* a kept value (an IRQ number) fails only below zero */
		*how = td_call_rule(m, call, TD_RULE_ACQUIRE) ||
		       (callee >= 0 && !m->unit->funcs[callee].is_api) ?
		       ep_convention(ctx, call) : TD_FAIL_NEGATIVE;
		*key_sym = v->sym;
	}
	return call;
}

/* Call 'call' (or whatever 'key_sym' holds) failed on this path. */
static void failed(struct ep_ctx *ctx, struct ep_state *st, int call,
		   uint32_t key_sym)
{
	const struct td_model *m = ctx->m;
	int callee = call >= 0 ? td_callee(m, call) : -1, i;

	for (i = st->nitems - 1; i >= 0; i--)
		if (!st->item[i].repeated &&
		    ((call >= 0 && (st->item[i].origin == call ||
				    st->item[i].call == call)) ||
		     (key_sym && ctx->res_sym[st->item[i].res] == key_sym)))
			drop_item(st, i);
	if (callee >= 0 && !m->unit->funcs[callee].is_api &&
	    ctx->sum[callee].state == 2) {
		const struct ep_summary *s = &ctx->sum[callee];

		for (i = 0; i < s->nfail; i++) {
			struct ep_item it = s->fail[i];

			it.origin = call;
			it.managed |= managed_by_family(ctx, st, it.res);
			add_item(ctx, st, &it);
		}
	}
}

static void push(struct ep_walk *w, const struct ep_state *st, int to)
{
	if (w->nstack == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 16;
		w->stack = (struct ep_state *)realloc(w->stack,
				w->cap * sizeof(*w->stack));
		if (!w->stack)
			abort();
	}
	ep_copy_state(&w->stack[w->nstack], st);
	w->stack[w->nstack].pred = st->block;
	w->stack[w->nstack].block = to;
	w->nstack++;
}

static void branch(struct ep_ctx *ctx, struct ep_walk *w, struct ep_state *st,
		   const struct td_block *b)
{
	const struct td_unit *u = ctx->m->unit;
	struct ep_val l, r;
	enum td_cmp cmp = b->cmp;
	enum td_fail how = TD_FAIL_NEVER;
	uint32_t key_sym = 0, syms[3], alias = 0;
	int call = -1, side = -1, k, nsyms;

	l = ep_resolve(ctx, st, &b->lhs, 0);
	r = ep_resolve(ctx, st, &b->rhs, 0);
	if (l.kind == EV_CONST && r.kind != EV_CONST) {
		struct ep_val t = l;
		static const enum td_cmp mirror[] = { TD_CMP_EQ, TD_CMP_NE,
			TD_CMP_GT, TD_CMP_GE, TD_CMP_LT, TD_CMP_LE };

		l = r;
		r = t;
		cmp = mirror[cmp];
	}
	if (r.kind == EV_CONST && l.neg) {
		/* !IS_ERR(x) != 0 is IS_ERR(x) == 0 */
		if (r.cst != 0 || (cmp != TD_CMP_EQ && cmp != TD_CMP_NE))
			l.kind = EV_UNKNOWN;
		cmp = cmp == TD_CMP_EQ ? TD_CMP_NE : TD_CMP_EQ;
	}
	if (r.kind == EV_CONST && l.kind == EV_CONST) {
		static const int truth_of[6][3] = {
			{ 0, 1, 0 }, { 1, 0, 1 }, { 1, 0, 0 },
			{ 1, 1, 0 }, { 0, 0, 1 }, { 0, 1, 1 },
		};
		int when = truth_of[cmp][l.cst < r.cst ? 0 : l.cst == r.cst ? 1 : 2];

		for (k = 0; k < b->nsucc; k++)
			if (u->succs[b->first_succ + k].when == when)
				push(w, st, u->succs[b->first_succ + k].to);
		return;
	}
	if (r.kind == EV_CONST && l.kind == EV_CALL &&
	    td_call_rule(ctx->m, l.call, TD_RULE_FAILTEST)) {
		/* IS_ERR(h), dma_mapping_error(dev, h): about h */
		const struct td_call *c = &u->calls[l.call];
		const struct td_rule *ft = td_call_rule(ctx->m, l.call,
							TD_RULE_FAILTEST);
		const struct td_value *h = ft->handle < c->nargs ?
			&c->arg[ft->handle] : NULL;

		side = r.cst == 0 && cmp == TD_CMP_NE ? 1 :
		       r.cst == 0 && cmp == TD_CMP_EQ ? 0 : -1;
		if (h && h->kind == TD_VAL_CALL) {
			call = h->call;
		} else if (h && ep_load_sym(ctx->m, h)) {
			struct ep_val lv;

			memset(&lv, 0, sizeof(lv));
			lv.kind = EV_LOAD;
			lv.sym = ep_load_sym(ctx->m, h);
			call = tested_call(ctx, st, w->fn, &lv, &how, &key_sym);
			if (call < 0 && !key_sym)
				key_sym = lv.sym;
		} else {
			side = -1;
		}
		if (call < 0 && !key_sym)
			side = -1;
	} else if (r.kind == EV_CONST) {
		call = tested_call(ctx, st, w->fn, &l, &how, &key_sym);
		if (call >= 0 || key_sym)
			side = ep_failure_side(how, cmp, r.cst);
	}
	/* p->use_irq = read_bool(); if (p->use_irq): both are one value */
	if (l.kind == EV_CALL)
		alias = ctx->result_sym[l.call];
	/* a test of a handle and of the call that made it are one test */
	nsyms = 0;
	if (call >= 0)
		syms[nsyms++] = ep_call_sym(call);
	if (key_sym)
		syms[nsyms++] = key_sym;
	if (call >= 0 && ctx->m->call_res[call] >= 0 &&
	    ctx->m->res[ctx->m->call_res[call]].rule &&
	    ctx->m->res[ctx->m->call_res[call]].rule->handle == TD_RET)
		syms[nsyms++] = ctx->res_sym[ctx->m->call_res[call]];
	for (k = 0; k < b->nsucc; k++) {
		const struct td_succ *s = &u->succs[b->first_succ + k];
		struct ep_state next;

		ep_copy_state(&next, st);

		if (side >= 0 && s->when >= 0) {
			int fails = s->when == side, j, ok = 1;

			for (j = 0; j < nsyms; j++)
				ok &= ep_learn_status(&next, syms[j],
						   fails ? EP_FAILED : EP_OK);
			if (!ok)
				continue;	/* contradicts an earlier test */
			if (fails) {
				failed(ctx, &next, call, key_sym);
				/* "if (get() >= 0) release()": skipped */
				add_fork(&next, u->succs[b->first_succ + !k].to);
			}
			/* where the path turned to failure, if it did */
			next.decision = fails ? st->block : -1;
		} else {
			if (s->when >= 0 && r.kind == EV_CONST && l.sym &&
			    (!ep_learn_raw(&next, l.sym, cmp, r.cst, s->when) ||
			     (alias && !ep_learn_raw(&next, alias, cmp, r.cst,
						  s->when))))
				continue;
			/* the branch not taken: a release may be skipped */
			add_fork(&next, u->succs[b->first_succ + !k].to);
		}
		push(w, &next, s->to);
	}
}

/* ------------------------------------------------------------- reports */

static const char *fn_of_call(const struct td_model *m, int call)
{
	return td_fn_name(m, m->unit->calls[call].fn);
}

/*
 * A call of fn (or of its helpers) that releases it: the skipped label
 * if other error paths make it (*failing set), else a release on the
 * success path only.
 */
static int release_in(struct ep_ctx *ctx, int fn, const struct ep_item *it,
		      int *failing)
{
	const struct td_unit *u = ctx->m->unit;
	const struct td_function *f = &u->funcs[fn];
	int b, i, any = -1;

	for (b = f->first_block; b < f->first_block + f->nblocks; b++)
		for (i = 0; i < u->blocks[b].ncalls; i++) {
			int call = u->blocks[b].first_call + i;

			if (!call_releases(ctx, call, it))
				continue;
			if (ctx->failing_release[call]) {
				*failing = 1;
				return call;
			}
			if (any < 0)
				any = call;
		}
	*failing = 0;
	return any;
}

/*
 * The driver's own undo: a helper remove() calls that releases r
 * (sm501_dev_remove(), which unregisters the sub-devices before it unmaps
 * what they use).  A resource a probe helper acquired is undone best by
 * it, not by the one release call.  The call in remove(), or -1.
 */
static int teardown_helper(struct ep_ctx *ctx, int r)
{
	const struct td_model *m = ctx->m;
	int call;

	for (call = 0; m->remove >= 0 && call < m->unit->ncalls; call++) {
		int callee = td_callee(m, call);

		if (m->unit->calls[call].fn == m->remove && callee >= 0 &&
		    !m->unit->funcs[callee].is_api && fn_releases(ctx, callee, r))
			return call;
	}
	return -1;
}

/*
 * Does the driver write the place v is loaded from (port->base = base)?
 * Then it may hold a copy of the handle: no hint that it is another.
 */
static int stored_by_driver(const struct td_model *m, const struct td_value *v)
{
	char key[TD_KEY_LEN], other[TD_KEY_LEN];
	int fam, i;

	if (td_path_key(m, &v->path, v->path.nfields, key, &fam) < 0)
		return 1;
	for (i = 0; i < m->unit->nstores; i++)
		if (td_path_key(m, &m->unit->stores[i].dest,
				m->unit->stores[i].dest.nfields, other,
				&fam) == 0 && !strcmp(key, other))
			return 1;
	for (i = 0; i < m->unit->ncalls; i++) {
		const struct td_call *c = &m->unit->calls[i];

		if ((c->result.kind == TD_VAL_LOAD &&
		     td_path_key(m, &c->result.path, c->result.path.nfields,
				 other, &fam) == 0 && !strcmp(key, other)) ||
		    (c->has_copy && td_path_key(m, &c->copy, c->copy.nfields,
						other, &fam) == 0 &&
		     !strcmp(key, other)))
			return 1;
	}
	return 0;
}

/*
 * port->base for a global 'base': the front ends do not see every copy
 * (port->base = base), but a copy mostly keeps its name.
 */
static int same_last_name(const struct td_value *v, const char *res_text)
{
	const char *last = v->path.nfields ?
		v->path.field[v->path.nfields - 1] : v->path.var;
	const char *r = res_text, *p;
	size_t n;

	for (p = res_text; *p; p++)
		if (*p == '.' || *p == '>' || *p == '&' || *p == '*')
			r = p + 1;
	n = strcspn(r, "[");
	return last && strlen(last) == n && !strncmp(last, r, n);
}

/* How the source names a value: 'p->x', or a struct resource's start. */
static int handle_name(const struct td_value *v, char *buf, size_t len)
{
	if (v->text) {
		if (len)
			snprintf(buf, len, "'%s'", v->text);
		return 1;
	}
	if (v->kind != TD_VAL_LOAD || !v->path.base_name || !v->path.nfields)
		return 0;
	if (len)
		snprintf(buf, len, "a struct %s's %s", v->path.base_name,
			 v->path.field[v->path.nfields - 1]);
	return 1;
}

/*
 * The error path already calls the release the fix names, on something
 * no acquisition returned (the physical address instead of the DMA
 * handle): the fix is to pass the right handle, not to add a call.
 */
static int wrong_handle_release(struct ep_ctx *ctx, int fn,
				const struct ep_item *it, const char *fix)
{
	const struct td_model *m = ctx->m;
	const struct td_function *f = &m->unit->funcs[fn];
	size_t n = strcspn(fix, "(");
	int b, i, r;

	for (b = f->first_block; b < f->first_block + f->nblocks; b++)
		for (i = 0; i < m->unit->blocks[b].ncalls; i++) {
			int call = m->unit->blocks[b].first_call + i;
			const struct td_call *c = &m->unit->calls[call];
			const struct td_rule *rule =
				td_call_rule(m, call, TD_RULE_RELEASE);

			if (!rule || rule->family != m->res[it->res].family ||
			    !c->callee || strlen(c->callee) != n ||
			    strncmp(c->callee, fix, n) || rule->handle < 0 ||
			    rule->handle >= c->nargs ||
			    !handle_name(&c->arg[rule->handle], NULL, 0))
				continue;
			/* a local (reg = ioremap(); ... iounmap(reg)) may hold
			 * what was acquired: only a place in memory that no
			 * acquisition stored to is surely another handle */
			if ((c->arg[rule->handle].kind != TD_VAL_LOAD &&
			     c->arg[rule->handle].kind != TD_VAL_ADDR) ||
			    stored_by_driver(m, &c->arg[rule->handle]) ||
			    same_last_name(&c->arg[rule->handle],
					   m->res[it->res].text))
				continue;
			for (r = 0; r < m->nres; r++)
				if (td_call_applies(m, call, TD_RULE_RELEASE,
						    &m->res[r]))
					break;
			if (r == m->nres)
				return call;
		}
	return -1;
}

/* One leak per resource: every failure exit that leaks it, by line. */
struct ep_leak {
	struct ep_item it;
	struct td_loc where;	/* the first exit, by line */
	int nlines;
	int line[EP_LINES];
};

/* Does call release a resource fn acquires at or after line 'from'? */
static int releases_later_step(struct ep_ctx *ctx, int fn, int call, int from)
{
	struct td_model *m = ctx->m;
	int callee = td_callee(m, call), r;

	for (r = 0; r < m->nres; r++) {
		if (m->res[r].fn != fn || m->res[r].managed ||
		    m->res[r].loc.line < from)
			continue;
		if (td_call_applies(m, call, TD_RULE_RELEASE, &m->res[r]) ||
		    (callee >= 0 && !m->unit->funcs[callee].is_api &&
		     fn_releases(ctx, callee, r)))
			return 1;
	}
	return 0;
}

/*
 * Does the code from 'release' to the function's return undo only what fn
 * set up before the first of l's exits?  A label that also releases what
 * fn acquires after that exit would free what was never set up there
 * (be2iscsi's free_twq): then jumping to it is no fix.
 */
struct undoing {
	int fn, start, release, first, safe;
};

static enum walk undoes_later(struct ep_ctx *ctx, int block, void *data)
{
	const struct td_block *b = &ctx->m->unit->blocks[block];
	struct undoing *w = (struct undoing *)data;
	int i;

	for (i = 0; i < b->ncalls; i++)
		if ((block != w->start || b->first_call + i >= w->release) &&
		    releases_later_step(ctx, w->fn, b->first_call + i,
					w->first)) {
			w->safe = 0;
			return WALK_DONE;
		}
	return b->returns ? WALK_PRUNE : WALK_ON;
}

static int jump_is_safe(struct ep_ctx *ctx, int fn, int release,
			const struct ep_leak *l)
{
	const struct td_unit *u = ctx->m->unit;
	const struct td_function *f = &u->funcs[fn];
	int start = u->calls[release].block, k;
	struct undoing w = { fn, start, release, l->where.line, 1 };

	if (start < f->first_block || start >= f->first_block + f->nblocks)
		return 1;
	for (k = 0; k < l->nlines; k++)
		if (l->line[k] < w.first)
			w.first = l->line[k];
	walk_blocks(ctx, fn, start, undoes_later, &w);
	return w.safe;
}

static void emit_leak(struct ep_ctx *ctx, int fn, const struct ep_leak *l)
{
	struct td_model *m = ctx->m;
	const struct ep_item *it = &l->it;
	char at[256];
	int k;
	const struct td_family *fam = family_of(ctx, it->res);
	struct td_resource res = m->res[it->res];
	char fix[TD_KEY_LEN], msg[2048], how[1024], got[512], n1[512], n2[512];
	char add[TD_KEY_LEN + 64] = "";
	const char *probe = td_fn_name(m, fn);
	int failing, skipped = release_in(ctx, fn, it, &failing), wrong = -1;
	int undo, named;
	struct td_finding f;

	at[0] = '\0';
	for (k = 0; k < l->nlines; k++)
		if (l->line[k] != l->where.line)
			snprintf(at + strlen(at), sizeof(at) - strlen(at),
				 "%s%d", at[0] ? ", " : " and at lines ",
				 l->line[k]);
	if (l->nlines == EP_LINES)
		snprintf(at + strlen(at), sizeof(at) - strlen(at), ", ...");

	if (it->call >= 0 && td_call_rule(m, it->call, TD_RULE_ACQUIRE)) {
		res.call = it->call;
		res.loc = m->unit->calls[it->call].loc;
		res.fn = m->unit->calls[it->call].fn;
	}
	named = td_fix_text(m, &res, fn, fix, sizeof(fix));
	if (it->by >= 0)
		snprintf(got, sizeof(got), ", and %s() can %s it once %s '%s' is live",
			 m->res[it->by].callback ? m->res[it->by].callback :
			 m->res[it->by].thread ? m->res[it->by].thread :
			 "its callback", fam->fed ? fam->fed : "use",
			 family_of(ctx, it->by)->noun, m->res[it->by].text);
	else if (fam->hold_armed)
		snprintf(got, sizeof(got), " after %s() in %s() could %s it",
			 m->unit->calls[it->call].callee, fn_of_call(m, it->call),
			 fam->fed ? fam->fed : "use");
	else
		got[0] = '\0';
	if (skipped < 0)
		wrong = wrong_handle_release(ctx, fn, it, fix);
	/* a fix in words that do not compile here is not offered */
	if (named)
		snprintf(add, sizeof(add), "add %s to %s", fix,
			 at[0] ? "these error paths" : "this error path");
	if (skipped >= 0 && failing && !jump_is_safe(ctx, fn, skipped, l))
		snprintf(how, sizeof(how),
			 "other error paths release it (%s() at line %d), %s not; %s%s %s (the label before that call also undoes steps taken after this failure)%s",
			 m->unit->calls[skipped].callee,
			 m->unit->calls[skipped].loc.line,
			 at[0] ? "these do" : "this one does",
			 named ? "add " : "release it with ",
			 named ? fix : m->unit->calls[skipped].callee,
			 at[0] ? "there" : "here",
			 named ? "" : " (no fix offered)");
	else if (skipped >= 0 && failing) {
		char here[TD_KEY_LEN + 32] = "";

		if (named)
			snprintf(here, sizeof(here), "add %s %s or ", fix,
				 at[0] ? "there" : "here");
		snprintf(how, sizeof(how),
			 "other error paths release it (%s() at line %d), %s not; %sjump to the label before that call",
			 m->unit->calls[skipped].callee,
			 m->unit->calls[skipped].loc.line,
			 at[0] ? "these do" : "this one does", here);
	} else if (skipped >= 0)
		/* no label to jump to: the release is on the way to success */
		snprintf(how, sizeof(how),
			 "%s() releases it only on success (%s() at line %d); %s%s%s",
			 probe, m->unit->calls[skipped].callee,
			 m->unit->calls[skipped].loc.line,
			 named ? add : "release it so on ",
			 named ? "" : at[0] ? "these error paths" :
			 "this error path", named ? "" : " too");
	else if (wrong >= 0) {
		char given[256];

		handle_name(&m->unit->calls[wrong].arg[td_call_rule(m, wrong,
			    TD_RULE_RELEASE)->handle], given, sizeof(given));
		snprintf(how, sizeof(how),
			 "%s() at line %d is given %s, which no acquisition returned: pass it '%s' instead",
			 m->unit->calls[wrong].callee,
			 m->unit->calls[wrong].loc.line, given, res.text);
	} else if (it->helper_exit >= 0 &&
		   (undo = teardown_helper(ctx, it->res)) >= 0)
		snprintf(how, sizeof(how),
			 "call %s(), with which %s() releases it, where %s() fails at line %d%s%s",
			 m->unit->calls[undo].callee, td_fn_name(m, m->remove),
			 td_fn_name(m, m->unit->blocks[it->helper_exit].fn),
			 m->unit->blocks[it->helper_exit].loc.line,
			 named ? ", or " : "", named ? add : "");
	else if (!named)
		snprintf(how, sizeof(how),
			 "%s() cannot name it here: release it with %.*s() where '%s' is in scope, or keep it where %s reach it (no fix offered)",
			 probe, (int)strcspn(fix, "("), fix, res.text,
			 at[0] ? "these error paths" : "this error path can");
	else
		snprintf(how, sizeof(how), "%s%s", add,
			 fam->hold_armed && it->by >= 0 ?
			 ", after the source is stopped" : "");
	snprintf(msg, sizeof(msg), "%s '%s'", fam->noun, res.text);
	if (!fam->hold_armed)
		snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg),
			 " %s in %s()", fam->did, td_fn_name(m, res.fn));
	snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg),
		 " is not %s when %s() fails here%s%s", fam->undone, probe, at,
		 got);
	if (it->helper_exit >= 0)
		snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg),
			 " (%s() failed at line %d and left it held)",
			 td_fn_name(m, m->unit->blocks[it->helper_exit].fn),
			 m->unit->blocks[it->helper_exit].loc.line);
	snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg),
		 "; %s [teardown-error-path]", how);
	memset(&f, 0, sizeof(f));
	f.tag = "teardown-error-path";
	/* held where probe returns: high; fed only if its source fires
	 * before the failure: a window, medium */
	f.confidence = it->by >= 0 ? TD_CONFIDENCE_MEDIUM : TD_CONFIDENCE_HIGH;
	f.loc = l->where;
	f.msg = msg;
	f.function = probe;
	f.resource = td_res_ident(&m->res[it->res]);
	snprintf(n1, sizeof(n1), "'%s' %s here", res.text,
		 it->by >= 0 ? "becomes live" : fam->hold_armed ? "is armed" :
		 fam->did);
	f.note[f.nnotes].loc = it->by >= 0 || it->call < 0 ?
		m->res[it->by >= 0 ? it->by : it->res].loc :
		m->unit->calls[it->call].loc;
	f.note[f.nnotes++].msg = n1;
	if (skipped >= 0 || wrong >= 0) {
		snprintf(n2, sizeof(n2), "%s",
			 wrong >= 0 ? "the release given another handle" :
			 failing ? "other error paths release it here" :
			 "released here, on success only");
		f.note[f.nnotes].loc = m->unit->calls[skipped >= 0 ? skipped :
						      wrong].loc;
		f.note[f.nnotes++].msg = n2;
	}
	td_emit(m, &f);
}

/* Note a leak at a failure exit; emit_leak() reports them once a function is done. */
static void report_leak(struct ep_ctx *ctx, const struct ep_item *it,
			const struct td_loc *where)
{
	struct ep_leak *l = NULL;
	int i;

	for (i = 0; i < ctx->nleaks; i++)
		if (ctx->leaks[i].it.res == it->res &&
		    ctx->leaks[i].it.by == it->by &&
		    ctx->leaks[i].it.helper_exit == it->helper_exit)
			l = &ctx->leaks[i];
	if (!l) {
		if (ctx->nleaks == ctx->leaks_cap) {
			ctx->leaks_cap = ctx->leaks_cap ? 2 * ctx->leaks_cap : 8;
			ctx->leaks = (struct ep_leak *)realloc(ctx->leaks,
					ctx->leaks_cap * sizeof(*ctx->leaks));
			if (!ctx->leaks)
				abort();
		}
		l = &ctx->leaks[ctx->nleaks++];
		memset(l, 0, sizeof(*l));
		l->it = *it;
		l->where = *where;
	}
	if (where->line < l->where.line)
		l->where = *where;
	for (i = 0; i < l->nlines; i++)
		if (l->line[i] == where->line)
			return;
	if (l->nlines < EP_LINES)
		l->line[l->nlines++] = where->line;
}

static int by_line(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void flush_leaks(struct ep_ctx *ctx, int fn)
{
	int i;

	for (i = 0; i < ctx->nleaks; i++) {
		qsort(ctx->leaks[i].line, ctx->leaks[i].nlines, sizeof(int),
		      by_line);
		emit_leak(ctx, fn, &ctx->leaks[i]);
	}
	ctx->nleaks = 0;
}

static void report_viol(struct ep_ctx *ctx, struct ep_walk *w,
			const struct ep_viol *v)
{
	struct td_model *m = ctx->m;
	const struct td_family *fd = family_of(ctx, v->res);
	const struct td_family *fs = family_of(ctx, v->source);
	const struct td_resource *src = &m->res[v->source];
	int feed = ctx->feed[v->source * m->nres + v->res];
	char msg[2048], n1[512];
	struct td_finding f;

	snprintf(msg, sizeof(msg),
		 "%s '%s' is %s on the error path of %s() while %s%s '%s' is still live: %s() can %s it until %s; %s [teardown-error-order]",
		 fd->noun, m->res[v->res].text, fd->undone, td_fn_name(m, w->fn),
		 v->source_managed ? "managed " : "", fs->noun, src->text,
		 fn_of_call(m, feed), fd->fed ? fd->fed : "use",
		 v->source_managed ? "devres releases it after probe fails" :
		 "it is released",
		 v->source_managed ? "release the source explicitly first" :
		 "stop the source first");
	memset(&f, 0, sizeof(f));
	f.tag = "teardown-error-order";
	f.confidence = TD_CONFIDENCE_MEDIUM;
	f.loc = m->unit->calls[v->call].loc;
	f.msg = msg;
	f.function = td_fn_name(m, w->fn);
	f.resource = td_res_ident(&m->res[v->res]);
	f.other = td_res_ident(src);
	snprintf(n1, sizeof(n1), "%s() can %s '%s' here", fn_of_call(m, feed),
		 fd->fed ? fd->fed : "use", m->res[v->res].text);
	f.note[0].loc = m->unit->calls[feed].loc;
	f.note[0].msg = n1;
	f.nnotes = 1;
	td_emit(m, &f);
}

/* Leaks through a branch the checker cannot follow are not reported. */
static int uncertain(struct ep_ctx *ctx, struct ep_walk *w,
		     const struct ep_item *it)
{
	int k;

	if (it->nforks > EP_FORKS)
		return 1;
	for (k = 0; k < it->nforks; k++)
		if (release_ahead(ctx, w->fn, it->fork[k], it))
			return 1;
	return 0;
}

static void merge(struct ep_item *set, int *n, const struct ep_item *it,
		  int helper_exit)
{
	int i;

	for (i = 0; i < *n; i++)
		if (set[i].res == it->res)
			return;
	if (*n == EP_ITEMS)
		return;
	set[*n] = *it;
	set[*n].nforks = 0;
	if (helper_exit >= 0 && set[*n].helper_exit < 0)
		set[*n].helper_exit = helper_exit;
	(*n)++;
}

/* The item whose handle "return !p->buf" tests, or -1. */
static int returns_handle_test(const struct ep_ctx *ctx,
			       const struct ep_state *st,
			       const struct td_opnd *ret)
{
	struct ep_val v = ep_resolve(ctx, st, ret, 0);
	int i;

	if (v.kind != EV_LOAD || !v.neg)
		return -1;
	for (i = 0; i < st->nitems; i++) {
		const struct td_resource *r = &ctx->m->res[st->item[i].res];

		if (r->rule && r->rule->handle == TD_RET &&
		    ctx->res_sym[st->item[i].res] == v.sym)
			return i;
	}
	return -1;
}

/* Counted once per resource, however many paths hold it uncertainly. */
static void count_undecided(struct ep_ctx *ctx, int res)
{
	if (!ctx->undecided_seen[res]) {
		ctx->undecided_seen[res] = 1;
		ctx->m->stats->error_undecided++;
	}
}

static void at_exit(struct ep_ctx *ctx, struct ep_walk *w,
		    const struct ep_state *st, const struct td_block *b)
{
	struct td_model *m = ctx->m;
	int returned;
	enum ep_status how = ep_outcome(ctx, st, w->fn, &b->ret, &returned);
	const struct td_loc *where = st->decision >= 0 ?
		&m->unit->blocks[st->decision].loc : b->loc.line || st->last < 0 ?
		&b->loc : &m->unit->blocks[st->last].loc;
	int i;

	if (!w->top) {
		int handle = returns_handle_test(ctx, st, &b->ret);

		if (handle >= 0) {
			/* "return !p->buf": held on success, failed without */
			w->sum->can_fail = 1;
			for (i = 0; i < st->nitems; i++) {
				merge(w->sum->ok, &w->sum->nok, &st->item[i], -1);
				if (i != handle && !st->item[i].managed &&
				    !uncertain(ctx, w, &st->item[i]))
					merge(w->sum->fail, &w->sum->nfail,
					      &st->item[i], b->loc.line ||
					      st->last < 0 ? st->block : st->last);
			}
			w->sum->inited |= st->inited;
			return;
		}
		if (how != EP_FAILED)
			w->sum->inited |= st->inited;
		else
			w->sum->can_fail = 1;
		for (i = 0; i < st->nitems; i++)
			if (how != EP_FAILED) {
				merge(w->sum->ok, &w->sum->nok, &st->item[i], -1);
			} else if (uncertain(ctx, w, &st->item[i])) {
				count_undecided(ctx, st->item[i].res);
			} else if (!st->item[i].managed) {
				td_trace(m, "%s: held when %s() fails at line %d",
					 m->res[st->item[i].res].text,
					 td_fn_name(m, w->fn), where->line);
				merge(w->sum->fail, &w->sum->nfail, &st->item[i],
				      b->loc.line || st->last < 0 ? st->block :
				      st->last);
			}
		if (how == EP_FAILED)
			for (i = 0; i < st->nviols; i++)
				report_viol(ctx, w, &st->viol[i]);
		return;
	}
	if (how == EP_OK)
		return;
	for (i = 0; i < st->nitems; i++) {
		const struct ep_item *it = &st->item[i];

		/* "return register_driver()": held only if it succeeded */
		if (it->managed || (how == EP_UNKNOWN && it->origin == returned))
			continue;
		if (it->by >= 0 && find_item(st, it->by) >= 0 &&
		    !st->item[find_item(st, it->by)].managed)
			continue;	/* its source leaks: reported itself */
		if (ctx->module_owned[it->res]) {
			td_trace(m, "%s: a global module_exit releases: kept for the module's lifetime, not reported",
				 m->res[it->res].text);
			count_undecided(ctx, it->res);
			continue;
		}
		if (how == EP_UNKNOWN || uncertain(ctx, w, it) ||
		    (it->by >= 0 && m->res[it->by].managed)) {
			td_trace(m, "%s: held at a %s exit of %s() (line %d): not reported",
				 m->res[it->res].text, how == EP_UNKNOWN ?
				 "possible failure" : "failure",
				 td_fn_name(m, w->fn), where->line);
			count_undecided(ctx, it->res);
			continue;
		}
		td_trace(m, "%s: held at a failure exit of %s() (line %d), brought by the call at line %d",
			 m->res[it->res].text, td_fn_name(m, w->fn), b->loc.line,
			 it->origin >= 0 ? m->unit->calls[it->origin].loc.line : 0);
		report_leak(ctx, it, where);
	}
	if (how == EP_FAILED) {
		int site = st->decision >= 0 ? st->decision :
			   st->last >= 0 ? st->last : st->block;

		/* exits are counted once each, however many paths reach them;
		 * GCC merges the returns, so an exit is where it was decided,
		 * or else the last block with a line before it */
		if (!ctx->exit_seen[site]) {
			ctx->exit_seen[site] = 1;
			m->stats->error_exits++;
		}
		for (i = 0; i < st->nviols; i++) {
			int s = find_item(st, st->viol[i].source);

			/* a source never stopped: its own leak says it */
			if (s < 0 || st->item[s].managed)
				report_viol(ctx, w, &st->viol[i]);
		}
	}
}

/* --------------------------------------------------------------- walk */

static uint64_t state_hash(const struct ep_state *st)
{
	uint64_t h = ep_hash_mix(st->block, st->pred);
	int i, k;

	h = ep_hash_mix(h, st->decision);
	h = ep_hash_mix(h, st->inited);
	for (i = 0; i < st->nitems; i++) {
		const struct ep_item *it = &st->item[i];

		h = ep_hash_mix(h, ((uint64_t)it->res << 32) ^ (uint32_t)it->call);
		h = ep_hash_mix(h, ((uint64_t)it->origin << 16) ^ it->managed ^
			     ((uint64_t)it->nforks << 8) ^ (it->repeated << 1) ^
			     (it->quiesced << 2));
		for (k = 0; k < it->nforks && k < EP_FORKS; k++)
			h = ep_hash_mix(h, it->fork[k]);
	}
	for (i = 0; i < st->nfacts; i++)
		h = ep_hash_mix(h, ((uint64_t)st->fact[i].sym << 8) ^
			     (st->fact[i].status << 4) ^ (st->fact[i].truth << 3) ^
			     st->fact[i].cmp ^ ((uint64_t)st->fact[i].cst << 40));
	for (i = 0; i < st->nbinds; i++)
		h = ep_hash_mix(h, ((uint64_t)st->bind[i].name << 32) ^
			     st->bind[i].val.kind ^ (st->bind[i].val.call << 4) ^
			     ((uint64_t)st->bind[i].val.cst << 36) ^
			     st->bind[i].val.sym);
	for (i = 0; i < st->nviols; i++)
		h = ep_hash_mix(h, st->viol[i].call);
	for (i = 0; i < st->nactions; i++)
		h = ep_hash_mix(h, st->action[i]);
	return h ? h : 1;
}

/* Open addressing; returns 1 if h was there already. */
static int seen_before(struct ep_walk *w, uint64_t h)
{
	size_t i;

	if (2 * (w->nseen + 1) > w->seen_cap) {
		uint64_t *old = w->seen;
		int cap = w->seen_cap, j;

		w->seen_cap = cap ? 2 * cap : 1024;
		w->seen = (uint64_t *)calloc(w->seen_cap, sizeof(uint64_t));
		if (!w->seen)
			abort();
		w->nseen = 0;
		for (j = 0; j < cap; j++)
			if (old[j])
				seen_before(w, old[j]);
		free(old);
	}
	/* seen_cap is a power of two: a mask, not a division */
	for (i = h & (w->seen_cap - 1); w->seen[i];
	     i = (i + 1) & (w->seen_cap - 1))
		if (w->seen[i] == h)
			return 1;
	w->seen[i] = h;
	w->nseen++;
	return 0;
}

/* PHIs of the block just entered take the value of the edge taken. */
static void bind_phis(struct ep_ctx *ctx, struct ep_state *st)
{
	const struct td_unit *u = ctx->m->unit;
	struct ep_val vals[EP_BINDS];
	int names[EP_BINDS], n = 0, i, k, j;

	for (i = ctx->phi_first[st->block]; i >= 0 && n < EP_BINDS;
	     i = ctx->phi_next[i]) {
		const struct td_name *nm = &u->names[i];

		for (k = 0; k < nm->nargs; k++)
			if (u->phi_args[nm->first_arg + k].pred == st->pred)
				break;
		if (k == nm->nargs)
			continue;
		/* all PHIs read the values from before the edge */
		vals[n] = ep_resolve(ctx, st, &u->phi_args[nm->first_arg + k].val, 0);
		names[n++] = i;
	}
	for (k = 0; k < n; k++) {
		for (j = 0; j < st->nbinds; j++)
			if (st->bind[j].name == names[k])
				break;
		if (j == st->nbinds) {
			if (st->nbinds == EP_BINDS)
				continue;
			st->nbinds++;
		}
		st->bind[j].name = names[k];
		st->bind[j].val = vals[k];
	}
}

static void walk_function(struct ep_ctx *ctx, int fn, int top)
{
	struct td_model *m = ctx->m;
	const struct td_unit *u = m->unit;
	const struct td_function *f = &u->funcs[fn];
	struct ep_walk w;
	struct ep_state st;

	ctx->sum[fn].state = 1;
	if (f->entry < 0) {
		ctx->sum[fn].state = 2;
		return;
	}
	memset(&w, 0, sizeof(w));
	w.ctx = ctx;
	w.fn = fn;
	w.top = top;
	w.sum = &ctx->sum[fn];
	memset(&st, 0, sizeof(st));
	st.block = f->entry;
	st.pred = -1;
	st.decision = -1;
	st.last = -1;
	/* a helper arms what its caller set up: only probe starts bare */
	st.assume_inited = !top;
	push(&w, &st, f->entry);
	w.stack[0].pred = -1;
	while (w.nstack) {
		struct ep_state cur;
		const struct td_block *b;
		int i;

		ep_copy_state(&cur, &w.stack[--w.nstack]);
		b = &u->blocks[cur.block];

		if (seen_before(&w, state_hash(&cur)))
			continue;
		if (++w.visits > EP_BUDGET) {
			td_trace(m, "%s(): too many paths, error paths not checked",
				 f->name);
			m->stats->error_budget++;
			w.sum->nok = w.sum->nfail = 0;
			if (top)
				ctx->nleaks = 0;	/* not checked, not half */
			break;
		}
		bind_phis(ctx, &cur);
		for (i = ctx->store_first[cur.block]; i >= 0;
		     i = ctx->store_next[i])
			if (m->store_res[i] >= 0)
				init_res(ctx, &cur, m->store_res[i]);
		if (b->loc.line)
			cur.last = cur.block;
		for (i = 0; i < b->ncalls; i++)
			do_call(ctx, &cur, b->first_call + i);
		if (b->returns) {
			at_exit(ctx, &w, &cur, b);
			continue;
		}
		if (b->has_cond && b->nsucc == 2) {
			branch(ctx, &w, &cur, b);
			continue;
		}
		for (i = 0; i < b->nsucc; i++) {
			struct ep_state next;
			int j;

			ep_copy_state(&next, &cur);

			for (j = 0; b->nsucc > 1 && j < b->nsucc; j++)
				if (j != i)
					add_fork(&next, u->succs[b->first_succ + j].to);
			push(&w, &next, u->succs[b->first_succ + i].to);
		}
	}
	free(w.stack);
	free(w.seen);
	ctx->sum[fn].state = 2;
}

/* Thread items 0..n-1 into lists by key (key[i] < 0: none), in order. */
static void chain(int nkeys, int n, const int *key, int **first, int **next)
{
	int i;

	*first = (int *)malloc((nkeys + 1) * sizeof(int));
	*next = (int *)malloc((n + 1) * sizeof(int));
	if (!*first || !*next)
		abort();
	for (i = 0; i < nkeys; i++)
		(*first)[i] = -1;
	for (i = n - 1; i >= 0; i--)
		if (key[i] >= 0) {
			(*next)[i] = (*first)[key[i]];
			(*first)[key[i]] = i;
		}
}

/*
 * A PCI bridge's probe registers a platform driver kept in a global and
 * fails on purpose, so that the bridge's own driver can bind; module_exit
 * unregisters it.  A global the module's exit releases lives as long as
 * the module, not the device: probe's failure exits need not give it back.
 * (Not so an operation of a static ops table: one may run on failure,
 * libata's .host_stop through ata_host_start()'s devres, but a .suspend
 * releases too, and the facts do not say which field it is in.)
 */
static void find_module_owned(struct ep_ctx *ctx)
{
	const struct td_model *m = ctx->m;
	const struct td_unit *u = m->unit;
	char *set;
	int i, r;

	if (m->drv->module)
		return;		/* module_init's own exits: they must */
	set = (char *)calloc(u->nfuncs + 1, 1);
	if (!set)
		abort();
	td_reach_module(m, 0, set);
	for (r = 0; r < m->nres; r++) {
		if (strncmp(m->res[r].key, "global ", 7))
			continue;
		for (i = 0; i < u->ncalls && !ctx->module_owned[r]; i++)
			if (set[u->calls[i].fn] && !m->in_probe[u->calls[i].fn] &&
			    td_call_applies(m, i, TD_RULE_RELEASE, &m->res[r]))
				ctx->module_owned[r] = 1;
	}
	free(set);
}

/* What every path of this driver asks again and again, worked out once. */
static void prepare(struct ep_ctx *ctx)
{
	struct td_model *m = ctx->m;
	const struct td_unit *u = m->unit;
	int n = u->ncalls > u->nnames ? u->ncalls : u->nnames, i;
	int *key;

	if (u->nstores > n)
		n = u->nstores;
	key = (int *)malloc((n + 1) * sizeof(int));

	ctx->feed = td_feed_matrix(m);
	ctx->releases = (signed char *)malloc((size_t)u->nfuncs * m->nres + 1);
	ctx->quiesces = (signed char *)malloc((size_t)u->nfuncs * m->nres + 1);
	ctx->sum = (struct ep_summary *)calloc(u->nfuncs + 1, sizeof(*ctx->sum));
	ctx->has_release = (char *)calloc(m->rules->nfamilies + 1, 1);
	ctx->res_sym = (uint32_t *)malloc((m->nres + 1) * sizeof(uint32_t));
	ctx->result_sym = (uint32_t *)malloc((u->ncalls + 1) * sizeof(uint32_t));
	ctx->cb_fn = (int *)malloc((u->nstores + 1) * sizeof(int));
	ctx->cb_holder = (const char **)malloc((u->nstores + 1) * sizeof(char *));
	ctx->undecided_seen = (char *)calloc(m->nres + 1, 1);
	ctx->exit_seen = (char *)calloc(u->nblocks + 1, 1);
	ctx->failing_release = (char *)calloc(u->ncalls + 1, 1);
	ctx->module_owned = (char *)calloc(m->nres + 1, 1);
	ctx->load_sym = (uint32_t *)malloc((u->nnames + 1) * sizeof(uint32_t));
	ctx->load_known = (char *)calloc(u->nnames + 1, 1);
	if (!key || !ctx->releases || !ctx->quiesces || !ctx->sum || !ctx->has_release ||
	    !ctx->res_sym || !ctx->result_sym || !ctx->cb_fn ||
	    !ctx->cb_holder || !ctx->undecided_seen || !ctx->exit_seen ||
	    !ctx->failing_release || !ctx->module_owned || !ctx->load_sym || !ctx->load_known)
		abort();
	find_module_owned(ctx);
	memset(ctx->releases, -1, (size_t)u->nfuncs * m->nres + 1);
	memset(ctx->quiesces, -1, (size_t)u->nfuncs * m->nres + 1);
	for (i = 0; i < m->rules->nrules; i++)
		if (m->rules->rules[i].kind == TD_RULE_RELEASE)
			ctx->has_release[m->rules->rules[i].family] = 1;
	for (i = 0; i < m->nres; i++)
		ctx->res_sym[i] = ep_hash_str(m->res[i].key);
	for (i = 0; i < u->ncalls; i++)
		ctx->result_sym[i] = ep_load_sym(m, &u->calls[i].result);
	/* card->private_free = foo_free: the callbacks probe leaves in objects */
	for (i = 0; i < u->nstores; i++) {
		const struct td_store *s = &u->stores[i];
		const struct td_path *p = &s->dest;
		const char *holder = p->nfields >= 2 ? p->ftype[p->nfields - 2] :
			p->base_name;
		int cb = s->func ? td_find_function(u, s->func) : -1;

		if (cb >= 0 && holder && m->in_probe[s->fn]) {
			ctx->cb_fn[ctx->ncbs] = cb;
			ctx->cb_holder[ctx->ncbs++] = holder;
		}
	}
	for (i = 0; i < u->nnames; i++)
		key[i] = u->names[i].kind == TD_NAME_PHI ? u->names[i].block : -1;
	chain(u->nblocks, u->nnames, key, &ctx->phi_first, &ctx->phi_next);
	for (i = 0; i < u->nstores; i++)
		key[i] = u->stores[i].block;
	chain(u->nblocks, u->nstores, key, &ctx->store_first, &ctx->store_next);
	for (i = 0; i < u->ncalls; i++)
		key[i] = u->calls[i].alternative_of - 1;
	chain(u->ncalls, u->ncalls, key, &ctx->alt_first, &ctx->alt_next);
	for (i = 0; i < u->ncalls; i++)
		key[i] = u->calls[i].fn;
	chain(u->nfuncs, u->ncalls, key, &ctx->fn_call_first,
	      &ctx->fn_call_next);
	free(key);
}

void td_check_error_path(struct td_model *m)
{
	const struct td_unit *u = m->unit;
	struct ep_ctx ctx;

	if (m->probe < 0 || !td_tag_enabled(m, "teardown-error-path") ||
	    u->funcs[m->probe].entry < 0)
		return;
	memset(&ctx, 0, sizeof(ctx));
	ctx.m = m;
	prepare(&ctx);
	walk_function(&ctx, m->probe, 1);
	flush_leaks(&ctx, m->probe);
	free(ctx.leaks);
	free(ctx.undecided_seen);
	free(ctx.exit_seen);
	free(ctx.failing_release);
	free(ctx.module_owned);
	free(ctx.releases);
	free(ctx.quiesces);
	free(ctx.res_sym);
	free(ctx.result_sym);
	free(ctx.cb_fn);
	free(ctx.cb_holder);
	free(ctx.phi_first);
	free(ctx.phi_next);
	free(ctx.store_first);
	free(ctx.store_next);
	free(ctx.has_release);
	free(ctx.alt_first);
	free(ctx.alt_next);
	free(ctx.fn_call_first);
	free(ctx.fn_call_next);
	free(ctx.load_sym);
	free(ctx.load_known);
	free(ctx.sum);
}
