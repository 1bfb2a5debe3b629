// SPDX-License-Identifier: GPL-2.0
/*
 * Values along one path, for the error-path check: what an SSA name holds
 * given the edges taken (PHIs) and the copies, negations and calls that
 * made it; how a call says it failed; and the facts branches teach (this
 * call failed, this field is nonzero), which later branches on the same
 * value must agree with.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "errpath.h"

uint32_t ep_hash_str(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The hash of "call#N", spelled out without snprintf: asked per branch. */
uint32_t ep_call_sym(int call)
{
	char buf[32], *p = buf + sizeof(buf);
	unsigned int u = call < 0 ? 0u - (unsigned int)call : (unsigned int)call;

	*--p = 0;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (call < 0)
		*--p = '-';
	p -= 5;
	memcpy(p, "call#", 5);
	return ep_hash_str(p);
}

/*
 * A state is some 3.6 KB, mostly arrays of which a path uses a few
 * entries, and the walk copies one at every step: copy what is in use.
 */
void ep_copy_state(struct ep_state *dst, const struct ep_state *src)
{
	memcpy(dst, src, offsetof(struct ep_state, item));
	memcpy(dst->item, src->item, src->nitems * sizeof(src->item[0]));
	memcpy(dst->fact, src->fact, src->nfacts * sizeof(src->fact[0]));
	memcpy(dst->bind, src->bind, src->nbinds * sizeof(src->bind[0]));
	memcpy(dst->viol, src->viol, src->nviols * sizeof(src->viol[0]));
}


struct ep_val ep_resolve(const struct ep_ctx *ctx, const struct ep_state *st,
			     const struct td_opnd *o, int depth)
{
	const struct td_model *m = ctx->m;
	struct ep_val v;
	const struct td_name *n;
	int i;

	memset(&v, 0, sizeof(v));
	if (o->kind == TD_OP_CONST) {
		v.kind = EV_CONST;
		v.cst = o->cst;
		return v;
	}
	if (o->kind != TD_OP_NAME || depth > 16)
		return v;
	for (i = 0; i < st->nbinds; i++)
		if (st->bind[i].name == o->name)
			return st->bind[i].val;
	n = &m->unit->names[o->name];
	v.sym = 0x80000000u | (uint32_t)o->name;
	switch (n->kind) {
	case TD_NAME_COPY:
		return ep_resolve(ctx, st, &n->src, depth + 1);
	case TD_NAME_NOT:
		v = ep_resolve(ctx, st, &n->src, depth + 1);
		if (v.kind == EV_CONST)
			v.cst = !v.cst;
		else
			v.neg = !v.neg;
		return v;
	case TD_NAME_CALL:
		v.kind = td_call_rule(m, n->call, TD_RULE_ERRCODE) ?
			 EV_FAILCODE : EV_CALL;
		v.call = n->call;
		v.sym = ep_call_sym(n->call);
		return v;
	case TD_NAME_LOAD:
		/* the same loads are resolved on every path: key each once */
		if (!ctx->load_known[o->name]) {
			ctx->load_sym[o->name] = ep_load_sym(m, &n->load);
			ctx->load_known[o->name] = 1;
		}
		v.sym = ctx->load_sym[o->name];
		if (v.sym) {
			v.kind = EV_LOAD;
			v.load = &n->load;
		} else {
			v.sym = 0x80000000u | (uint32_t)o->name;
		}
		return v;
	default:
		return v;
	}
}

/* How a call's result says it failed. */
enum td_fail ep_convention(const struct ep_ctx *ctx, int call)
{
	const struct td_model *m = ctx->m;
	const struct td_rule *acq = td_call_rule(m, call, TD_RULE_ACQUIRE);
	int callee = td_callee(m, call);
	enum td_result kind = m->unit->calls[call].result_kind;

