// SPDX-License-Identifier: GPL-2.0
/*
 * teardown-check GCC plugin: the GCC front end of the teardown checker.
 *
 * One simple IPA pass, placed right after every function of the unit has
 * been put into SSA form and before anything is inlined, reads the GIMPLE
 * of all functions and the initializers of all global variables and turns
 * them into facts for the engine (teardown.h): calls with their arguments
 * named by where they live (struct type + field path), stores of callback
 * addresses, and driver objects with their probe and remove.  The engine
 * then reports every resource probe() acquires that remove() or devres does
 * not release.  The plugin never changes the IL: the objects GCC emits are
 * the same with and without it.
 *
 * Options (-fplugin-arg-teardown_check-NAME[=VALUE]):
 *   rules=FILE     the resource model (default: next to the plugin)
 *   stop           exit once the unit is checked (CHECK mode: no codegen)
 *   disable=TAGS   comma-separated warning tags not to report
 *   werror         let -Werror turn these warnings into errors
 *   stats          print what was seen but not reported, one line per unit
 *   trace          print the engine's reasoning
 *   explain        print each driver's lifecycle: acquisitions, teardown
 *                  steps in order, devres releases, what is left live
 *   dump           print the extracted facts
 *   facts=FILE     write the unit's facts to FILE (JSON, for linking)
 *   selftest-fault fault on purpose once facts are made (tests recovery)
 *
 * Debugging: -fdump-tree-ssa shows the GIMPLE this pass reads; "dump" shows
 * what it made of it.
 */
#include "gcc-plugin.h"
#include "plugin-version.h"
#include "system.h"
#include "coretypes.h"
#include "tree.h"
#include "function.h"
#include "basic-block.h"
#include "hash-map.h"
#include "cgraph.h"
#include "diagnostic.h"
#include "gcc-rich-location.h"
#include "tree-pass.h"
#include "stringpool.h"
#include "gimple.h"
#include "gimple-expr.h"
#include "gimple-iterator.h"
#include "context.h"
#include "tree-ssa-alias.h"
#include "tree-ssa-operands.h"
#include "tree-ssa.h"
#include "tree-vrp.h"
#include "tree-ssanames.h"
#include "tree-ssa-operands.h"
#include "tree-phinodes.h"
#include "tree-cfg.h"
#include "gimple-ssa.h"
#include "ssa-iterators.h"
#include "dominance.h"
#include "attribs.h"
#include "opts.h"
#include "toplev.h"

#include <setjmp.h>
#include <signal.h>

#include "teardown.h"
#include "record.h"

int plugin_is_GPL_compatible;

static struct plugin_info teardown_plugin_info = {
	TD_VERSION,
	"teardown-check: reports driver resources that remove() does not release",
};

static struct td_rules *rules;
static struct td_options options;
static bool stop_after_check, keep_werror, print_stats, dump_facts;
static FILE *records;	/* findings go here, not to diagnostics */
static const char *facts_path;	/* the unit's facts go here, for linking */
static bool selftest_fault;	/* tests: fault on purpose, to test recovery */
static bool in_function;	/* between push_cfun() and pop_cfun() */
static struct td_unit *unit;
static hash_map<gimple *, int> *call_ids;
static hash_map<tree, int> *name_ids;	/* SSA name -> unit->names */
static int block_base;			/* unit index of block 0 of cfun */

/* ------------------------------------------------------------ locations */

static struct td_loc make_loc(location_t loc)
{
	struct td_loc l = { NULL, 0, 0, 0 };
	expanded_location x;

	loc = linemap_resolve_location(line_table, loc,
				       LRK_MACRO_EXPANSION_POINT, NULL);
	x = expand_location(loc);
	l.file = x.file ? td_strdup(unit, x.file) : NULL;
	l.line = x.line;
	l.col = x.column;
	l.fe = loc;
	return l;
}

/* The location of column 1 of loc's line, or UNKNOWN_LOCATION. */
static location_t line_start(location_t loc)
{
	const line_map_ordinary *map;
	expanded_location x, y;
	location_t start;

	if (loc == UNKNOWN_LOCATION)
		return UNKNOWN_LOCATION;
	loc = get_pure_location(loc);
	map = linemap_check_ordinary(linemap_lookup(line_table, loc));
	x = expand_location(loc);
	if (!map || x.column < 1)
		return UNKNOWN_LOCATION;
	start = loc - ((location_t)(x.column - 1) <<
		       map->m_range_bits);
	y = expand_location(start);
	if (y.line != x.line || y.column != 1 || y.file != x.file)
		return UNKNOWN_LOCATION;
	return start;
}

static bool declared_in_header(tree decl);

/* ---------------------------------------------------------------- names */

static const char *name_of(tree decl)
{
	if (!decl || !DECL_P(decl) || !DECL_NAME(decl))
		return NULL;
	return td_strdup(unit, IDENTIFIER_POINTER(DECL_NAME(decl)));
}

/* "foo" for struct foo (or for a typedef of an anonymous struct). */
static const char *type_tag(tree type)
{
	tree name;

	if (!type)
		return NULL;
	type = TYPE_MAIN_VARIANT(type);
	if (!RECORD_OR_UNION_TYPE_P(type))
		return NULL;
	name = TYPE_NAME(type);
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	if (!name || TREE_CODE(name) != IDENTIFIER_NODE)
		return NULL;
	return td_strdup(unit, IDENTIFIER_POINTER(name));
}

static const char *pointee_tag(tree type)
{
	if (!type || !POINTER_TYPE_P(type))
		return NULL;
	return type_tag(TREE_TYPE(type));
}

static int param_index(tree parm)
{
	tree p;
	int i = 0;

	for (p = DECL_ARGUMENTS(current_function_decl); p; p = DECL_CHAIN(p), i++)
		if (p == parm)
			return i;
	return -1;
}

static bool is_memory_ref(tree t);
static const char *ref_text(tree ref, int depth);

