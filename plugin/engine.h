/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interface of the engine: the model of one driver that every
 * check reads (model.c), and the checks themselves (check_*.c).
 */
#ifndef TEARDOWN_ENGINE_H
#define TEARDOWN_ENGINE_H

#include "teardown.h"

#define TD_KEY_LEN 256

/* A resource probe acquires: one per (family, key) of a driver. */
struct td_resource {
	int family;
	char key[TD_KEY_LEN];
	char text[TD_KEY_LEN];	/* "ctx->workq", as probe wrote it */
	char idkey[TD_KEY_LEN];	/* where an IRQ's number is kept, or "" */
	char idalias[TD_KEY_LEN]; /* the field probe copies that number to */
	char alias[TD_KEY_LEN];	/* another field probe copies it to, or "" */
	char cookie[TD_KEY_LEN]; /* an IRQ cookie kept in a field: "*T", the
				  * struct it points to, however reached */
	const struct td_path *path;	/* NULL for a result kept in a local */
	const struct td_rule *rule;	/* NULL when made by a store */
	int call;		/* acquiring call, or -1 */
	int fn;			/* function that acquires it */
	struct td_loc loc;
	const char *callback;
	const char *thread;	/* an IRQ's threaded handler */
	int managed;
	int self_freeing;	/* work whose callback frees its holder */
};

/* One step of teardown, in the order it runs. */
struct td_step {
	int call;		/* the call made, or -1 for a devres release */
	int res;		/* devres: the managed resource released here */
	int fn;			/* the function the call is in */
	int devres;		/* runs after remove() returns */
	int conditional;	/* not on every path */
};

/* What one driver is made of, computed once and shared by the checks. */
struct td_model {
	const struct td_unit *unit;
	const struct td_rules *rules;
	const struct td_options *opts;
	struct td_stats *stats;
	td_report_fn report;
	void *report_ctx;

	/* per call, computed once per unit: its rule of each kind, and the
	 * index of the function it calls (-1 if not defined here) */
	const struct td_rule **call_rule;
	int *callee_fn;

	const struct td_driver *drv;
	int probe, remove;	/* function indices, remove may be -1 */
	int unloadable;		/* the unit has a module_exit */
	char *in_probe;		/* per function: reached from probe */
	char *in_teardown;	/* reached from remove or a devres action */
	struct td_resource *res;
	int nres, res_cap;
	int *call_res;		/* per call: the resource it acquires, or -1 */
	int *store_res;		/* per store: the resource it initialises */
	int *feed;		/* td_feed_matrix(), once computed */
	struct td_step *steps;	/* the teardown timeline (timeline.c) */
	int nsteps, steps_cap;
	char **emitted;		/* findings reported so far in the unit */
	int nemitted, emitted_cap;
};

/* model.c */
void td_model_build(struct td_model *m, const struct td_driver *drv);
void td_model_release(struct td_model *m);
void td_reach(const struct td_model *m, int fn, char *set);
const struct td_rule *td_call_rule(const struct td_model *m, int call,
				   enum td_rule_kind kind);
int td_callee(const struct td_model *m, int call);
void td_reach_module(const struct td_model *m, int with_init, char *set);
int td_path_key(const struct td_model *m, const struct td_path *p, int n,
		char *key, int *family);
int td_value_key(const struct td_model *m, const struct td_value *v, int fn,
		 char *key, int *family);
int td_value_has_key(const struct td_model *m, const struct td_value *v,
		     int fn, const char *key, int depth);
void td_value_text(const struct td_model *m, const struct td_value *v,
		   char *buf, size_t len, int *rebasable);
int td_rebase_text(const struct td_model *m, const struct td_path *path,
		   int fn, char *buf, size_t len);
int td_call_applies(const struct td_model *m, int call, enum td_rule_kind kind,
		    const struct td_resource *res);
const char *td_fn_name(const struct td_model *m, int fn);
void td_trace(const struct td_model *m, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int td_fix_text(const struct td_model *m, const struct td_resource *res,
		int at_fn, char *buf, size_t len);
/* A call's result with no name ("of_iomap()"): not a handle to name. */
int td_text_is_call(const char *text);
int td_callbacks_of(const struct td_model *m, const struct td_resource *r,
		    char *set);
int td_feeds(const struct td_model *m, int call, const struct td_resource *q);
typedef int (*td_wq_test)(const struct td_model *m,
			  const struct td_resource *wq, const void *arg);
int td_family_drains(const struct td_model *m, int queue, int item);
int td_drained(const struct td_model *m, const struct td_resource *work,
	       td_wq_test destroyed, const void *arg);
int td_action_releases(const struct td_model *m, int call,
		       const struct td_resource *res);
int td_frees_struct(const struct td_model *m, int fn, int call,
		    const char *type);
const int *td_feed_matrix(struct td_model *m);
int td_tag_enabled(const struct td_model *m, const char *tag);
void td_emit(struct td_model *m, struct td_finding *f);
/* A resource's name in fingerprints: its key, or its text if unkeyed. */
const char *td_res_ident(const struct td_resource *res);
/* The struct type a resource is a member of (p->work: p's), or NULL. */
const char *td_res_holder(const struct td_resource *res);

/* timeline.c */
void td_timeline_build(struct td_model *m);
int td_stop_step(const struct td_model *m, int res);
/* The first such step at or after "from", or -1. */
int td_next_stop_step(const struct td_model *m, int res, int from);
int td_calls_in_order(const struct td_model *m, int fn, int *out, int max);
void td_explain(const struct td_model *m, FILE *out);

/* the checks */
void td_check_release(struct td_model *m);
void td_check_order(struct td_model *m);
void td_check_error_path(struct td_model *m);

#endif /* TEARDOWN_ENGINE_H */