	if (acq && acq->fail != TD_FAIL_DEFAULT)
		return acq->fail;
	if (callee >= 0)
		kind = m->unit->funcs[callee].result;
	/* an int helper that never returns a failure is a predicate */
	if (callee >= 0 && !m->unit->funcs[callee].is_api && !acq &&
	    kind == TD_RES_INT && ctx->sum[callee].state == 2 &&
	    !ctx->sum[callee].can_fail)
		return TD_FAIL_NEVER;
	if (kind == TD_RES_INT)
		return TD_FAIL_NONZERO;
	if (kind == TD_RES_PTR)
		return TD_FAIL_NULL;
	/*
	 * A helper's bool or unsigned "got it" fails with zero; one that
	 * acquires nothing is a mere predicate (pdev_is_gen1()).
	 */
	return callee >= 0 && !m->unit->funcs[callee].is_api &&
	       kind == TD_RES_OTHER && ctx->sum[callee].state == 2 &&
	       (ctx->sum[callee].nok || ctx->sum[callee].nfail) ?
	       TD_FAIL_ZERO : TD_FAIL_NEVER;
}

/*
 * Is "value cmp c" being true a failure (1), a success (0), or neither
 * (-1), for a result following convention 'how'?
 */
int ep_failure_side(enum td_fail how, enum td_cmp cmp, long c)
{
	/* a count: "< 1" and "<= 0" fail too (pci_alloc_irq_vectors()) */
	if (how == TD_FAIL_NEGATIVE &&
	    ((cmp == TD_CMP_LT && c == 1) || (cmp == TD_CMP_LE && c == 0)))
		return 1;
	if (how == TD_FAIL_NEGATIVE &&
	    ((cmp == TD_CMP_GE && c == 1) || (cmp == TD_CMP_GT && c == 0)))
		return 0;
	switch (how) {
	case TD_FAIL_NONZERO:
	case TD_FAIL_NEGATIVE:
		if ((cmp == TD_CMP_LT && c == 0) || (cmp == TD_CMP_LE && c == -1))
			return 1;
		if ((cmp == TD_CMP_GE && c == 0) || (cmp == TD_CMP_GT && c == -1))
			return 0;
		if (how == TD_FAIL_NEGATIVE || c != 0)
			return -1;
		return cmp == TD_CMP_NE ? 1 : cmp == TD_CMP_EQ ? 0 : -1;
	case TD_FAIL_ZERO:
	case TD_FAIL_NULL:
		if (c != 0)
			return -1;
		if (cmp == TD_CMP_EQ || (how == TD_FAIL_ZERO && cmp == TD_CMP_LE))
			return 1;
		if (cmp == TD_CMP_NE || (how == TD_FAIL_ZERO && cmp == TD_CMP_GT))
			return 0;
		return -1;
	default:
		return -1;
	}
}

/* The call in fn whose result is kept where 'load' reads, or -1. */
int ep_stored_result(const struct ep_ctx *ctx, int fn, uint32_t sym)
{
	int i;

	for (i = ctx->fn_call_first[fn]; i >= 0; i = ctx->fn_call_next[i])
		if (ctx->result_sym[i] == sym)
			return i;
	return -1;
}

/* Facts about a load are keyed by where it reads; 0 if nowhere named. */
uint32_t ep_load_sym(const struct td_model *m, const struct td_value *v)
{
	char key[TD_KEY_LEN];

	if (v->kind != TD_VAL_LOAD ||
	    td_path_key(m, &v->path, v->path.nfields, key, NULL) < 0)
		return 0;
	return ep_hash_str(key);
}

int ep_find_fact(const struct ep_state *st, uint32_t sym)
{
	int i;

	for (i = 0; i < st->nfacts; i++)
		if (st->fact[i].sym == sym)
			return i;
	return -1;
}

/* Record a failure test's outcome; 0 if the path contradicts it. */
int ep_learn_status(struct ep_state *st, uint32_t sym,
			enum ep_status status)
{
	int i = ep_find_fact(st, sym);