/* A user-visible name for an SSA value: its variable, or what it copies. */
static const char *ssa_text(tree t, int depth)
{
	const char *inner;
	char buf[512];
	gimple *def;
	tree rhs;

	if (TREE_CODE(t) != SSA_NAME)
		return DECL_P(t) ? name_of(t) : NULL;
	if (SSA_NAME_VAR(t) && DECL_NAME(SSA_NAME_VAR(t)))
		return name_of(SSA_NAME_VAR(t));
	def = SSA_NAME_DEF_STMT(t);
	if (depth >= 4 || !def || !is_gimple_assign(def))
		return NULL;
	rhs = gimple_assign_rhs1(def);
	if ((gimple_assign_single_p(def) ||
	     CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def))) &&
	    TREE_CODE(rhs) == SSA_NAME)
		return ssa_text(rhs, depth + 1);
	/* an unnamed pointer: say how it was made, as C */
	if (gimple_assign_rhs_code(def) == POINTER_PLUS_EXPR &&
	    (inner = ssa_text(rhs, depth + 1))) {
		snprintf(buf, sizeof(buf), "(%s + ...)", inner);
		return td_strdup(unit, buf);
	}
	if (gimple_assign_single_p(def) && TREE_CODE(rhs) == ADDR_EXPR &&
	    (inner = ref_text(TREE_OPERAND(rhs, 0), depth + 1))) {
		snprintf(buf, sizeof(buf), "(&%s)", inner);
		return td_strdup(unit, buf);
	}
	if (gimple_assign_single_p(def) && is_memory_ref(rhs))
		return ref_text(rhs, depth + 1);
	return NULL;
}

/* ----------------------------------------------------------------- paths */

/* C text of a memory reference: priv->chan[2].work */
static const char *ref_text(tree ref, int depth)
{
	const char *inner = NULL;
	char buf[512];

	switch (TREE_CODE(ref)) {
	case COMPONENT_REF:
		inner = ref_text(TREE_OPERAND(ref, 0), depth);
		if (!inner)
			return NULL;
		if (!DECL_NAME(TREE_OPERAND(ref, 1)))
			return inner;
		snprintf(buf, sizeof(buf), "%s%s%s", inner,
			 TREE_CODE(TREE_OPERAND(ref, 0)) == MEM_REF ? "->" : ".",
			 IDENTIFIER_POINTER(DECL_NAME(TREE_OPERAND(ref, 1))));
		break;
	case ARRAY_REF:
		inner = ref_text(TREE_OPERAND(ref, 0), depth);
		if (!inner)
			return NULL;
		snprintf(buf, sizeof(buf), "%s[...]", inner);
		break;
	case MEM_REF:
		/* what "->" follows; *p alone reads as p-> in context */
		return ssa_text(TREE_OPERAND(ref, 0), depth);
	case VAR_DECL:
	case PARM_DECL:
		return name_of(ref);
	default:
		return NULL;
	}
	return td_strdup(unit, buf);
}

static bool is_memory_ref(tree t)
{
	return handled_component_p(t) || TREE_CODE(t) == MEM_REF ||
	       (VAR_P(t) && is_global_var(t));
}

/* Fill 'p' with the base and field path of the object 'ref' denotes. */
static bool analyze_path(tree ref, struct td_path *p)
{
	tree chain[TD_MAX_FIELDS * 2], base = ref;
	int n = 0, i;

	memset(p, 0, sizeof(*p));
	p->base_param = -1;
	while (handled_component_p(base)) {
		if (TREE_CODE(base) != COMPONENT_REF &&
		    TREE_CODE(base) != ARRAY_REF)
			return false;
		if (n == (int)(sizeof(chain) / sizeof(chain[0])))
			return false;
		chain[n++] = base;
		base = TREE_OPERAND(base, 0);
	}
	if (TREE_CODE(base) == MEM_REF) {
		tree ptr = TREE_OPERAND(base, 0);

		if (TREE_CODE(ptr) == ADDR_EXPR && VAR_P(TREE_OPERAND(ptr, 0)) &&
		    integer_zerop(TREE_OPERAND(base, 1))) {
			base = TREE_OPERAND(ptr, 0);
		} else {
			p->base_name = type_tag(TREE_TYPE(base));
			p->base = p->base_name ? TD_BASE_STRUCT : TD_BASE_NONE;
			p->via_pointer = 1;
			p->var = ssa_text(ptr, 0);
			if (TREE_CODE(ptr) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF(ptr) &&
			    SSA_NAME_VAR(ptr) &&
			    TREE_CODE(SSA_NAME_VAR(ptr)) == PARM_DECL)
				p->base_param = param_index(SSA_NAME_VAR(ptr));
		}
	}
	if (VAR_P(base)) {
		if (!is_global_var(base)) {
			p->base = TD_BASE_LOCAL;
		} else if (type_tag(TREE_TYPE(base))) {
			p->base = TD_BASE_STRUCT;
			p->base_name = type_tag(TREE_TYPE(base));
		} else {
			p->base = TD_BASE_GLOBAL;
			p->base_name = name_of(base);
		}
		p->var = name_of(base);
	} else if (TREE_CODE(base) == PARM_DECL) {
		p->base = TD_BASE_LOCAL;
		p->var = name_of(base);
	} else if (TREE_CODE(base) != MEM_REF) {
		return false;
	}
	/* chain[] runs from the outermost reference inwards */
	for (i = n - 1; i >= 0; i--) {
		tree t = chain[i];
		char idx[32];

		if (p->nfields == TD_MAX_FIELDS)
			return false;
		if (TREE_CODE(t) == COMPONENT_REF) {
			tree field = TREE_OPERAND(t, 1);

			if (!DECL_NAME(field))
				continue;	/* anonymous struct or union */
			p->field[p->nfields] = name_of(field);
		} else {
			tree index = TREE_OPERAND(t, 1);

			if (TREE_CODE(index) == INTEGER_CST &&
			    tree_fits_shwi_p(index))
				snprintf(idx, sizeof(idx), "[%ld]",
					 (long)tree_to_shwi(index));
			else if (ssa_text(index, 0))
				snprintf(idx, sizeof(idx), "[%s]",
					 ssa_text(index, 0));
			else
				snprintf(idx, sizeof(idx), "[i]");
			p->field[p->nfields] = td_strdup(unit, idx);
		}
		p->ftype[p->nfields] = type_tag(TREE_TYPE(t));
		p->nfields++;
	}
	return true;
}

/* ---------------------------------------------------------------- values */

static void analyze_value(tree t, struct td_value *v, int depth);

/*
 * Is ptr = base + offset &base[i], one struct of an array?  A variable
 * offset, or a positive multiple of the struct's size, is; container_of()
 * is a negative constant and names the outer struct, not an element.
 */
static bool is_element(tree ptr, tree offset)
{
	tree size;

	if (!pointee_tag(TREE_TYPE(ptr)))
		return false;
	if (TREE_CODE(offset) != INTEGER_CST)
		return true;
	size = TYPE_SIZE_UNIT(TREE_TYPE(TREE_TYPE(ptr)));
	return size && TREE_CODE(size) == INTEGER_CST && !integer_zerop(size) &&
	       tree_int_cst_sgn(fold_convert(ssizetype, offset)) > 0 &&
	       integer_zerop(fold_build2(TRUNC_MOD_EXPR, sizetype, offset,
					 size));
}

