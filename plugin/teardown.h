/* SPDX-License-Identifier: GPL-2.0 */
/*
 * teardown-check engine: the facts a compiler front end extracts from one
 * translation unit, the resource model read from rules/, and the checks.
 *
 * The engine is plain C and knows nothing of GCC: a front end (the GCC
 * plugin, later a Clang one, or a unit test) fills a struct td_unit with
 * functions, calls, callback stores and driver objects, then calls
 * td_check_unit(), which hands each finding back through a callback.
 */
#ifndef TEARDOWN_H
#define TEARDOWN_H

#include <stdio.h>

#define TD_VERSION "0.2"

#ifdef __cplusplus
extern "C" {
#endif

struct td_loc {
	const char *file;
	int line;
	int col;
	unsigned long fe;	/* the front end's own handle (location_t) */
};

/* What the object an access path starts from is. */
enum td_base {
	TD_BASE_NONE,		/* not an object we can name */
	TD_BASE_STRUCT,		/* an object of struct type: keyed by the type */
	TD_BASE_GLOBAL,		/* a global variable of non-struct type */
	TD_BASE_LOCAL,		/* a local variable: dies with the function */
};

#define TD_MAX_FIELDS 8

/*
 * An object in memory, as "base type + field path": probe's priv->workq and
 * remove's ctx->workq are the same resource when priv and ctx point to the
 * same struct type.
 */
struct td_path {
	enum td_base base;
	const char *base_name;	/* "struct foo", or the global's name */
	const char *var;	/* the variable the text starts from, or NULL */
	int via_pointer;	/* var->field rather than var.field */
	int base_param;		/* index of the parameter var is, or -1 */
	int nfields;
	const char *field[TD_MAX_FIELDS];	/* "" for an array element */
	const char *ftype[TD_MAX_FIELDS];	/* struct tag of that member */
};

enum td_val_kind {
	TD_VAL_NONE,
	TD_VAL_ADDR,		/* &object */
	TD_VAL_LOAD,		/* the value stored in object */
	TD_VAL_PTR,		/* a pointer to a struct (ptr_type), origin unknown */
	TD_VAL_PARAM,		/* the incoming value of parameter 'param' */
	TD_VAL_FUNC,		/* the address of function 'func' */
	TD_VAL_CONST,		/* an integer constant */
	TD_VAL_CALL,		/* the result of call 'call' (same function) */
	TD_VAL_OTHER,
};

struct td_value {
	enum td_val_kind kind;
	struct td_path path;	/* ADDR, LOAD */
	const char *ptr_type;	/* if the value points to a struct: its tag */
	const char *func;	/* FUNC */
	long cst;		/* CONST */
	int param;		/* PARAM */
	int call;		/* CALL: index into unit->calls */
	const char *text;	/* the source-like text of the value */
	int has_origin;		/* ADDR inside *p where p was loaded from: */
	struct td_path origin;	/* &regs->status with regs = dev->regs */
};

/* What a function or call returns: how its failure can be told. */
enum td_result {
	TD_RES_VOID,
	TD_RES_INT,		/* 0 or a negative errno, by convention */
	TD_RES_PTR,		/* NULL or an ERR_PTR on failure */
	TD_RES_OTHER,		/* bool, struct, ...: no failure convention */
};

struct td_function {
	const char *name;
	struct td_loc loc;
	struct td_loc insert;	/* start of the line a call to append goes before */
	int is_api;		/* defined in a kernel header: not a helper */
	int is_static;		/* not visible outside its file (linking) */
	int linked;		/* of a file linked in, not the judged one */
	int in_ops;		/* its address is in a static initializer
				 * (.stop of a watchdog_ops): a callback the
				 * kernel may call whenever it likes */
	int returns_value;
	enum td_result result;
	int entry;		/* first block of its body, or -1 */
	int first_block, nblocks;
};

#define TD_MAX_ARGS 10

struct td_call {
	int fn;			/* caller, index into unit->funcs */
	const char *callee;	/* NULL for an indirect call */
	int callee_api;		/* callee declared in a kernel header */
	struct td_loc loc;
	struct td_loc insert;	/* start of its line (outside any macro) */
	int nargs;
	struct td_value arg[TD_MAX_ARGS];
	struct td_value result;	/* LOAD of where the result is stored */
	int result_returned;	/* the result is what the caller returns */
	int result_escapes;	/* the result is handed to another call */
	int conditional;	/* not on every path through the caller */
	enum td_result result_kind;	/* what the callee returns */
	int block;		/* the block it is in, or -1 */
	int alternative_of;	/* 1 + the call this one repeats with one
				 * alternative of a merged argument, or 0 */
	int has_copy;		/* the result is stored in a second place: */
	struct td_path copy;	/* desc->addr = h; info->mapaddr = h */
	struct td_value fptr;	/* an indirect call: the function pointer,
				 * a LOAD when read from a field (ops->stop) */
};

/*
 * Control flow, for the error-path check: each function's basic blocks in
 * SSA form, with just the values that decide its branches and what it
 * returns.  An operand is a constant or an SSA name; a name says how it
 * was made, up to where the engine stops caring.
 */
enum td_opnd_kind { TD_OP_NONE, TD_OP_CONST, TD_OP_NAME };

struct td_opnd {
	enum td_opnd_kind kind;
	long cst;
	int name;		/* index into unit->names */
};

enum td_name_kind {
	TD_NAME_OTHER,		/* made in a way not followed */
	TD_NAME_COPY,		/* a copy or conversion of src */
	TD_NAME_NOT,		/* the logical negation of src */
	TD_NAME_CALL,		/* the result of call 'call' */
	TD_NAME_LOAD,		/* loaded from memory: load (a TD_VAL_LOAD) */
	TD_NAME_PHI,		/* args [first_arg, +nargs), by predecessor */
};

struct td_name {
	enum td_name_kind kind;
	struct td_opnd src;
	int call;
	struct td_value load;
	int block;		/* PHI: the block it merges at */
	int first_arg, nargs;
};

struct td_phi_arg {
	int pred;		/* block the value comes from */
	struct td_opnd val;
};

enum td_cmp { TD_CMP_EQ, TD_CMP_NE, TD_CMP_LT, TD_CMP_LE, TD_CMP_GT,
	      TD_CMP_GE };

struct td_succ {
	int to;			/* block index */
	int when;		/* 1: the condition is true, 0: false, -1: any */
};

struct td_block {
	int fn;
	struct td_loc loc;	/* of its branch or return */
	int first_call, ncalls;	/* the calls made in it, in order */
	int first_succ, nsucc;
	int has_cond;		/* ends in "if (lhs cmp rhs)" */
	enum td_cmp cmp;
	struct td_opnd lhs, rhs;
	int returns;		/* ends the function, returning 'ret' */
	struct td_opnd ret;
};

/*
 * obj.field = function (INIT_WORK, hrtimer .function = ...), or
 * obj.field = parameter (a helper keeping what its caller acquired), or
 * obj.field = other.field (a handle copied: io_addr = hw->hw_addr).
 */
struct td_store {
	int fn;
	struct td_loc loc;
	struct td_path dest;
	const char *func;	/* the function stored, or NULL */
	int param;		/* else the parameter stored, or -1 */
	int has_src;		/* else the value loaded from src */
	struct td_path src;
	int block;		/* the block it is in, or -1 */
};

/*
 * A function address in a static initializer, by the struct type and
 * field it fills: { .stop = foo_stop } of a struct foo_ops.  An indirect
 * call through ops->stop may call it.
 */
struct td_op {
	const char *type;
	const char *field;
	const char *func;
};

/* A named pointer variable of a function, to phrase fixes in its terms. */
struct td_var {
	int fn;
	const char *name;
	const char *ptr_type;
};

struct td_driver {
	const char *object;	/* the variable holding .probe/.remove */
	int module;		/* module_init/module_exit, not a driver */
	struct td_loc loc;
	const char *probe;
	const char *remove;	/* NULL when the driver has none */
	int no_unbind;		/* a nounbind-field is set: sysfs cannot
				 * unbind it (.suppress_bind_attrs) */
};

struct td_unit {
	const char *main_file;
	struct td_function *funcs;
	int nfuncs, funcs_cap;
	struct td_call *calls;
	int ncalls, calls_cap;
	struct td_store *stores;
	int nstores, stores_cap;
	struct td_var *vars;
	int nvars, vars_cap;
	struct td_driver *drivers;
	int ndrivers, drivers_cap;
	struct td_block *blocks;
	int nblocks, blocks_cap;
	struct td_succ *succs;
	int nsuccs, succs_cap;
	struct td_name *names;
	int nnames, names_cap;
	struct td_phi_arg *phi_args;
	int nphi_args, phi_args_cap;
	struct td_op *ops;
	int nops, ops_cap;
	void *strings;		/* interned strings, freed with the unit */
	const char **deps;	/* the files the compiler read: the source and
				 * its headers (a rerun checks them for change) */
	int ndeps, deps_cap;
	int *func_index;	/* hash of funcs by name (td_find_function) */
	int func_index_cap, func_indexed;
};

/*
 * How strong the evidence behind a finding is (docs/warnings.md):
 * high, the resource is plainly held where the path ends; medium, a
 * source must fire in a window, or is fed only by requests another
 * subsystem makes; low, the window is narrow and often closed in ways
 * the facts do not show.  0 is "not set": counted as high.
 */
enum td_confidence {
	TD_CONFIDENCE_LOW = 1,
	TD_CONFIDENCE_MEDIUM,
	TD_CONFIDENCE_HIGH,
};
#define TD_CONFIDENCE_DEFAULT TD_CONFIDENCE_MEDIUM

/* ---- the resource model (rules.c) ---- */

enum td_rule_kind {
	TD_RULE_ACQUIRE,
	TD_RULE_RELEASE,
	TD_RULE_ASYNC,
	TD_RULE_STORE,
	TD_RULE_QUEUE,
	TD_RULE_ACTION,
	TD_RULE_PROBE_ARG,
	TD_RULE_NEUTRAL,
	TD_RULE_PROBE_FIELD,
	TD_RULE_REMOVE_FIELD,
	TD_RULE_NOUNBIND_FIELD,	/* set, the device cannot be unbound */
	TD_RULE_USE,
	TD_RULE_QUIESCE,
	TD_RULE_RESUME,		/* lets a quiesced source run again */
	TD_RULE_FREE,
	TD_RULE_FAILTEST,
	TD_RULE_ERRCODE,
	TD_RULE_MACRO,		/* an acquire as the source spells it */
	TD_RULE_NKINDS
};

/* How an acquiring call says it failed (fail= in the rules). */
enum td_fail {
	TD_FAIL_DEFAULT,	/* by its result type: nonzero int, NULL/ERR */
	TD_FAIL_NONZERO,
	TD_FAIL_NEGATIVE,
	TD_FAIL_ZERO,
	TD_FAIL_NULL,
	TD_FAIL_NEVER,
};

#define TD_RET (-2)		/* "ret": the handle is the return value */
#define TD_NONE (-1)

struct td_family {
	const char *name;
	const char *tag;
	const char *noun;
	const char *did;
	const char *undone;
	const char *fed;	/* what a callback does to it: "queue", "arm" */
	const char *type;	/* struct tags ("a,b") the resource lives in */
	const char *fix;
	const char *drains;	/* families ("a,b") whose queued items its
				 * release waits for (a workqueue: work) */
	int hold_armed;		/* hold=armed: only arming it must be undone */
	int error_only;		/* scope=error: no remove() obligation */
};

struct td_rule {
	enum td_rule_kind kind;
	int family;		/* index into rules->families, or -1 */
	const char *func;	/* function, or "struct.field" for a store */
	int handle;		/* arg index, TD_RET, or TD_NONE */
	int id;
	int callback;
	int thread;
	int work, wq;		/* queue */
	int data;		/* action: what it passes the callback */
	int param;		/* action: the callback parameter it lands in */
	int driver, probe;	/* probe-arg */
	int managed;
	int bytype;		/* keyed by the struct its result points to */
	const char *fix;
	enum td_fail fail;	/* acquire: what its result says on failure */
	const char *use;	/* async: the synchronous replacement */
	int final;		/* release: nothing can re-arm or re-queue it after */
	const char *devres_if;	/* acquire: managed while this family's
				 * managed resource on the same handle is
				 * held (pci_request_regions() after
				 * pcim_enable_device(), before 6.16) */
	const char *where;	/* "file:line" of the rule, for messages */
};

struct td_rules {
	struct td_family *families;
	int nfamilies;
	struct td_rule *rules;
	int nrules;
};

/* ---- the kernel being checked (kversion.c) ---- */

/* 7.3.4 is TD_KVER(7, 3, 4); 0 is "not known" */
#define TD_KVER(major, minor, sub) (((major) << 16) | ((minor) << 8) | (sub))
/* Rules for every kernel at once (the Coccinelle generator) */
#define TD_KVER_ANY (-1)
/* "7.3.4-1~bpo13+1" -> TD_KVER(7, 3, 4); -1 if it is not a version */
int td_parse_kernel_version(const char *s);
/* From objtree's include/config/kernel.release (NULL: "."); 0 if none */
int td_kernel_version_of_tree(const char *objtree);
/*
 * The kernel a compile command builds against (TD_KVER()), from the
 * objtree's include/config/kernel.release: in cwd (NULL: ours), where
 * kbuild runs the compiler, else beside an -I.../include of argv (an
 * external module's build, which since Linux 6.13 kbuild compiles in the
 * module's own directory); 0 if neither says.  The plugins use it too,
 * on their compiler's -I options, when loaded with KCFLAGS=-fplugin=.
 */
int td_kernel_version_of_argv(char *const *argv, int argc, const char *cwd);

/*
 * Returns NULL and writes one "file:line: message" line to err on error.
 * Lines with a kernel= condition apply only when kver meets it: none of
 * them when kver is 0 (unknown: stay silent rather than guess), all of
 * them with TD_KVER_ANY.
 */
struct td_rules *td_rules_load(const char *path, int kver, char *err,
			       size_t errlen);
void td_rules_free(struct td_rules *rules);
const struct td_rule *td_rules_find(const struct td_rules *rules,
				    enum td_rule_kind kind, const char *func);
int td_rules_known(const struct td_rules *rules, const char *func);
/* The family's release that keeps it from being re-armed, or NULL. */
const struct td_rule *td_rules_final_release(const struct td_rules *rules,
					     int family);
/* The managed acquire that replaces func (a macro's: the family's one),
 * in buf; 0 if there is none. */
int td_rules_managed_variant(const struct td_rules *rules, int family,
			     const char *func, int macro, char *buf,
			     size_t len);
/* Is tag[0..len) a tag some check reports? */
int td_rules_known_tag(const struct td_rules *rules, const char *tag,
		       size_t len);
/* One line on what tag reports, for SARIF's rule descriptions. */
void td_rules_tag_summary(const struct td_rules *rules, const char *tag,
			  char *buf, size_t len);
/* Names the first tag of the list no check reports, in err; or 0. */
int td_unknown_tag(const struct td_rules *rules, const char *list, char *err,
		   size_t errlen);
/* Is word one of the comma-separated list's (tags, type=)? */
int td_in_list(const char *list, const char *word);
/*
 * Is a finding of 'tag' at file:line silenced by a comment there or on
 * the line before ("teardown-check: ignore TAG reason")?  suppress.c.
 */
int td_suppressed(const char *file, int line, const char *tag);
/* "low", "medium", "high" to a level, or 0 with one line in err. */
enum td_confidence td_confidence_parse(const char *name, char *err,
				       size_t errlen);
/* A level's name; "high" for 0 (not set). */
const char *td_confidence_name(enum td_confidence level);

/* ---- facts (unit.c) ---- */

struct td_unit *td_unit_new(const char *main_file);
void td_unit_free(struct td_unit *unit);
const char *td_strdup(struct td_unit *unit, const char *s);
int td_add_function(struct td_unit *unit, const struct td_function *f);
int td_find_function(const struct td_unit *unit, const char *name);
int td_add_call(struct td_unit *unit, const struct td_call *c);
void td_add_store(struct td_unit *unit, const struct td_store *s);
/*
 * A front end's assignment "dest = v": is it a store the engine keeps (a
 * function, a parameter, or a field's value), and if so fill s's source
 * from v.  The front end fills the rest (fn, loc, dest, block).
 */
int td_store_source(struct td_store *s, const struct td_value *v);
/* Is v an alternative worth a call of its own (a load, address, result)? */
int td_alternative_value(const struct td_value *v);
void td_add_var(struct td_unit *unit, const struct td_var *v);
/* A file the compiler read for the unit (kept once). */
void td_add_dep(struct td_unit *unit, const char *file);
void td_add_driver(struct td_unit *unit, const struct td_driver *d);
/* Function name is an operation in a static initializer (in_ops). */
void td_mark_in_ops(struct td_unit *unit, const char *name);
/* ... the type and field it fills there (NULL type: not recorded). */
void td_add_op(struct td_unit *unit, const char *type, const char *field,
	       const char *func);
/*
 * The one function an indirect call through 'fptr' reaches, by the
 * initializers and stores of the unit that fill that field; -1 when none
 * or several do.
 */
int td_resolve_indirect(const struct td_unit *unit, const struct td_value *fptr);
/* The struct type and field an indirect call reads its function from. */
int td_indirect_field(const struct td_value *fptr, const char **type,
		      const char **field);
/* The functions (at most max in names) that fill it; returns how many. */
int td_indirect_candidates(const struct td_unit *unit,
			   const struct td_value *fptr, const char **names,
			   int max);
int td_add_block(struct td_unit *unit, const struct td_block *b);
void td_add_succ(struct td_unit *unit, const struct td_succ *s);
int td_add_name(struct td_unit *unit, const struct td_name *n);
int td_add_phi_arg(struct td_unit *unit, const struct td_phi_arg *a);
/* Dump the facts in a line format, for debugging and engine tests. */
void td_unit_dump(const struct td_unit *unit, FILE *out);

/* ---- facts as text (facts.c), for the facts database ---- */

/* Bumped whenever the facts change shape: older ones are rebuilt. */
#define TD_FACTS_FORMAT 2
/* The unit as one line of JSON (malloc'ed), or NULL if out of memory. */
char *td_facts_write(const struct td_unit *unit);
/* NULL, with one line in err, if text is not facts of this format. */
struct td_unit *td_facts_read(const char *text, char *err, size_t errlen);
/*
 * The facts with every file name passed through map (made relative to
 * the kernel tree's root where they were compiled, so that databases
 * made on other machines link), malloc'ed; NULL if text is not facts.
 */
char *td_facts_rebase(const char *text,
		      void (*map)(const char *file, char *out, size_t len,
				  void *ctx),
		      void *ctx);

/* ---- linking units (link.c) ---- */

/*
 * One unit made of units[0] and the units[1..n) it calls into, as if they
 * were one file: indices shifted, a function of a later unit renamed
 * "name@file" where its name is taken (a static of the same name), header
 * inlines met twice kept once.  Only units[0]'s drivers are kept: it is
 * the unit being judged.  The units must outlive the result.
 */
struct td_unit *td_unit_link(struct td_unit *const *units, int n);

/* ---- findings ---- */

#define TD_MAX_NOTES 4

struct td_note {
	struct td_loc loc;
	char *msg;
};


struct td_finding {
	const char *tag;	/* "teardown-work" */
	enum td_confidence confidence;
	struct td_loc loc;
	char *msg;
	int nnotes;
	struct td_note note[TD_MAX_NOTES];
	struct td_loc fix_loc;	/* fix_text is inserted before fix_loc */
	char *fix_text;		/* NULL when no single call fixes it */
	/* what names it across unrelated edits (baselines): no line numbers */
	const char *driver;	/* driver object; td_emit fills it in */
	const char *function;	/* the function it is about */
	const char *resource;	/* the resource's key */
	const char *other;	/* the second resource of a pair, or NULL */
};

/* Counters of what the checks saw but did not report. */
struct td_stats {
	int drivers;
	int modules;		/* module_init/module_exit pairs */
	int acquired;		/* non-managed acquisitions tracked */
	int managed;		/* acquisitions devres releases */
	int released;
	int reported;
	int unkeyed;		/* handle not kept in a field or global */
	int handed_off;		/* given to code the checker cannot see */
	int released_elsewhere;	/* released in a function reached indirectly */
	int module_acquired;	/* what module_init sets up ... */
	int module_released;	/* ... and module_exit undoes */
	int error_exits;	/* failure exits of probe checked */
	int error_undecided;	/* held there, but the path is not certain */
	int error_budget;	/* functions with too many paths to follow */
	int below_confidence;	/* findings under the confidence asked for */
};

struct td_options {
	int trace;		/* print the engine's reasoning to stderr */
	int explain;		/* print each driver's lifecycle to stderr */
	const char *disabled;	/* comma-separated tags not to report */
	const char *enabled;	/* if set, the only tags to report */
	enum td_confidence confidence;	/* the least reported; 0: default */
};

typedef void (*td_report_fn)(const struct td_finding *finding, void *ctx);

void td_check_unit(const struct td_unit *unit, const struct td_rules *rules,
		   const struct td_options *opts, struct td_stats *stats,
		   td_report_fn report, void *ctx);

#ifdef __cplusplus
}
#endif

#endif /* TEARDOWN_H */