	if (i >= 0 && st->fact[i].status != EP_UNKNOWN)
		return st->fact[i].status == status;
	if (i < 0) {
		if (st->nfacts == EP_FACTS)
			return 1;
		i = st->nfacts++;
	}
	memset(&st->fact[i], 0, sizeof(st->fact[i]));
	st->fact[i].sym = sym;
	st->fact[i].status = status;
	return 1;
}

/* Record "sym cmp c" is truth; 0 if the same test went the other way. */
int ep_learn_raw(struct ep_state *st, uint32_t sym, enum td_cmp cmp,
		     long c, int truth)
{
	int i;

	for (i = 0; i < st->nfacts; i++)
		if (st->fact[i].sym == sym && st->fact[i].status == EP_UNKNOWN &&
		    st->fact[i].cmp == cmp && st->fact[i].cst == c)
			return st->fact[i].truth == truth;
	if (st->nfacts == EP_FACTS)
		return 1;
	i = st->nfacts++;
	memset(&st->fact[i], 0, sizeof(st->fact[i]));
	st->fact[i].sym = sym;
	st->fact[i].status = EP_UNKNOWN;
	st->fact[i].cmp = cmp;
	st->fact[i].cst = c;
	st->fact[i].truth = truth;
	return 1;
}

enum ep_status ep_status_of(const struct ep_state *st, uint32_t sym)
{
	int i = ep_find_fact(st, sym);

	return i >= 0 ? st->fact[i].status : EP_UNKNOWN;
}

/* Does what fn returns on this path say it failed? */
enum ep_status ep_outcome(const struct ep_ctx *ctx,
			      const struct ep_state *st, int fn,
			      const struct td_opnd *ret, int *returned)
{
	const struct td_model *m = ctx->m;
	enum td_result kind = m->unit->funcs[fn].result;
	struct ep_val v;
	int i;

	*returned = -1;
	if (kind == TD_RES_VOID)
		return EP_OK;
	v = ep_resolve(ctx, st, ret, 0);
	if (kind == TD_RES_OTHER)	/* bool and unsigned: 0 is failure */
		return v.kind != EV_CONST ? EP_UNKNOWN :
		       v.cst ? EP_OK : EP_FAILED;
	switch (v.kind) {
	case EV_CONST:
		if (kind == TD_RES_PTR)
			return v.cst == 0 || (v.cst < 0 && v.cst >= -4095) ?
			       EP_FAILED : EP_OK;
		return v.cst < 0 ? EP_FAILED : EP_OK;
	case EV_FAILCODE:
		return EP_FAILED;
	case EV_CALL:
		*returned = v.call;
		if (kind == TD_RES_PTR &&
		    td_call_rule(m, v.call, TD_RULE_ACQUIRE) &&
		    ep_status_of(st, v.sym) != EP_FAILED)
			return EP_OK;	/* hands the resource to its caller */
		return ep_status_of(st, v.sym);
	case EV_LOAD:
		/* p->irq after "if (p->irq < 0)" */
		for (i = 0; i < st->nfacts; i++)
			if (st->fact[i].sym == v.sym) {
				const struct ep_fact *f = &st->fact[i];

				if (f->status != EP_UNKNOWN)
					return f->status;
				if (ep_failure_side(TD_FAIL_NEGATIVE, f->cmp,
						 f->cst) == f->truth)
					return EP_FAILED;
			}
		return EP_UNKNOWN;
	default:
		return EP_UNKNOWN;
	}
}

/* A call made again (in a loop) has a new result: forget the old tests. */
void ep_forget(const struct ep_ctx *ctx, struct ep_state *st, int call)
{
	uint32_t sym = ep_call_sym(call), key = ctx->result_sym[call];
	int i;

	for (i = st->nfacts - 1; i >= 0; i--)
		if (st->fact[i].sym == sym || (key && st->fact[i].sym == key))
			st->fact[i] = st->fact[--st->nfacts];
}