/* &base[i]: the struct it points to, reached from wherever base was */
static void element_of(tree ptr, tree base_ptr, const struct td_value *base,
		       struct td_value *v)
{
	const char *inner = ssa_text(base_ptr, 1);
	char buf[512];

	v->kind = TD_VAL_ADDR;
	memset(&v->path, 0, sizeof(v->path));
	v->path.base_param = base->kind == TD_VAL_PARAM ? base->param : -1;
	v->path.base_name = pointee_tag(TREE_TYPE(ptr));
	v->path.base = TD_BASE_STRUCT;
	v->path.via_pointer = 1;
	if (inner) {
		snprintf(buf, sizeof(buf), "(%s + ...)", inner);
		v->path.var = td_strdup(unit, buf);
	}
	if (base->kind == TD_VAL_LOAD) {
		v->has_origin = 1;
		v->origin = base->path;
	}
}

static void analyze_def(tree t, struct td_value *v, int depth)
{
	gimple *def = SSA_NAME_DEF_STMT(t);
	int *id;

	if (SSA_NAME_IS_DEFAULT_DEF(t)) {
		tree var = SSA_NAME_VAR(t);

		if (var && TREE_CODE(var) == PARM_DECL) {
			v->kind = TD_VAL_PARAM;
			v->param = param_index(var);
		}
		return;
	}
	if (!def)
		return;
	if (is_gimple_assign(def)) {
		enum tree_code code = gimple_assign_rhs_code(def);
		tree rhs = gimple_assign_rhs1(def);

		if (gimple_assign_single_p(def) && is_memory_ref(rhs)) {
			if (analyze_path(rhs, &v->path))
				v->kind = TD_VAL_LOAD;
		} else if (code == POINTER_PLUS_EXPR) {
			struct td_value base;

			memset(&base, 0, sizeof(base));
			analyze_value(rhs, &base, depth + 1);
			if (is_element(t, gimple_assign_rhs2(def))) {
				element_of(t, rhs, &base, v);
			} else if (base.kind == TD_VAL_LOAD) {
				/* p->regs + OFFSET is still p->regs's MMIO */
				v->kind = TD_VAL_LOAD;
				v->path = base.path;
			}
		} else if (gimple_assign_single_p(def) ||
			   CONVERT_EXPR_CODE_P(code)) {
			const char *keep = v->ptr_type;

			analyze_value(rhs, v, depth + 1);
			/* container_of casts: the outer type is what counts */
			if (keep)
				v->ptr_type = keep;
		}
		return;
	}
	if (is_gimple_call(def) && call_ids && (id = call_ids->get(def))) {
		v->kind = TD_VAL_CALL;
		v->call = *id;
	}
}

/* &ptr->field where ptr was loaded from memory: remember where from. */
static void address_origin(tree ref, struct td_value *v)
{
	struct td_value base;

	while (handled_component_p(ref))
		ref = TREE_OPERAND(ref, 0);
	if (TREE_CODE(ref) != MEM_REF ||
	    TREE_CODE(TREE_OPERAND(ref, 0)) != SSA_NAME)
		return;
	memset(&base, 0, sizeof(base));
	analyze_value(TREE_OPERAND(ref, 0), &base, 1);
	if (base.kind == TD_VAL_LOAD) {
		v->has_origin = 1;
		v->origin = base.path;
	}
}

static void analyze_value(tree t, struct td_value *v, int depth)
{
	if (depth == 0)
		memset(v, 0, sizeof(*v));
	v->kind = TD_VAL_OTHER;
	if (!v->ptr_type)
		v->ptr_type = pointee_tag(TREE_TYPE(t));
	if (!v->text)
		v->text = ssa_text(t, 0);
	if (depth > 8)
		return;
	switch (TREE_CODE(t)) {
	case INTEGER_CST:
		v->kind = TD_VAL_CONST;
		if (tree_fits_shwi_p(t))
			v->cst = (long)tree_to_shwi(t);
		break;
	case ADDR_EXPR:
		if (TREE_CODE(TREE_OPERAND(t, 0)) == FUNCTION_DECL) {
			v->kind = TD_VAL_FUNC;
			v->func = name_of(TREE_OPERAND(t, 0));
		} else if (analyze_path(TREE_OPERAND(t, 0), &v->path)) {
			v->kind = TD_VAL_ADDR;
			address_origin(TREE_OPERAND(t, 0), v);
		}
		break;
	case SSA_NAME:
		analyze_def(t, v, depth);
		break;
	case PARM_DECL:
		v->kind = TD_VAL_PARAM;
		v->param = param_index(t);
		break;
	default:
		if (is_memory_ref(t) && analyze_path(t, &v->path))
			v->kind = TD_VAL_LOAD;
		break;
	}
}

/*
 * Where the value of SSA name 'name' ends up: stored in memory (*dest),
 * returned, or handed to another call.
 */
static void follow_result(tree name, struct td_call *c, int depth)
{
	imm_use_iterator iter;
	use_operand_p use;

	if (depth > 6)
		return;
	FOR_EACH_IMM_USE_FAST(use, iter, name) {
		gimple *stmt = USE_STMT(use);

		if (is_gimple_debug(stmt))
			continue;
		if (gimple_code(stmt) == GIMPLE_RETURN) {
			c->result_returned = 1;
		} else if (gimple_code(stmt) == GIMPLE_PHI) {
			follow_result(gimple_phi_result(stmt), c, depth + 1);
		} else if (is_gimple_call(stmt)) {
			c->result_escapes = 1;
		} else if (is_gimple_assign(stmt)) {
			tree lhs = gimple_assign_lhs(stmt);

			if (gimple_assign_rhs1(stmt) != name)
				continue;
			if (TREE_CODE(lhs) == SSA_NAME &&
			    (gimple_assign_single_p(stmt) ||
			     CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(stmt)))) {
				/* priv = devm_kzalloc(): what it is used as */
				if (!c->result.ptr_type)
					c->result.ptr_type =
						pointee_tag(TREE_TYPE(lhs));
				follow_result(lhs, c, depth + 1);
			}
			else if (c->result.kind == TD_VAL_NONE &&
				 is_memory_ref(lhs) &&
				 analyze_path(lhs, &c->result.path))
				c->result.kind = TD_VAL_LOAD;
			else if (c->result.kind == TD_VAL_LOAD &&
				 !c->has_copy && is_memory_ref(lhs) &&
				 analyze_path(lhs, &c->copy))
				c->has_copy = 1;
		}
	}
}

/* ------------------------------------------------------------- functions */

static bool skip_call(gimple *stmt)
{
	tree fn;

	if (gimple_call_internal_p(stmt))
		return true;
	fn = gimple_call_fndecl(stmt);
	return fn && fndecl_built_in_p(fn);
}

