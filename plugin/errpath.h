/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The path state of the error-path check (check_error_path.c): what one
 * path through a function holds and has learnt, and how the values its
 * branches and returns read are worked out (errpath.c).
 */
#ifndef TEARDOWN_ERRPATH_H
#define TEARDOWN_ERRPATH_H

#include <stdint.h>
#include "engine.h"

#define EP_ITEMS 32		/* resources held at once on one path */
#define EP_FORKS 4		/* uncorrelated branches remembered per item */
#define EP_FACTS 24
#define EP_BINDS 24
#define EP_VIOLS 4
#define EP_BUDGET 20000		/* blocks visited per function */
#define EP_LINES 8		/* failure exits listed per leak */
#define EP_ACTIONS 4		/* devm actions registered on one path */

enum ep_status { EP_UNKNOWN, EP_FAILED, EP_OK };

struct ep_item {
	int res;		/* index into m->res */
	int call;		/* the acquiring (or arming) call, or -1 */
	int origin;		/* the call of this function that brought it */
	int by;			/* armed by a callback of this resource, or -1 */
	int managed;		/* devres (or a devres action) releases it */
	int quiesced;		/* a source stopped (disable_irq()) for now */
	int helper_exit;	/* left held by a helper failing here, or -1 */
	int repeated;		/* acquired again in a loop: a failure of the
				 * last one leaves the earlier ones held */
	int nforks;		/* > EP_FORKS: too many to tell */
	int fork[EP_FORKS];	/* blocks not taken at uncorrelated branches */
};

/* What a branch taught the path about one value. */
struct ep_fact {
	uint32_t sym;
	enum ep_status status;	/* a failure test: failed or not */
	enum td_cmp cmp;	/* otherwise the comparison, for correlation */
	long cst;
	int truth;
};

enum ep_val_kind { EV_UNKNOWN, EV_CONST, EV_CALL, EV_LOAD, EV_FAILCODE };

struct ep_val {
	enum ep_val_kind kind;
	long cst;
	int call;
	int neg;		/* logically negated */
	uint32_t sym;		/* what facts about it are keyed by */
	const struct td_value *load;
};

struct ep_bind {
	int name;
	struct ep_val val;
};

/* A release made while a source that feeds the resource was still live. */
struct ep_viol {
	int call;		/* the releasing call */
	int res;		/* released */
	int source;		/* still live */
	int source_managed;
};

struct ep_state {
	int block, pred;
	int decision;		/* block of the last failure test taken */
	int last;		/* the last block with a line, for exits */
	int nitems, nfacts, nbinds, nviols;
	uint64_t inited;	/* timers, work...: initialised on the path */
	int assume_inited;	/* in a helper: by its caller, perhaps */
	int nactions;
	int action[EP_ACTIONS];	/* callbacks of devm actions registered */
	/*
	 * The arrays come last: ep_copy_state() copies the fields above
	 * whole and, of these, only the entries in use (nothing reads an
	 * entry past its count).
	 */
	struct ep_item item[EP_ITEMS];
	struct ep_fact fact[EP_FACTS];
	struct ep_bind bind[EP_BINDS];
	struct ep_viol viol[EP_VIOLS];
};

/* What a same-file helper leaves held when it returns. */
struct ep_summary {
	int state;		/* 0 not yet, 1 being walked, 2 done */
	uint64_t inited;	/* what it initialises when it succeeds */
	int can_fail;		/* some exit returns a failure */
	int nok, nfail;
	struct ep_item ok[EP_ITEMS];	/* on success */
	struct ep_item fail[EP_ITEMS];	/* on failure */
};

struct ep_ctx {
	struct td_model *m;
	const int *feed;	/* td_feed_matrix() */
	uint32_t *res_sym;	/* per resource: its key, as facts name it */
	uint32_t *result_sym;	/* per call: where its result is kept, or 0 */
	int *cb_fn;		/* callbacks probe stores in objects ... */
	const char **cb_holder;	/* ... and the struct they are stored in */
	int ncbs;
	signed char *releases;	/* [fn * nres + r]: fn reaches a release */
	signed char *quiesces;	/* [fn * nres + r]: fn reaches a quiesce */
	int *phi_first, *phi_next;	/* PHI names by block */
	int *store_first, *store_next;	/* stores by block */
	int *alt_first, *alt_next;	/* a call's alternatives */
	int *fn_call_first, *fn_call_next;	/* calls by function */
	uint32_t *load_sym;	/* per name: ep_load_sym() of its load, ... */
	char *load_known;	/* ... once asked */
	char *has_release;	/* per family: some rule releases it */
	struct ep_summary *sum;
	struct ep_leak *leaks;	/* found in the function being walked */
	int nleaks, leaks_cap;
	char *undecided_seen;	/* per resource: counted as undecided */
	char *module_owned;	/* per resource: a global module_exit releases */
	char *exit_seen;	/* per block: counted as a failure exit */
	char *failing_release;	/* per call: a release made on a failing path */
};

struct ep_walk {
	struct ep_ctx *ctx;
	int fn;
	int top;		/* probe itself: report at failure exits */
	struct ep_summary *sum;
	struct ep_state *stack;
	int nstack, cap;
	uint64_t *seen;		/* hashes of (block, state) walked */
	int seen_cap, nseen;
	int visits;
};

/* errpath.c: hashing, values and what branches teach */
uint32_t ep_hash_str(const char *s);

/* inline: the walk hashes every state it meets, field by field */
static inline uint64_t ep_hash_mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	return h;
}

uint32_t ep_call_sym(int call);
struct ep_val ep_resolve(const struct ep_ctx *ctx, const struct ep_state *st,
			 const struct td_opnd *o, int depth);
enum td_fail ep_convention(const struct ep_ctx *ctx, int call);
int ep_failure_side(enum td_fail how, enum td_cmp cmp, long c);
int ep_stored_result(const struct ep_ctx *ctx, int fn, uint32_t sym);
uint32_t ep_load_sym(const struct td_model *m, const struct td_value *v);
int ep_find_fact(const struct ep_state *st, uint32_t sym);
int ep_learn_status(struct ep_state *st, uint32_t sym, enum ep_status status);
int ep_learn_raw(struct ep_state *st, uint32_t sym, enum td_cmp cmp, long c,
		 int truth);
enum ep_status ep_status_of(const struct ep_state *st, uint32_t sym);
enum ep_status ep_outcome(const struct ep_ctx *ctx, const struct ep_state *st,
			  int fn, const struct td_opnd *ret, int *returned);
void ep_forget(const struct ep_ctx *ctx, struct ep_state *st, int call);
void ep_copy_state(struct ep_state *dst, const struct ep_state *src);

#endif /* TEARDOWN_ERRPATH_H */