/*
 * free(cond ? p->rx_buf : p->tx_buf): an argument merged from several
 * loads (or calls' results) stands for each of them.  Record one more call per alternative of
 * the first such argument, so that each buffer is seen released.
 */
static void record_alternatives(gcall *stmt, const struct td_call *c,
				int index)
{
	int i;
	unsigned int j;

	for (i = 0; i < c->nargs; i++) {
		tree arg = gimple_call_arg(stmt, i), seen[4];
		unsigned int nseen = 0, k;
		gimple *def;

		if (TREE_CODE(arg) != SSA_NAME)
			continue;
		def = SSA_NAME_DEF_STMT(arg);
		if (!def || gimple_code(def) != GIMPLE_PHI)
			continue;
		/*
		 * An error label's PHI has an argument per goto, but few
		 * values: reg = PHI <0, 0, reg_5, reg_5, ...> after
		 * "void __iomem *reg = NULL; reg = ioremap(...)".
		 */
		for (j = 0; j < gimple_phi_num_args(def) && nseen <= 4; j++) {
			tree v = gimple_phi_arg_def(def, j);

			for (k = 0; k < nseen && !operand_equal_p(seen[k], v, 0);
			     k++)
				;
			if (k == nseen && nseen++ < 4)
				seen[k] = v;
		}
		if (nseen > 4)
			continue;
		for (k = 0; k < nseen; k++) {
			struct td_call alt = *c;

			alt.alternative_of = index + 1;
			analyze_value(seen[k], &alt.arg[i], 0);
			if (td_alternative_value(&alt.arg[i]))
				td_add_call(unit, &alt);
		}
		return;
	}
}

/* Does every path through the function reach bb?  (post-dominators) */
static bool always_reached(basic_block bb)
{
	basic_block entry = single_succ(ENTRY_BLOCK_PTR_FOR_FN(cfun));

	return dominated_by_p(CDI_POST_DOMINATORS, entry, bb);
}

/* How a value of this type tells failure: 0/-errno, NULL/ERR_PTR. */
static enum td_result result_of_type(tree type)
{
	if (!type || VOID_TYPE_P(type))
		return TD_RES_VOID;
	if (POINTER_TYPE_P(type))
		return TD_RES_PTR;
	if (TREE_CODE(type) == INTEGER_TYPE && !TYPE_UNSIGNED(type))
		return TD_RES_INT;
	return TD_RES_OTHER;
}

/*
 * An argument whose own type says nothing (platform_get_drvdata()'s void
 * pointer handed straight on) points to what the callee's prototype says:
 * foo_stop(platform_get_drvdata(pdev)) hands foo_stop() a struct foo.
 */
static void param_types(gcall *stmt, struct td_call *c)
{
	tree fntype = gimple_call_fntype(stmt);
	tree args = fntype ? TYPE_ARG_TYPES(fntype) : NULL_TREE;
	int i;

	for (i = 0; args && i < c->nargs; i++, args = TREE_CHAIN(args))
		if (!c->arg[i].ptr_type && TREE_VALUE(args) &&
		    POINTER_TYPE_P(TREE_VALUE(args)))
			c->arg[i].ptr_type = pointee_tag(TREE_VALUE(args));
}

/* Calls whose merged arguments get extra entries once the function is done. */
static vec<gcall *> pending_alternatives;

static void record_call(gcall *stmt, int fn)
{
	struct td_call c;
	tree lhs = gimple_call_lhs(stmt);
	unsigned int i;

	memset(&c, 0, sizeof(c));
	c.fn = fn;
	c.callee = name_of(gimple_call_fndecl(stmt));
	c.callee_api = gimple_call_fndecl(stmt) &&
		       declared_in_header(gimple_call_fndecl(stmt));
	c.loc = make_loc(gimple_location(stmt));
	c.insert = make_loc(line_start(linemap_resolve_location(line_table,
			gimple_location(stmt), LRK_MACRO_EXPANSION_POINT, NULL)));
	c.conditional = !always_reached(gimple_bb(stmt));
	c.block = block_base + gimple_bb(stmt)->index;
	c.result_kind = result_of_type(gimple_call_fntype(stmt) ?
				       TREE_TYPE(gimple_call_fntype(stmt)) :
				       NULL_TREE);
	c.nargs = gimple_call_num_args(stmt);
	if (c.nargs > TD_MAX_ARGS)
		c.nargs = TD_MAX_ARGS;
	for (i = 0; i < (unsigned int)c.nargs; i++)
		analyze_value(gimple_call_arg(stmt, i), &c.arg[i], 0);
	param_types(stmt, &c);
	/* ops->stop(dev): which field the function pointer came from */
	if (!c.callee)
		analyze_value(gimple_call_fn(stmt), &c.fptr, 0);
	if (lhs && TREE_CODE(lhs) == SSA_NAME) {
		c.result.ptr_type = pointee_tag(TREE_TYPE(lhs));
		c.result.text = ssa_text(lhs, 0);	/* the local it lands in */
		follow_result(lhs, &c, 0);
	}
	else if (lhs && is_memory_ref(lhs) && analyze_path(lhs, &c.result.path))
		c.result.kind = TD_VAL_LOAD;
	td_add_call(unit, &c);
	/* after the function's own calls: call_ids must stay right */
	pending_alternatives.safe_push(stmt);
}

/*
 * obj.field = &function: INIT_WORK(), hrtimer .function = ...; a helper
 * keeping a parameter; a field copied to another (io_addr = hw->hw_addr).
 */
static void record_store(gassign *stmt, int fn)
{
	tree lhs = gimple_assign_lhs(stmt);
	struct td_value v;
	struct td_store s;

	if ((TREE_CODE(lhs) != COMPONENT_REF && TREE_CODE(lhs) != VAR_DECL) ||
	    !gimple_assign_single_p(stmt))
		return;
	analyze_value(gimple_assign_rhs1(stmt), &v, 0);
	if (!td_store_source(&s, &v) || !analyze_path(lhs, &s.dest))
		return;
	s.fn = fn;
	s.loc = make_loc(gimple_location(stmt));
	s.block = block_base + gimple_bb(stmt)->index;
	td_add_store(unit, &s);
}

static void record_vars(int fn)
{
	tree var;
	unsigned int i;

	for (var = DECL_ARGUMENTS(current_function_decl); var;
	     var = DECL_CHAIN(var)) {
		struct td_var v = { fn, name_of(var), pointee_tag(TREE_TYPE(var)) };

		if (v.name && v.ptr_type)
			td_add_var(unit, &v);
	}
	FOR_EACH_LOCAL_DECL(cfun, i, var) {
		struct td_var v = { fn, name_of(var), pointee_tag(TREE_TYPE(var)) };

		/* skip locals that macros make (__k, __mptr) */
		if (v.name && v.ptr_type && strncmp(v.name, "__", 2) &&
		    !DECL_ARTIFICIAL(var))
			td_add_var(unit, &v);
	}
}

/* --------------------------------------------------------- control flow */

static int name_index(tree t, int depth);

static void make_opnd(tree t, struct td_opnd *o, int depth)
{
	memset(o, 0, sizeof(*o));
	if (!t)
		return;
	if (TREE_CODE(t) == INTEGER_CST && tree_fits_shwi_p(t)) {
		o->kind = TD_OP_CONST;
		o->cst = (long)tree_to_shwi(t);
	} else if (TREE_CODE(t) == SSA_NAME) {
		o->kind = TD_OP_NAME;
		o->name = name_index(t, depth);
	}
}

/* _2 = ~_1 on a bool, _2 = _1 ^ 1, _2 = _1 == 0: the negation of _1. */
static bool negates(gassign *def)
{
	enum tree_code code = gimple_assign_rhs_code(def);
	tree type = TREE_TYPE(gimple_assign_lhs(def));
	tree rhs2 = gimple_num_ops(def) > 2 ? gimple_assign_rhs2(def) : NULL;

	if (code == TRUTH_NOT_EXPR)
		return true;
	if (code == BIT_NOT_EXPR && TREE_CODE(type) == BOOLEAN_TYPE)
		return true;
	if (code == BIT_XOR_EXPR && rhs2 && integer_onep(rhs2) &&
	    TREE_CODE(type) == BOOLEAN_TYPE)
		return true;
	return code == EQ_EXPR && rhs2 && integer_zerop(rhs2);
}

/* How SSA name t was made, as far as branches and returns care. */
static void describe_name(tree t, struct td_name *n, int depth)
{
	gimple *def = SSA_NAME_DEF_STMT(t);
	unsigned int i;
	int *id;

	if (SSA_NAME_IS_DEFAULT_DEF(t) || !def || depth > 32)
		return;
	if (gimple_code(def) == GIMPLE_PHI) {
		n->kind = TD_NAME_PHI;
		n->block = block_base + gimple_bb(def)->index;
		n->nargs = gimple_phi_num_args(def);
		n->first_arg = unit->nphi_args;
		/* reserve the arguments: their values may add more */
		for (i = 0; i < gimple_phi_num_args(def); i++) {
			struct td_phi_arg a;

			memset(&a, 0, sizeof(a));
			a.pred = block_base + gimple_phi_arg_edge(
				as_a<gphi *>(def), i)->src->index;
			td_add_phi_arg(unit, &a);
		}
		for (i = 0; i < gimple_phi_num_args(def); i++) {
			struct td_opnd o;

			make_opnd(gimple_phi_arg_def(def, i), &o, depth + 1);
			unit->phi_args[n->first_arg + i].val = o;
		}
	} else if (is_gimple_call(def)) {
		if (call_ids && (id = call_ids->get(def))) {
			n->kind = TD_NAME_CALL;
			n->call = *id;
		} else if (gimple_call_builtin_p(def, BUILT_IN_EXPECT) &&
			   gimple_call_num_args(def) > 0) {
			n->kind = TD_NAME_COPY;
			make_opnd(gimple_call_arg(def, 0), &n->src, depth + 1);
		}
	} else if (is_gimple_assign(def)) {
		gassign *a = as_a<gassign *>(def);
		enum tree_code code = gimple_assign_rhs_code(a);
		tree rhs = gimple_assign_rhs1(a);
		tree rhs2 = gimple_num_ops(a) > 2 ? gimple_assign_rhs2(a) : NULL;

		if (gimple_assign_single_p(a) && is_memory_ref(rhs)) {
			analyze_value(rhs, &n->load, 0);
			if (n->load.kind == TD_VAL_LOAD)
				n->kind = TD_NAME_LOAD;
		} else if (gimple_assign_single_p(a) ||
			   CONVERT_EXPR_CODE_P(code) ||
			   (code == NE_EXPR && rhs2 && integer_zerop(rhs2))) {
			n->kind = TD_NAME_COPY;
			make_opnd(rhs, &n->src, depth + 1);
		} else if (negates(a)) {
			n->kind = TD_NAME_NOT;
			make_opnd(rhs, &n->src, depth + 1);
		}
	}
}

static int name_index(tree t, int depth)
{
	struct td_name n;
	int *id = name_ids->get(t);
	int idx;

	if (id)
		return *id;
	memset(&n, 0, sizeof(n));
	idx = td_add_name(unit, &n);
	name_ids->put(t, idx);	/* before describing: PHIs loop back */
	describe_name(t, &n, depth);
	unit->names[idx] = n;
	return idx;
}

static enum td_cmp cmp_of(enum tree_code code)
{
	switch (code) {
	case EQ_EXPR: return TD_CMP_EQ;
	case NE_EXPR: return TD_CMP_NE;
	case LT_EXPR: return TD_CMP_LT;
	case LE_EXPR: return TD_CMP_LE;
	case GT_EXPR: return TD_CMP_GT;
	default: return TD_CMP_GE;
	}
}

/* Each block's branch or return and its successors. */
static void record_flow(void)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, cfun) {
		struct td_block *b;
		gimple *last = last_stmt(bb);
		struct td_opnd lhs, rhs, ret;
		int has_cond = 0, returns = 0;
		enum td_cmp cmp = TD_CMP_EQ;
		location_t loc = UNKNOWN_LOCATION;
		edge e;
		edge_iterator ei;
		int pass;

		memset(&lhs, 0, sizeof(lhs));
		rhs = ret = lhs;
		if (last && gimple_code(last) == GIMPLE_COND) {
			enum tree_code code = gimple_cond_code(last);

			if (code == EQ_EXPR || code == NE_EXPR ||
			    code == LT_EXPR || code == LE_EXPR ||
			    code == GT_EXPR || code == GE_EXPR) {
				has_cond = 1;
				cmp = cmp_of(code);
				make_opnd(gimple_cond_lhs(last), &lhs, 0);
				make_opnd(gimple_cond_rhs(last), &rhs, 0);
			}
		} else if (last && gimple_code(last) == GIMPLE_RETURN) {
			returns = 1;
			make_opnd(gimple_return_retval(as_a<greturn *>(last)),
				  &ret, 0);
		}
		if (last)
			loc = gimple_location(last);
		/* unit->blocks is stable from here: names are made above */
		b = &unit->blocks[block_base + bb->index];
		b->has_cond = has_cond;
		b->cmp = cmp;
		b->lhs = lhs;
		b->rhs = rhs;
		b->returns = returns;
		b->ret = ret;
		b->loc = make_loc(loc);
		b->first_succ = unit->nsuccs;
		/* the true edge first, then the false one, then the rest */
		for (pass = 0; pass < 3; pass++)
			FOR_EACH_EDGE(e, ei, bb->succs) {
				struct td_succ s;
				int when = e->flags & EDGE_TRUE_VALUE ? 1 :
					   e->flags & EDGE_FALSE_VALUE ? 0 : -1;

				if (e->dest == EXIT_BLOCK_PTR_FOR_FN(cfun) ||
				    (pass == 0 && when != 1) ||
				    (pass == 1 && when != 0) ||
				    (pass == 2 && when >= 0))
					continue;
				s.to = block_base + e->dest->index;
				s.when = has_cond ? when : -1;
				td_add_succ(unit, &s);
				unit->blocks[block_base + bb->index].nsucc++;
			}
	}
}

/* Kernel API: declared under an include/ directory, not by the driver. */
static bool declared_in_header(tree decl)
{
	const char *file = DECL_SOURCE_FILE(decl);
	size_t n = file ? strlen(file) : 0;

	return n > 2 && !strcmp(file + n - 2, ".h") &&
	       (strstr(file, "include/") != NULL);
}

/* Where a call appended to fn's body goes: before its final return. */
static location_t append_point(void)
{
	location_t best = UNKNOWN_LOCATION;
	int best_line = 0;
	basic_block bb;

	if (VOID_TYPE_P(TREE_TYPE(TREE_TYPE(current_function_decl))))
		return line_start(cfun->function_end_locus);
	FOR_EACH_BB_FN(bb, cfun) {
		gimple *last = last_stmt(bb);
		expanded_location x;

		if (!last || gimple_code(last) != GIMPLE_RETURN)
			continue;
		x = expand_location(gimple_location(last));
		if (x.line > best_line) {
			best_line = x.line;
			best = gimple_location(last);
		}
	}
	return line_start(best);
}

static void add_function(cgraph_node *node)
{
	struct td_function f;

	memset(&f, 0, sizeof(f));
	f.name = name_of(node->decl);
	f.loc = make_loc(DECL_SOURCE_LOCATION(node->decl));
	f.is_api = declared_in_header(node->decl);
	f.is_static = !TREE_PUBLIC(node->decl);
	f.returns_value = !VOID_TYPE_P(TREE_TYPE(TREE_TYPE(node->decl)));
	f.result = result_of_type(TREE_TYPE(TREE_TYPE(node->decl)));
	f.entry = -1;
	push_cfun(DECL_STRUCT_FUNCTION(node->decl));
	in_function = true;
	f.insert = make_loc(append_point());
	in_function = false;
	pop_cfun();
	td_add_function(unit, &f);
}

static void scan_function(cgraph_node *node, int fn)
{
	basic_block bb;
	int next = unit->ncalls, i, nblocks;
	bool postdom;

	push_cfun(DECL_STRUCT_FUNCTION(node->decl));
	in_function = true;
	/* computed here only if no pass has them, and freed again */
	postdom = !dom_info_available_p(CDI_POST_DOMINATORS);
	if (postdom)
		calculate_dominance_info(CDI_POST_DOMINATORS);
	/* number the calls first: a value may name a call made later */
	call_ids = new hash_map<gimple *, int>;
	name_ids = new hash_map<tree, int>;
	FOR_EACH_BB_FN(bb, cfun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi))
			if (is_gimple_call(gsi_stmt(gsi)) &&
			    !skip_call(gsi_stmt(gsi)))
				call_ids->put(gsi_stmt(gsi), next++);
	}
	/* block i of the function is unit block block_base + i */
	block_base = unit->nblocks;
	nblocks = last_basic_block_for_fn(cfun);
	for (i = 0; i < nblocks; i++) {
		struct td_block b;

		memset(&b, 0, sizeof(b));
		b.fn = fn;
		td_add_block(unit, &b);
	}
	unit->funcs[fn].first_block = block_base;
	unit->funcs[fn].nblocks = nblocks;
	unit->funcs[fn].entry = block_base +
		single_succ(ENTRY_BLOCK_PTR_FOR_FN(cfun))->index;
	FOR_EACH_BB_FN(bb, cfun) {
		gimple_stmt_iterator gsi;
		int first = unit->ncalls;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);

			if (is_gimple_call(stmt) && !skip_call(stmt))
				record_call(as_a<gcall *>(stmt), fn);
			else if (is_gimple_assign(stmt))
				record_store(as_a<gassign *>(stmt), fn);
		}
		unit->blocks[block_base + bb->index].first_call = first;
		unit->blocks[block_base + bb->index].ncalls = unit->ncalls - first;
	}
	for (i = 0; i < (int)pending_alternatives.length(); i++) {
		gcall *call = pending_alternatives[i];
		int index = *call_ids->get(call);
		struct td_call c = unit->calls[index];

		record_alternatives(call, &c, index);
	}
	pending_alternatives.truncate(0);
	record_flow();
	record_vars(fn);
	delete call_ids;
	delete name_ids;
	call_ids = NULL;
	name_ids = NULL;
	if (postdom)
		free_dominance_info(CDI_POST_DOMINATORS);
	in_function = false;
	pop_cfun();
}

/* --------------------------------------------------------------- drivers */

static const char *function_in(tree value)
{
	STRIP_NOPS(value);
	if (value && TREE_CODE(value) == ADDR_EXPR &&
	    TREE_CODE(TREE_OPERAND(value, 0)) == FUNCTION_DECL)
		return name_of(TREE_OPERAND(value, 0));
	return NULL;
}

/*
 * One level of an initializer: .probe and .remove (or .remove_new, which
 * sits in an anonymous union in struct platform_driver, or .disconnect:
 * the rules' probe-field and remove-field) belong to the same driver;
 * named nested initializers (.driver = {...}) are levels of their own.
 */
static void scan_level(tree ctor, struct td_driver *d, const char *object,
		       int depth)
{
	const char *type = type_tag(TREE_TYPE(ctor));
	unsigned HOST_WIDE_INT i;
	tree field, value;

	if (depth > 6)
		return;
	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), i, field, value) {
		const char *name;

		if (!value)
			continue;
		if (TREE_CODE(value) == CONSTRUCTOR) {
			if (field && TREE_CODE(field) == FIELD_DECL &&
			    !DECL_NAME(field)) {
				scan_level(value, d, object, depth + 1);
			} else {
				struct td_driver inner;

				memset(&inner, 0, sizeof(inner));
				scan_level(value, &inner, object, depth + 1);
				if (inner.probe || inner.remove) {
					inner.object = object;
					inner.loc = d->loc;
					td_add_driver(unit, &inner);
				} else {
					/* .driver = { .suppress_bind_attrs } */
					d->no_unbind |= inner.no_unbind;
				}
			}
			continue;
		}
		if (!field || TREE_CODE(field) != FIELD_DECL || !DECL_NAME(field))
			continue;
		name = IDENTIFIER_POINTER(DECL_NAME(field));
		if (td_rules_find(rules, TD_RULE_PROBE_FIELD, name))
			d->probe = function_in(value);
		else if (td_rules_find(rules, TD_RULE_REMOVE_FIELD, name))
			d->remove = function_in(value);
		else if (td_rules_find(rules, TD_RULE_NOUNBIND_FIELD, name))
			d->no_unbind = TREE_CODE(value) == INTEGER_CST &&
				       !integer_zerop(value);
		else {
			td_mark_in_ops(unit, function_in(value));
			td_add_op(unit, type, td_strdup(unit, name),
				  function_in(value));
		}
	}
}

/* module_init(fn) makes init_module an alias of fn; likewise module_exit. */
static const char *alias_target(const char *alias)
{
	cgraph_node *node;

	FOR_EACH_FUNCTION(node) {
		tree attr;

		if (!DECL_NAME(node->decl) ||
		    strcmp(IDENTIFIER_POINTER(DECL_NAME(node->decl)), alias))
			continue;
		attr = lookup_attribute("alias", DECL_ATTRIBUTES(node->decl));
		if (attr && TREE_VALUE(attr) &&
		    TREE_CODE(TREE_VALUE(TREE_VALUE(attr))) == STRING_CST)
			return td_strdup(unit, TREE_STRING_POINTER(
					 TREE_VALUE(TREE_VALUE(attr))));
	}
	return NULL;
}

static void scan_module(void)
{
	struct td_driver d;

	memset(&d, 0, sizeof(d));
	d.module = 1;
	d.object = "module";
	d.probe = alias_target("init_module");
	d.remove = alias_target("cleanup_module");
	if (d.probe && td_find_function(unit, d.probe) >= 0) {
		d.loc = unit->funcs[td_find_function(unit, d.probe)].loc;
		td_add_driver(unit, &d);
	}
}

static void scan_drivers(void)
{
	varpool_node *node;

	FOR_EACH_VARIABLE(node) {
		tree decl = node->decl;
		tree init = DECL_INITIAL(decl);
		struct td_driver d;

		if (!init || TREE_CODE(init) != CONSTRUCTOR || !DECL_NAME(decl))
			continue;
		memset(&d, 0, sizeof(d));
		d.object = name_of(decl);
		d.loc = make_loc(DECL_SOURCE_LOCATION(decl));
		scan_level(init, &d, d.object, 0);
		if (d.probe || d.remove)
			td_add_driver(unit, &d);
	}
}

/* --------------------------------------------------------------- reports */

static void report(const struct td_finding *f, void *ctx)
{
	rich_location rich(line_table, (location_t)f->loc.fe);
	bool werror = global_dc->warning_as_error_requested;
	bool inhibit = global_dc->dc_inhibit_warnings;
	int i;

	(void)ctx;
	if (records) {
		td_record_finding(records, f);
		return;
	}
	if (f->fix_text && f->fix_loc.fe != UNKNOWN_LOCATION) {
		char *line = concat("\t", f->fix_text, "\n", NULL);

		rich.add_fixit_insert_before((location_t)f->fix_loc.fe, line);
		free(line);
	}
	/* Our findings must not fail a -Werror build, nor vanish under -w. */
	if (!keep_werror)
		global_dc->warning_as_error_requested = false;
	global_dc->dc_inhibit_warnings = false;
	if (warning_at(&rich, 0, "%s", f->msg))
		for (i = 0; i < f->nnotes; i++)
			inform((location_t)f->note[i].loc.fe, "%s", f->note[i].msg);
	global_dc->warning_as_error_requested = werror;
	global_dc->dc_inhibit_warnings = inhibit;
}

/* ------------------------------------------------------------------ pass */

/*
 * A bug of ours must not break the build: a fault while checking ends the
 * check of this unit with one line, and compilation goes on.
 */
static sigjmp_buf recover;

static void on_fault(int sig)
{
	siglongjmp(recover, sig);
}

/* The files GCC read for the unit, for the command to see them change. */
static void add_deps(void)
{
	unsigned int i, n = LINEMAPS_ORDINARY_USED(line_table);

	for (i = 0; i < n; i++) {
		const line_map_ordinary *map =
			LINEMAPS_ORDINARY_MAP_AT(line_table, i);
		const char *name = ORDINARY_MAP_FILE_NAME(map);

		/* maps come in runs of one file: skip the repeats cheaply */
		if (name && name[0] != '<' &&
		    (!unit->ndeps || strcmp(unit->deps[unit->ndeps - 1], name)))
			td_add_dep(unit, name);
	}
}

/* The facts of the unit, for the command to link with its other files. */
static void write_facts(void)
{
	char *text;
	FILE *out;
	bool failed;

	add_deps();
	text = td_facts_write(unit);
	out = text ? fopen(facts_path, "w") : NULL;
	failed = !out;

	if (out) {
		failed = fputs(text, out) < 0;
		failed |= fclose(out) != 0;
	}
	if (failed)
		error("teardown-check: cannot write the facts to %qs: %m",
		      facts_path);
	free(text);
}

static void check_unit(struct td_stats *stats)
{
	cgraph_node *node;
	int fn = 0;

	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node)
		add_function(node);
	scan_drivers();
	scan_module();
	/*
	 * No driver and no module_init: the engine has nothing to check
	 * (a library file, a header's worth of helpers).  Most of the cost
	 * of a build with the plugin on such a file is reading its bodies.
	 * Unless the facts are kept: such a file holds the helpers another
	 * file's driver calls.
	 */
	if (unit->ndrivers || dump_facts || facts_path)
		/* the same order: function fn is the fn-th added */
		FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node)
			scan_function(node, fn++);
	if (dump_facts)
		td_unit_dump(unit, stderr);
	if (selftest_fault)
		raise(SIGSEGV);
	if (facts_path)
		write_facts();
	td_check_unit(unit, rules, &options, stats, report, NULL);
}

static unsigned int teardown_execute(void)
{
	struct td_faults saved;
	struct td_stats stats;
	int sig;

	if (seen_error())
		return 0;
	unit = td_unit_new(main_input_filename);
	memset(&stats, 0, sizeof(stats));
	td_catch_faults(&saved, on_fault);
	sig = sigsetjmp(recover, 1);
	if (!sig) {
		check_unit(&stats);
	} else {
		if (in_function) {
			pop_cfun();
			in_function = false;
		}
		td_report_fault(main_input_filename, sig);
	}
	td_restore_faults(&saved);
	if (records && !sig)
		td_record_stats(records, main_input_filename, &stats);
	if (print_stats && !sig)
		td_print_stats(stderr, main_input_filename, &stats);
	td_unit_free(unit);
	unit = NULL;
	if (stop_after_check) {
		fflush(stdout);
		fflush(stderr);
		exit(seen_error() || sig ? 1 : 0);
	}
	return 0;
}

static const pass_data teardown_pass_data = {
	SIMPLE_IPA_PASS,	/* type */
	"teardown_check",	/* name */
	OPTGROUP_NONE,		/* optinfo_flags */
	TV_NONE,		/* tv_id */
	0,			/* properties_required */
	0,			/* properties_provided */
	0,			/* properties_destroyed */
	0,			/* todo_flags_start */
	0,			/* todo_flags_finish */
};

class teardown_pass : public simple_ipa_opt_pass {
public:
	teardown_pass(gcc::context *ctxt)
		: simple_ipa_opt_pass(teardown_pass_data, ctxt) {}
	unsigned int execute(function *) final override
	{
		return teardown_execute();
	}
};

/* Default rules: rules/teardown.rules beside the plugin's directory. */
static char *default_rules_path(const char *plugin_path)
{
	const char *slash = strrchr(plugin_path, '/');
	size_t dir = slash ? (size_t)(slash - plugin_path) : 0;
	char *path = XNEWVEC(char, dir + 64);
	FILE *f;

	sprintf(path, "%.*s%srules/teardown.rules", (int)dir, plugin_path,
		dir ? "/" : "");
	if ((f = fopen(path, "r"))) {
		fclose(f);
		return path;
	}
	sprintf(path, "%.*s%s../rules/teardown.rules", (int)dir, plugin_path,
		dir ? "/" : "");
	return path;
}

/*
 * KCFLAGS=-fplugin=...: gcc runs in the objtree, or, for an external
 * module since Linux 6.13, in the module's directory with the objtree's
 * include/ among its -I options.
 */
static int kernel_version_of_options(void)
{
	char **argv = XNEWVEC(char *, save_decoded_options_count + 1);
	unsigned int i;
	int n = 0, v;

	for (i = 0; i < save_decoded_options_count; i++) {
		const struct cl_decoded_option *o = &save_decoded_options[i];

		if (o->opt_index == OPT_I && o->arg)
			argv[n++] = concat("-I", o->arg, NULL);
	}
	v = td_kernel_version_of_argv(argv, n, NULL);
	while (n > 0)
		free(argv[--n]);
	XDELETEVEC(argv);
	return v;
}

int plugin_init(struct plugin_name_args *info,
		struct plugin_gcc_version *version)
{
	struct register_pass_info pass;
	const char *rules_path = NULL;
	char err[1024];
	int i, kver = 0;

	if (!plugin_default_version_check(version, &gcc_version)) {
		error("teardown-check: plugin built for GCC %s, not %s",
		      gcc_version.basever, version->basever);
		return 1;
	}
	for (i = 0; i < info->argc; i++) {
		const char *key = info->argv[i].key;
		const char *value = info->argv[i].value;

		if (!strcmp(key, "rules") && value)
			rules_path = value;
		else if (!strcmp(key, "kernel") && value) {
			kver = td_parse_kernel_version(value);
			if (kver <= 0) {
				error("teardown-check: %<-fplugin-arg-%s-kernel=%s%> is not a kernel version such as 7.3",
				      info->base_name, value);
				return 1;
			}
		} else if (!strcmp(key, "disable") && value)
			options.disabled = xstrdup(value);
		else if (!strcmp(key, "enable") && value)
			options.enabled = xstrdup(value);
		else if (!strcmp(key, "confidence") && value) {
			options.confidence = td_confidence_parse(value, err,
								 sizeof(err));
			if (!options.confidence) {
				error("teardown-check: %s", err);
				return 1;
			}
		}
		else if (!strcmp(key, "stop"))
			stop_after_check = true;
		else if (!strcmp(key, "werror"))
			keep_werror = true;
		else if (!strcmp(key, "stats"))
			print_stats = true;
		else if (!strcmp(key, "trace"))
			options.trace = 1;
		else if (!strcmp(key, "explain"))
			options.explain = 1;
		else if (!strcmp(key, "dump"))
			dump_facts = true;
		else if (!strcmp(key, "records") && value) {
			records = fopen(value, "a");
			if (!records) {
				error("teardown-check: cannot write records to %qs: %m",
				      value);
				return 1;
			}
		} else if (!strcmp(key, "facts") && value) {
			facts_path = value;
		} else if (!strcmp(key, "selftest-fault"))
			selftest_fault = true;
		else {
			error("teardown-check: unknown option %<-fplugin-arg-%s-%s%>",
			      info->base_name, key);
			return 1;
		}
	}
	/*
	 * CHECK mode runs gcc with -w: none of its own warnings is shown.
	 * The analyses behind a few of them cost more than our whole pass
	 * (-Wmisleading-indentation rereads the lines of every if and loop
	 * body, -Wsequence-point walks every expression): skip them.  They
	 * only ever warn; the trees and the GIMPLE we read are the same.
	 */
	if (stop_after_check && global_dc->dc_inhibit_warnings) {
		warn_misleading_indentation = 0;
		warn_sequence_point = 0;
		warn_uninitialized = 0;
		warn_maybe_uninitialized = 0;
		warn_format = 0;
	}
	if (!rules_path)
		rules_path = default_rules_path(info->full_name);
	if (!kver)
		kver = kernel_version_of_options();
	rules = td_rules_load(rules_path, kver, err, sizeof(err));
	if (!rules) {
		error("teardown-check: %s", err);
		return 1;
	}
	if (td_unknown_tag(rules, options.enabled, err, sizeof(err)) ||
	    td_unknown_tag(rules, options.disabled, err, sizeof(err))) {
		error("teardown-check: %s", err);
		return 1;
	}
	register_callback(info->base_name, PLUGIN_INFO, NULL,
			  &teardown_plugin_info);
	pass.pass = new teardown_pass(g);
	pass.reference_pass_name = "build_ssa_passes";
	pass.ref_pass_instance_number = 1;
	pass.pos_op = PASS_POS_INSERT_AFTER;
	register_callback(info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL,
			  &pass);
	return 0;
}
