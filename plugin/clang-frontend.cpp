// SPDX-License-Identifier: GPL-2.0
/*
 * teardown-check Clang plugin: the Clang front end of the teardown checker,
 * for kernels built with LLVM=1.
 *
 * It hands the engine (teardown.h) the same facts the GCC front end does,
 * made from Clang's AST and CFG instead of GIMPLE: every function's calls
 * with their arguments named by where they live (struct type + field
 * path), stores of callbacks, parameters and handles, the driver objects
 * with their probe and remove, and each function's blocks with what
 * decides their branches and returns.
 *
 * GIMPLE at the point the GCC plugin reads it is in SSA form, and facts
 * such as "this argument is the result of that call" or "this return
 * value merges these three" come from SSA names.  Here the same is built
 * over Clang's CFG: each local scalar whose address is never taken gets
 * its reaching definitions by the usual on-demand construction (a read
 * looks back through its block, then its predecessors, placing a phi
 * where several definitions meet and dropping it when they agree), and a
 * value is the expression a definition assigns.  GCC drops conversions
 * that change nothing (pointer to pointer, same-width integers) and keeps
 * the others as copies; so does this front end.  Differences that remain
 * are listed in docs/clang.md.
 *
 * Options (-fplugin-arg-teardown_check-NAME[=VALUE]) are the GCC plugin's:
 *   rules=FILE disable=TAGS enable=TAGS werror stats trace explain dump
 *   records=FILE facts=FILE selftest-fault, and stop (accepted: clang runs with
 *   -fsyntax-only in CHECK mode and never generates code anyway).
 */
#include <algorithm>
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/Dominators.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/ADT/DenseMap.h"

#include <dlfcn.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "teardown.h"
#include "record.h"

using namespace clang;

static struct td_rules *rules;
static struct td_options options;
static bool keep_werror, print_stats, dump_facts, selftest_fault;
static FILE *records;		/* findings go here, not to diagnostics */
static std::string facts_path;	/* the unit's facts go here, for linking */
static struct td_unit *unit;
static ASTContext *ctx;
static SourceManager *sm;
static DiagnosticsEngine *diags;

/* ------------------------------------------------------------ locations */

static struct td_loc make_loc(SourceLocation loc)
{
	struct td_loc l = { NULL, 0, 0, 0 };
	PresumedLoc p;

	if (loc.isInvalid())
		return l;
	loc = sm->getExpansionLoc(loc);
	p = sm->getPresumedLoc(loc);
	if (p.isInvalid())
		return l;
	l.file = td_strdup(unit, p.getFilename());
	l.line = p.getLine();
	l.col = p.getColumn();
	l.fe = loc.getRawEncoding();
	return l;
}

/* The location of column 1 of loc's line, or an invalid one. */
static SourceLocation line_start(SourceLocation loc)
{
	std::pair<FileID, unsigned> at;
	bool bad = false;
	unsigned col;

	if (loc.isInvalid() || loc.isMacroID())
		return SourceLocation();
	at = sm->getDecomposedLoc(loc);
	col = sm->getColumnNumber(at.first, at.second, &bad);
	if (bad || col < 1 || at.second < col - 1)
		return SourceLocation();
	return loc.getLocWithOffset(-(int)(col - 1));
}

/* Kernel API: declared under an include/ directory, not by the driver. */
static bool declared_in_header(const Decl *decl)
{
	PresumedLoc p = sm->getPresumedLoc(sm->getExpansionLoc(
						decl->getLocation()));
	const char *file = p.isValid() ? p.getFilename() : NULL;
	size_t n = file ? strlen(file) : 0;

	return n > 2 && !strcmp(file + n - 2, ".h") &&
	       strstr(file, "include/") != NULL;
}

/* ---------------------------------------------------------------- names */

static const char *name_of(const NamedDecl *decl)
{
	if (!decl || !decl->getIdentifier())
		return NULL;
	return td_strdup(unit, decl->getName().str().c_str());
}

/* "foo" for struct foo (or for a typedef of an anonymous struct). */
static const char *type_tag(QualType type)
{
	const RecordDecl *rd;

	if (type.isNull())
		return NULL;
	rd = type->getAsRecordDecl();
	if (!rd)
		return NULL;
	if (rd->getIdentifier())
		return name_of(rd);
	if (rd->getTypedefNameForAnonDecl())
		return name_of(rd->getTypedefNameForAnonDecl());
	return NULL;
}

static const char *pointee_tag(QualType type)
{
	if (type.isNull() || !type->isPointerType())
		return NULL;
	return type_tag(type->getPointeeType());
}

/* How a value of this type tells failure: 0/-errno, NULL/ERR_PTR. */
static enum td_result result_of_type(QualType type)
{
	if (type.isNull() || type->isVoidType())
		return TD_RES_VOID;
	if (type->isPointerType())
		return TD_RES_PTR;
	if (type->isSignedIntegerType() && !type->isEnumeralType() &&
	    !type->isBooleanType())
		return TD_RES_INT;
	return TD_RES_OTHER;
}

/*
 * A conversion GCC drops when it lowers to GIMPLE, so that the value keeps
 * its name: one pointer type to another, or integers of the same width
 * and signedness.
 */
static bool useless_cast(const CastExpr *cast)
{
	QualType to = cast->getType(), from = cast->getSubExpr()->getType();

	switch (cast->getCastKind()) {
	case CK_LValueToRValue:
	case CK_NoOp:
	case CK_BitCast:
	case CK_FunctionToPointerDecay:
		return true;
	case CK_IntegralCast:
		return ctx->getTypeSize(to) == ctx->getTypeSize(from) &&
		       to->isSignedIntegerOrEnumerationType() ==
		       from->isSignedIntegerOrEnumerationType();
	default:
		return false;
	}
}

/* ({ ...; x; }) has the value of x, as GIMPLE's temporary has */
static const Expr *stmt_expr_value(const Expr *e)
{
	const StmtExpr *se = dyn_cast<StmtExpr>(e);
	const CompoundStmt *body = se ? se->getSubStmt() : NULL;

	if (!body || body->body_empty())
		return NULL;
	return dyn_cast<Expr>(body->body_back());
}

static const Expr *strip(const Expr *e)
{
	for (;;) {
		const CastExpr *cast;

		e = e->IgnoreParens();
		if (stmt_expr_value(e)) {
			e = stmt_expr_value(e);
			continue;
		}
		cast = dyn_cast<CastExpr>(e);
		if (!cast || !useless_cast(cast) ||
		    cast->getCastKind() == CK_FunctionToPointerDecay)
			return e;
		e = cast->getSubExpr();
	}
}

/* ----------------------------------------------------- one function's SSA */

/*
 * A value a local scalar can hold: an expression evaluated where it is
 * assigned, a phi of its definitions at a join, the incoming value of a
 * parameter, or something not followed.
 */
enum val_kind { VAL_EXPR, VAL_PHI, VAL_PARAM, VAL_UNDEF, VAL_OPAQUE };

struct val {
	enum val_kind kind;
	const Expr *expr;	/* EXPR */
	int block;		/* EXPR, PHI: clang block id */
	int param;		/* PARAM */
	int forward;		/* a phi found trivial: the value it is */
	std::vector<int> args;	/* PHI: by predecessor */
	std::vector<int> preds;
};

struct def {
	int pos;		/* element index in the block */
	const VarDecl *var;
	int value;
};

struct fn_state {
	const FunctionDecl *decl;
	CFG *cfg;
	std::vector<const CFGBlock *> by_id;	/* clang block id -> block */
	std::vector<bool> reachable;		/* from the entry, by id */
	std::vector<int> taken;			/* folded_branch(), by id */
	ParentMap *parents;
	int fn;			/* unit->funcs index */
	int block_base;
	std::vector<val> vals;
	std::vector<std::vector<def>> defs;	/* by clang block id */
	std::map<std::pair<const VarDecl *, int>, int> at_start;
	llvm::DenseMap<const Stmt *, std::pair<int, int>> where;
	llvm::DenseMap<const VarDecl *, bool> tracked;
	llvm::DenseMap<const CallExpr *, int> call_ids;
	llvm::DenseMap<const Expr *, int> expr_vals;	/* EXPR values */
	std::map<int, int> name_ids;			/* value -> name */
	llvm::DenseMap<const Expr *, int> expr_names;	/* not a value */
	/* reads of tracked variables, with the value each reads */
	std::vector<std::pair<const DeclRefExpr *, int>> reads;
};

static struct fn_state *fs;

static int new_val(enum val_kind kind)
{
	val v;

	v.kind = kind;
	v.expr = NULL;
	v.block = -1;
	v.param = -1;
	v.forward = -1;
	fs->vals.push_back(v);
	return (int)fs->vals.size() - 1;
}

/* A value, past the phis that turned out trivial. */
static int resolve(int id)
{
	while (id >= 0 && fs->vals[id].forward >= 0)
		id = fs->vals[id].forward;
	return id;
}

static int param_index(const ParmVarDecl *parm)
{
	unsigned int i;

	for (i = 0; i < fs->decl->getNumParams(); i++)
		if (fs->decl->getParamDecl(i) == parm)
			return (int)i;
	return -1;
}

static int read_at_start(const VarDecl *var, const CFGBlock *b);

/* What var holds when block b ends. */
static int read_at_end(const VarDecl *var, const CFGBlock *b)
{
	const std::vector<def> &d = fs->defs[b->getBlockID()];
	int i;

	for (i = (int)d.size() - 1; i >= 0; i--)
		if (d[i].var == var)
			return d[i].value;
	return read_at_start(var, b);
}

/* The one value phi's arguments have besides itself, or -1. */
static int trivial_phi(int phi)
{
	const std::vector<int> &args = fs->vals[phi].args;
	int same = -1;
	unsigned int i;

	for (i = 0; i < args.size(); i++) {
		if (args[i] == phi || args[i] == same)
			continue;
		if (same >= 0)
			return -1;
		same = args[i];
	}
	return same;
}

/*
 * phi is value 'same': the reads and phis that saw phi while a loop was
 * being resolved see 'same', and a phi left trivial by that goes too.
 */
static void replace_phi(int phi, int same)
{
	std::map<std::pair<const VarDecl *, int>, int>::iterator it;
	std::vector<int> users;
	unsigned int i, j;

	fs->vals[phi].forward = same;	/* for what kept its number */
	for (it = fs->at_start.begin(); it != fs->at_start.end(); ++it)
		if (it->second == phi)
			it->second = same;
	for (i = 0; i < fs->vals.size(); i++) {
		bool used = false;

		if (fs->vals[i].kind != VAL_PHI)
			continue;
		for (j = 0; j < fs->vals[i].args.size(); j++)
			if (fs->vals[i].args[j] == phi) {
				fs->vals[i].args[j] = same;
				used = true;
			}
		if (used)
			users.push_back(i);
	}
	for (i = 0; i < users.size(); i++) {
		int s;

		if (fs->vals[users[i]].kind == VAL_PHI &&
		    (s = trivial_phi(users[i])) >= 0 && s != users[i])
			replace_phi(users[i], s);
	}
}

static int read_at_start(const VarDecl *var, const CFGBlock *b)
{
	std::pair<const VarDecl *, int> key(var, b->getBlockID());
	std::map<std::pair<const VarDecl *, int>, int>::iterator it;
	std::vector<const CFGBlock *> preds;
	int phi, same = -1;
	bool trivial = true;
	unsigned int i;

	it = fs->at_start.find(key);
	if (it != fs->at_start.end())
		return it->second;
	/* GCC has no unreachable blocks: their definitions do not merge */
	for (CFGBlock::const_pred_iterator p = b->pred_begin();
	     p != b->pred_end(); ++p)
		if (p->getReachableBlock() &&
		    fs->reachable[p->getReachableBlock()->getBlockID()])
			preds.push_back(p->getReachableBlock());
	if (preds.empty()) {
		int v;

		if (isa<ParmVarDecl>(var)) {
			v = new_val(VAL_PARAM);
			fs->vals[v].param = param_index(cast<ParmVarDecl>(var));
		} else {
			v = new_val(VAL_UNDEF);
		}
		fs->at_start[key] = v;
		return v;
	}
	if (preds.size() == 1) {
		/* no placeholder: a loop reachable from the entry has a block
		 * with two predecessors, whose phi placeholder ends the walk */
		int v = read_at_end(var, preds[0]);

		fs->at_start[key] = v;
		return v;
	}
	phi = new_val(VAL_PHI);
	fs->vals[phi].block = b->getBlockID();
	fs->at_start[key] = phi;	/* before the arguments: loops come back */
	for (i = 0; i < preds.size(); i++) {
		int arg = read_at_end(var, preds[i]);

		fs->vals[phi].args.push_back(arg);
		fs->vals[phi].preds.push_back(preds[i]->getBlockID());
		if (arg == phi)
			continue;
		if (same >= 0 && arg != same)
			trivial = false;
		same = arg;
	}
	/* all the same definition: no phi, as GCC's SSA would have none */
	if (trivial && same >= 0) {
		replace_phi(phi, same);
		return same;
	}
	return phi;
}

/*
 * Phis that only merge each other and one value V are V.  The on-demand
 * construction leaves such cycles where loops and goto ladders meet
 * (phi(V, p2), p2 = phi(V, p1)); GCC's SSA has none.
 */
static int collapse(int id)
{
	std::vector<int> seen, work;
	int leaf = -1;
	unsigned int i;

	if (id < 0 || fs->vals[id].kind != VAL_PHI)
		return id;
	work.push_back(id);
	while (!work.empty()) {
		int p = work.back();

		work.pop_back();
		if (std::find(seen.begin(), seen.end(), p) != seen.end())
			continue;
		seen.push_back(p);
		if (seen.size() > 64)
			return id;
		for (i = 0; i < fs->vals[p].args.size(); i++) {
			int a = resolve(fs->vals[p].args[i]);

			if (fs->vals[a].kind == VAL_PHI)
				work.push_back(a);
			else if (leaf >= 0 && leaf != a)
				return id;
			else
				leaf = a;
		}
	}
	if (leaf < 0)
		return id;
	for (i = 0; i < seen.size(); i++)
		fs->vals[seen[i]].forward = leaf;
	return leaf;
}

/* What tracked variable var holds just before element pos of block b. */
static int read_var(const VarDecl *var, int block, int pos)
{
	const std::vector<def> &d = fs->defs[block];
	int i;

	for (i = (int)d.size() - 1; i >= 0; i--)
		if (d[i].pos < pos && d[i].var == var)
			return d[i].value;
	return read_at_start(var, fs->by_id[block] ? fs->by_id[block] :
			     &fs->cfg->getEntry());
}

/* Where e is evaluated: its own element, or that of what contains it. */
static bool position_of(const Stmt *s, int *block, int *pos)
{
	int depth;

	for (depth = 0; s && depth < 64; depth++) {
		llvm::DenseMap<const Stmt *, std::pair<int, int>>::iterator it =
			fs->where.find(s);

		if (it != fs->where.end()) {
			*block = it->second.first;
			*pos = it->second.second;
			return true;
		}
		s = fs->parents->getParent(s);
	}
	return false;
}

static const VarDecl *tracked_var(const Expr *e)
{
	const DeclRefExpr *ref = dyn_cast<DeclRefExpr>(e->IgnoreParens());
	const VarDecl *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : NULL;

	return var && fs->tracked.count(var) ? var : NULL;
}

/* The value a read of a tracked variable sees, or -1. */
static int value_read(const Expr *e)
{
	const VarDecl *var = tracked_var(e);
	int block, pos;

	if (!var || !position_of(e, &block, &pos))
		return -1;
	return collapse(resolve(read_var(var, block, pos)));
}

/* ----------------------------------------------------------------- paths */

static void analyze_value(const Expr *e, struct td_value *v, int depth);
static void analyze_val(int id, struct td_value *v, int depth);
static const char *ref_text(const Expr *ref, int depth);
static const Expr *addressed(const Expr *e);
static const CastExpr *decayed(const Expr *e);
static bool constant_of(const Expr *e, long *out);

/*
 * Is ref a part of a declared object, var.a.b[2], not reached through a
 * pointer?  GIMPLE writes its address as is, with no name to show.
 */
static bool declared_base(const Expr *ref)
{
	for (;;) {
		ref = ref->IgnoreParens();
		if (const MemberExpr *m = dyn_cast<MemberExpr>(ref)) {
			if (m->isArrow() && !addressed(m->getBase()))
				return false;
			ref = m->isArrow() ? addressed(m->getBase()) :
			      m->getBase();
		} else if (const ArraySubscriptExpr *a =
			   dyn_cast<ArraySubscriptExpr>(ref)) {
			long cst;

			if (!a->getBase()->IgnoreParenImpCasts()->getType()->
			    isArrayType() || !constant_of(a->getIdx(), &cst))
				return false;
			ref = a->getBase()->IgnoreParenImpCasts();
		} else {
			return isa<DeclRefExpr>(ref);
		}
	}
}

/* A user-visible name for a value: its variable, or what it copies. */
static const char *value_text(const Expr *e, int depth)
{
	char buf[512];
	const char *inner;
	const Expr *s;

	if (depth >= 4)
		return NULL;
	e = e->IgnoreParens();
	if (stmt_expr_value(e))
		return value_text(stmt_expr_value(e), depth + 1);
	if (const DeclRefExpr *ref = dyn_cast<DeclRefExpr>(e))
		return isa<VarDecl>(ref->getDecl()) ? name_of(ref->getDecl()) :
		       NULL;
	if (const CastExpr *cast = dyn_cast<CastExpr>(e)) {
		s = cast->getSubExpr()->IgnoreParens();
		/* &array of a declared object is an invariant: no name */
		if (cast->getCastKind() == CK_ArrayToPointerDecay)
			return !isa<DeclRefExpr>(s) &&
			       (inner = ref_text(s, depth + 1)) ?
			       td_strdup(unit, ("(&" + std::string(inner) +
						")").c_str()) : NULL;
		/* a conversion is a copy: the same name, no step further */
		return value_text(cast->getSubExpr(), depth);
	}
	if (const BinaryOperator *op = dyn_cast<BinaryOperator>(e)) {
		long cst;

		/* p + 0 is folded to p */
		if ((op->getOpcode() == BO_Add || op->getOpcode() == BO_Sub) &&
		    op->getType()->isPointerType() &&
		    constant_of(op->getRHS(), &cst) && cst == 0)
			return value_text(op->getLHS(), depth);
		/* (p + a) + b is reassociated to p + (a + b) */
		while ((op->getOpcode() == BO_Add || op->getOpcode() == BO_Sub) &&
		       op->getType()->isPointerType() &&
		       isa<BinaryOperator>(strip(op->getLHS())) &&
		       (cast<BinaryOperator>(strip(op->getLHS()))->getOpcode() ==
			BO_Add ||
			cast<BinaryOperator>(strip(op->getLHS()))->getOpcode() ==
			BO_Sub) &&
		       strip(op->getLHS())->getType()->isPointerType())
			op = cast<BinaryOperator>(strip(op->getLHS()));
		if ((op->getOpcode() == BO_Add || op->getOpcode() == BO_Sub) &&
		    op->getType()->isPointerType() &&
		    (inner = value_text(op->getLHS(), depth + 1))) {
			snprintf(buf, sizeof(buf), "(%s + ...)", inner);
			return td_strdup(unit, buf);
		}
		return NULL;
	}
	if (const UnaryOperator *op = dyn_cast<UnaryOperator>(e)) {
		if (op->getOpcode() == UO_AddrOf) {
			s = op->getSubExpr()->IgnoreParens();
			if (declared_base(s))
				return NULL;	/* &var.f: an invariant */
			if ((inner = ref_text(s, depth + 1))) {
				snprintf(buf, sizeof(buf), "(&%s)", inner);
				return td_strdup(unit, buf);
			}
			return NULL;
		}
		if (op->getOpcode() == UO_Deref)
			return ref_text(op, depth + 1);
		return NULL;
	}
	if (isa<MemberExpr>(e) || isa<ArraySubscriptExpr>(e))
		return ref_text(e, depth + 1);
	return NULL;
}

/* p[0] is *p to GIMPLE; p[i] is *(p + ...) */
static const char *pointer_index_text(const ArraySubscriptExpr *a, int depth)
{
	const char *inner = value_text(a->getBase(), depth);
	long cst;

	if (!inner || (constant_of(a->getIdx(), &cst) && cst == 0))
		return inner;
	return td_strdup(unit, ("(" + std::string(inner) + " + ...)").c_str());
}

/* C text of a memory reference: priv->chan[2].work */
static const char *ref_text(const Expr *ref, int depth)
{
	const char *inner;
	char buf[512];

	ref = ref->IgnoreParens();
	if (const MemberExpr *m = dyn_cast<MemberExpr>(ref)) {
		bool arrow = m->isArrow() && !addressed(m->getBase());

		if (arrow && decayed(m->getBase())) {
			inner = ref_text(decayed(m->getBase())->getSubExpr(),
					 depth);
			if (inner)
				inner = td_strdup(unit, (std::string(inner) +
							 "[...]").c_str());
			arrow = false;
		} else if (arrow)
			inner = value_text(m->getBase(), depth);
		else if (m->isArrow())
			inner = ref_text(addressed(m->getBase()), depth);
		else
			inner = ref_text(m->getBase(), depth);
		if (!inner)
			return NULL;
		if (!m->getMemberDecl()->getIdentifier())
			return inner;
		snprintf(buf, sizeof(buf), "%s%s%s", inner, arrow ? "->" : ".",
			 m->getMemberDecl()->getName().str().c_str());
		return td_strdup(unit, buf);
	}
	if (const ArraySubscriptExpr *a = dyn_cast<ArraySubscriptExpr>(ref)) {
		const Expr *base = a->getBase()->IgnoreParenImpCasts();

		if (!base->getType()->isArrayType())
			return pointer_index_text(a, depth);
		inner = ref_text(base, depth);
		if (!inner)
			return NULL;
		snprintf(buf, sizeof(buf), "%s[...]", inner);
		return td_strdup(unit, buf);
	}
	if (const UnaryOperator *op = dyn_cast<UnaryOperator>(ref))
		if (op->getOpcode() == UO_Deref)
			return addressed(op->getSubExpr()) ?
			       ref_text(addressed(op->getSubExpr()), depth) :
			       value_text(op->getSubExpr(), depth);
	if (const DeclRefExpr *d = dyn_cast<DeclRefExpr>(ref))
		return name_of(d->getDecl());
	return NULL;
}

static bool is_global(const VarDecl *var)
{
	return var && !var->hasLocalStorage();
}

/* Is e an lvalue in memory, as GIMPLE sees it? */
static bool is_memory_ref(const Expr *e)
{
	e = e->IgnoreParens();
	if (isa<MemberExpr>(e) || isa<ArraySubscriptExpr>(e))
		return true;
	if (const UnaryOperator *op = dyn_cast<UnaryOperator>(e))
		return op->getOpcode() == UO_Deref;
	if (const DeclRefExpr *d = dyn_cast<DeclRefExpr>(e))
		return is_global(dyn_cast<VarDecl>(d->getDecl()));
	return false;
}

static bool constant_of(const Expr *e, long *out)
{
	Expr::EvalResult r;

	if (e->isValueDependent() || e->HasSideEffects(*ctx))
		return false;
	if (e->getType()->isPointerType()) {
		if (e->isNullPointerConstant(*ctx,
				Expr::NPC_ValueDependentIsNotNull)) {
			*out = 0;
			return true;
		}
		return false;
	}
	if (!e->getType()->isIntegralOrEnumerationType() ||
	    !e->EvaluateAsInt(r, *ctx))
		return false;
	*out = (long)r.Val.getInt().getExtValue();
	return true;
}

/* x when e is &x, past parentheses and pointer conversions: GCC folds *&x */
static const Expr *addressed(const Expr *e)
{
	const UnaryOperator *op = dyn_cast<UnaryOperator>(strip(e));

	if (!op || op->getOpcode() != UO_AddrOf ||
	    isa_and_nonnull<FunctionDecl>(
		    op->getSubExpr()->IgnoreParens()->getReferencedDeclOfCallee()))
		return NULL;
	return op->getSubExpr()->IgnoreParens();
}

/* The array whose decay e is (arr in arr->f), or NULL. */
static const CastExpr *decayed(const Expr *e)
{
	const CastExpr *cast = dyn_cast<CastExpr>(e->IgnoreParens());

	return cast && cast->getCastKind() == CK_ArrayToPointerDecay ?
	       cast : NULL;
}

/*
 * Is op p + i with p pointing to structs: &p[i], one struct of an array?
 * GCC sees a variable or positive offset so; container_of()'s negative
 * one names the outer struct.
 */
static bool is_element(const BinaryOperator *op)
{
	long cst;

	if (op->getOpcode() != BO_Add || !op->getType()->isPointerType() ||
	    !op->getLHS()->getType()->isPointerType() ||
	    !type_tag(op->getType()->getPointeeType()))
		return false;
	return !constant_of(op->getRHS(), &cst) || cst > 0;
}

/* The base of *p, p->f or p[i] when p points into memory. */
static void pointer_base(const Expr *ptr, QualType object, struct td_path *p)
{
	int v;

	p->base_name = type_tag(object);
	p->base = p->base_name ? TD_BASE_STRUCT : TD_BASE_NONE;
	p->via_pointer = 1;
	p->var = value_text(ptr, 0);
	v = value_read(strip(ptr));
	if (v >= 0 && fs->vals[v].kind == VAL_PARAM) {
		p->base_param = fs->vals[v].param;
	} else if (v < 0) {
		/* a parameter whose address is taken: not an SSA value */
		const DeclRefExpr *d = dyn_cast<DeclRefExpr>(strip(ptr));

		if (d && isa<ParmVarDecl>(d->getDecl()))
			p->base_param = param_index(cast<ParmVarDecl>(d->getDecl()));
	}
}

/* Fill 'p' with the base and field path of the object 'ref' denotes. */
static bool analyze_path(const Expr *ref, struct td_path *p)
{
	const Expr *chain[TD_MAX_FIELDS * 2], *base = ref->IgnoreParens();
	const Expr *ptr = NULL;
	const ArraySubscriptExpr *ptr_index = NULL;
	QualType object;
	int n = 0, i;

	memset(p, 0, sizeof(*p));
	p->base_param = -1;
	for (;;) {
		if (n == (int)(sizeof(chain) / sizeof(chain[0])))
			return false;
		if (const MemberExpr *m = dyn_cast<MemberExpr>(base)) {
			chain[n++] = base;
			if (m->isArrow()) {
				/* (&p->work)->func is p->work.func, folded */
				if (addressed(m->getBase())) {
					base = addressed(m->getBase());
					continue;
				}
				/* arr->f is arr[0].f */
				if (decayed(m->getBase())) {
					if (n == (int)(sizeof(chain) /
						       sizeof(chain[0])))
						return false;
					chain[n++] = decayed(m->getBase());
					base = decayed(m->getBase())->
						getSubExpr()->IgnoreParens();
					continue;
				}
				ptr = m->getBase();
				object = ptr->getType()->getPointeeType();
				break;
			}
			base = m->getBase()->IgnoreParens();
			continue;
		}
		if (const ArraySubscriptExpr *a = dyn_cast<ArraySubscriptExpr>(base)) {
			const Expr *arr = a->getBase()->IgnoreParenImpCasts();

			if (!arr->getType()->isArrayType()) {
				/* p[i]: memory at a computed pointer */
				ptr = a->getBase();
				ptr_index = a;
				object = a->getType();
				break;
			}
			chain[n++] = base;
			base = arr;
			continue;
		}
		if (const UnaryOperator *op = dyn_cast<UnaryOperator>(base)) {
			if (op->getOpcode() != UO_Deref)
				return false;
			if (addressed(op->getSubExpr())) {
				base = addressed(op->getSubExpr());
				continue;
			}
			ptr = op->getSubExpr();
			object = op->getType();
			break;
		}
		break;
	}
	if (ptr) {
		pointer_base(ptr, object, p);
		if (ptr_index)
			p->var = pointer_index_text(ptr_index, 0);
	}
	if (!ptr && isa<PredefinedExpr>(base)) {
		/* __func__ is a static array to GCC */
		p->base = TD_BASE_GLOBAL;
		p->base_name = p->var = "__func__";
	} else if (!ptr) {
		const DeclRefExpr *d = dyn_cast<DeclRefExpr>(base);
		const VarDecl *var = d ? dyn_cast<VarDecl>(d->getDecl()) : NULL;

		if (!var)
			return false;
		if (isa<ParmVarDecl>(var) || !is_global(var)) {
			p->base = TD_BASE_LOCAL;
		} else if (type_tag(var->getType())) {
			p->base = TD_BASE_STRUCT;
			p->base_name = type_tag(var->getType());
		} else {
			p->base = TD_BASE_GLOBAL;
			p->base_name = name_of(var);
		}
		p->var = name_of(var);
	}
	/* chain[] runs from the outermost reference inwards */
	for (i = n - 1; i >= 0; i--) {
		const Expr *t = chain[i];
		char idx[32];

		if (p->nfields == TD_MAX_FIELDS)
			return false;
		if (const MemberExpr *m = dyn_cast<MemberExpr>(t)) {
			if (!m->getMemberDecl()->getIdentifier())
				continue;	/* anonymous struct or union */
			p->field[p->nfields] = name_of(m->getMemberDecl());
		} else if (isa<CastExpr>(t)) {
			p->field[p->nfields] = td_strdup(unit, "[0]");
			p->ftype[p->nfields] = type_tag(
				t->getType()->getPointeeType());
			p->nfields++;
			continue;
		} else {
			const Expr *index = cast<ArraySubscriptExpr>(t)->getIdx();
			const char *text;
			long cst;

			if (constant_of(index, &cst))
				snprintf(idx, sizeof(idx), "[%ld]", cst);
			else if ((text = value_text(index, 0)))
				snprintf(idx, sizeof(idx), "[%s]", text);
			else
				snprintf(idx, sizeof(idx), "[i]");
			p->field[p->nfields] = td_strdup(unit, idx);
		}
		p->ftype[p->nfields] = type_tag(t->getType());
		p->nfields++;
	}
	return true;
}

/* ---------------------------------------------------------------- values */

/* &ptr->field where ptr was loaded from memory: remember where from. */
static void address_origin(const Expr *ref, struct td_value *v)
{
	struct td_value base;
	const Expr *ptr = NULL;

	ref = ref->IgnoreParens();
	for (;;) {
		if (const MemberExpr *m = dyn_cast<MemberExpr>(ref)) {
			if (m->isArrow() && addressed(m->getBase())) {
				ref = addressed(m->getBase());
				continue;
			}
			if (m->isArrow()) {
				ptr = m->getBase();
				break;
			}
			ref = m->getBase()->IgnoreParens();
		} else if (const ArraySubscriptExpr *a =
			   dyn_cast<ArraySubscriptExpr>(ref)) {
			const Expr *arr = a->getBase()->IgnoreParenImpCasts();

			if (!arr->getType()->isArrayType())
				return;
			ref = arr;
		} else if (const UnaryOperator *op = dyn_cast<UnaryOperator>(ref)) {
			if (op->getOpcode() != UO_Deref)
				return;
			if (addressed(op->getSubExpr())) {
				ref = addressed(op->getSubExpr());
				continue;
			}
			ptr = op->getSubExpr();
			break;
		} else {
			return;
		}
	}
	/* GIMPLE names the pointer: a variable, or a load into a temporary */
	memset(&base, 0, sizeof(base));
	analyze_value(ptr, &base, 1);
	if (base.kind == TD_VAL_LOAD) {
		v->has_origin = 1;
		v->origin = base.path;
	}
}

static void analyze_val(int id, struct td_value *v, int depth)
{
	const val &x = fs->vals[id];

	if (x.kind == VAL_PARAM) {
		v->kind = TD_VAL_PARAM;
		v->param = x.param;
	} else if (x.kind == VAL_EXPR) {
		const char *keep = v->ptr_type;

		analyze_value(x.expr, v, depth + 1);
		if (keep)
			v->ptr_type = keep;
	}
}

static void analyze_value(const Expr *e, struct td_value *v, int depth)
{
	long cst;

	if (depth == 0)
		memset(v, 0, sizeof(*v));
	e = e->IgnoreParens();
	v->kind = TD_VAL_OTHER;
	if (!v->ptr_type)
		v->ptr_type = pointee_tag(e->getType());
	if (!v->text)
		v->text = value_text(e, 0);
	if (depth > 8)
		return;
	if (constant_of(e, &cst)) {
		v->kind = TD_VAL_CONST;
		v->cst = cst;
		return;
	}
	if (const CastExpr *c = dyn_cast<CastExpr>(e)) {
		const Expr *sub = c->getSubExpr()->IgnoreParens();
		const DeclRefExpr *d = dyn_cast<DeclRefExpr>(sub);
		const char *keep = v->ptr_type;

		if (c->getCastKind() == CK_FunctionToPointerDecay && d &&
		    isa<FunctionDecl>(d->getDecl())) {
			v->kind = TD_VAL_FUNC;
			v->func = name_of(d->getDecl());
			return;
		}
		if (c->getCastKind() == CK_ArrayToPointerDecay) {
			if (analyze_path(sub, &v->path)) {
				v->kind = TD_VAL_ADDR;
				address_origin(sub, v);
			}
			return;
		}
		/* container_of casts: the outer type is what counts */
		analyze_value(sub, v, useless_cast(c) ? depth : depth + 1);
		if (keep)
			v->ptr_type = keep;
		return;
	}
	if (const UnaryOperator *op = dyn_cast<UnaryOperator>(e)) {
		const Expr *sub = op->getSubExpr()->IgnoreParens();

		if (op->getOpcode() == UO_AddrOf) {
			const DeclRefExpr *d = dyn_cast<DeclRefExpr>(sub);

			if (d && isa<FunctionDecl>(d->getDecl())) {
				v->kind = TD_VAL_FUNC;
				v->func = name_of(d->getDecl());
			} else if (analyze_path(sub, &v->path)) {
				v->kind = TD_VAL_ADDR;
				address_origin(sub, v);
			}
			return;
		}
		if (op->getOpcode() == UO_Deref && analyze_path(e, &v->path))
			v->kind = TD_VAL_LOAD;
		return;
	}
	if (const DeclRefExpr *d = dyn_cast<DeclRefExpr>(e)) {
		const ValueDecl *decl = d->getDecl();
		int id;

		if (isa<FunctionDecl>(decl)) {
			v->kind = TD_VAL_FUNC;
			v->func = name_of(decl);
		} else if ((id = value_read(e)) >= 0) {
			analyze_val(id, v, depth);
		} else if (isa<ParmVarDecl>(decl)) {
			v->kind = TD_VAL_PARAM;
			v->param = param_index(cast<ParmVarDecl>(decl));
		} else if (is_global(dyn_cast<VarDecl>(decl)) &&
			   analyze_path(e, &v->path)) {
			v->kind = TD_VAL_LOAD;
		}
		return;
	}
	if (isa<MemberExpr>(e) || isa<ArraySubscriptExpr>(e)) {
		if (analyze_path(e, &v->path))
			v->kind = TD_VAL_LOAD;
		return;
	}
	if (const CallExpr *call = dyn_cast<CallExpr>(e)) {
		llvm::DenseMap<const CallExpr *, int>::iterator it =
			fs->call_ids.find(call);

		if (it != fs->call_ids.end()) {
			v->kind = TD_VAL_CALL;
			v->call = it->second;
		}
		return;
	}
	if (stmt_expr_value(e)) {
		analyze_value(stmt_expr_value(e), v, depth);
		return;
	}
	if (const BinaryOperator *op = dyn_cast<BinaryOperator>(e)) {
		struct td_value base;

		if (op->getOpcode() == BO_Assign) {
			analyze_value(op->getRHS(), v, depth + 1);
			return;
		}
		if ((op->getOpcode() != BO_Add && op->getOpcode() != BO_Sub) ||
		    !op->getType()->isPointerType())
			return;
		memset(&base, 0, sizeof(base));
		analyze_value(op->getLHS(), &base, depth + 1);
		/* p + i is &p[i], one struct of an array */
		if (is_element(op)) {
			memset(&v->path, 0, sizeof(v->path));
			v->path.base_param = -1;
			pointer_base(op->getLHS(), op->getType()->getPointeeType(),
				     &v->path);
			v->path.var = value_text(op, 0);
			v->kind = TD_VAL_ADDR;
			if (base.kind == TD_VAL_LOAD) {
				v->has_origin = 1;
				v->origin = base.path;
			}
		} else if (base.kind == TD_VAL_LOAD) {
			/* p->regs + OFFSET is still p->regs's MMIO */
			v->kind = TD_VAL_LOAD;
			v->path = base.path;
		}
	}
}

/* ----------------------------------------------------------------- calls */

/* The expression e is the operand of, past parentheses and dropped casts. */
static const Stmt *user_of(const Expr *e, const Expr **operand)
{
	const Stmt *s = e, *p;

	for (;;) {
		p = fs->parents->getParent(s);
		if (!p)
			return NULL;
		if (isa<ParenExpr>(p) ||
		    (isa<CastExpr>(p) && useless_cast(cast<CastExpr>(p)))) {
			s = p;
			continue;
		}
		/* the last expression of ({ ... }) is its value */
		if (isa<CompoundStmt>(p) && cast<CompoundStmt>(p)->body_back() == s &&
		    fs->parents->getParent(p) &&
		    isa<StmtExpr>(fs->parents->getParent(p))) {
			s = fs->parents->getParent(p);
			continue;
		}
		*operand = cast<Expr>(s);
		return p;
	}
}

static void follow_value(const Expr *e, struct td_call *c, int depth);

/* The variable of declaration ds that init initializes. */
static const VarDecl *initialized_by(const DeclStmt *ds, const Expr *init)
{
	for (const Decl *decl : ds->decls()) {
		const VarDecl *var = dyn_cast<VarDecl>(decl);

		if (var && var->getInit() == init)
			return var;
	}
	return NULL;
}

/* Where the reads of value id end up. */
static void follow_reads(int id, struct td_call *c, int depth)
{
	unsigned int i, j;

	if (depth > 6)
		return;
	for (i = 0; i < fs->reads.size(); i++)
		if (resolve(fs->reads[i].second) == id)
			follow_value(fs->reads[i].first, c, depth + 1);
	for (i = 0; i < fs->vals.size(); i++) {
		const val &x = fs->vals[i];

		if (x.kind != VAL_PHI || x.forward >= 0 || (int)i == id)
			continue;
		for (j = 0; j < x.args.size(); j++)
			if (resolve(x.args[j]) == id) {
				follow_reads(i, c, depth + 1);
				break;
			}
	}
}

/* A definition of a tracked local: the value it gives the variable. */
static int value_of_def(const Expr *rhs)
{
	llvm::DenseMap<const Expr *, int>::iterator it =
		fs->expr_vals.find(rhs);

	return it == fs->expr_vals.end() ? -1 : it->second;
}

/*
 * Where the value e computes goes: stored in memory (result, then copy),
 * returned, handed to another call, or copied to a local whose reads are
 * followed in turn.
 */
static void follow_value(const Expr *e, struct td_call *c, int depth)
{
	const Expr *operand;
	const Stmt *user = user_of(e, &operand);

	if (!user || depth > 6)
		return;
	const UnaryOperator *not1 = dyn_cast<UnaryOperator>(user);
	const Expr *unused;
	const UnaryOperator *not2 = not1 && not1->getOpcode() == UO_LNot ?
		dyn_cast_or_null<UnaryOperator>(user_of(not1, &unused)) : NULL;

	/* !!b of a bool is b: GCC folds it */
	if (not2 && not2->getOpcode() == UO_LNot &&
	    operand->getType()->isBooleanType()) {
		follow_value(not2, c, depth + 1);
		return;
	}
	if (isa<ReturnStmt>(user)) {
		c->result_returned = 1;
	} else if (const CallExpr *call = dyn_cast<CallExpr>(user)) {
		if (call->getCallee() != operand)
			c->result_escapes = 1;
	} else if (const CastExpr *cast = dyn_cast<CastExpr>(user)) {
		/* a conversion GIMPLE keeps: a copy into a temporary */
		if (!c->result.ptr_type)
			c->result.ptr_type = pointee_tag(cast->getType());
		follow_value(cast, c, depth + 1);
	} else if (const BinaryOperator *op = dyn_cast<BinaryOperator>(user)) {
		const Expr *lhs = op->getLHS();
		int id;

		if (op->getOpcode() != BO_Assign || op->getRHS() != operand)
			return;
		if (tracked_var(lhs)) {
			if (!c->result.ptr_type)
				c->result.ptr_type = pointee_tag(lhs->getType());
			if ((id = value_of_def(operand)) >= 0)
				follow_reads(id, c, depth + 1);
		} else if (c->result.kind == TD_VAL_NONE && is_memory_ref(lhs) &&
			   analyze_path(lhs, &c->result.path)) {
			c->result.kind = TD_VAL_LOAD;
		} else if (c->result.kind == TD_VAL_LOAD && !c->has_copy &&
			   is_memory_ref(lhs) && analyze_path(lhs, &c->copy)) {
			c->has_copy = 1;
		}
	} else if (const DeclStmt *ds = dyn_cast<DeclStmt>(user)) {
		const VarDecl *var = initialized_by(ds, operand);
		int id;

		if (var && fs->tracked.count(var)) {
			if (!c->result.ptr_type)
				c->result.ptr_type = pointee_tag(var->getType());
			if ((id = value_of_def(operand)) >= 0)
				follow_reads(id, c, depth + 1);
		}
	}
}

/* The local a call's result lands in, as GIMPLE names its SSA result. */
static const char *landing_text(const CallExpr *call)
{
	const Expr *operand;
	const Stmt *user = user_of(call, &operand);

	if (const BinaryOperator *op = dyn_cast_or_null<BinaryOperator>(user)) {
		if (op->getOpcode() == BO_Assign && op->getRHS() == operand &&
		    tracked_var(op->getLHS()))
			return name_of(tracked_var(op->getLHS()));
	} else if (const DeclStmt *ds = dyn_cast_or_null<DeclStmt>(user)) {
		const VarDecl *var = initialized_by(ds, operand);

		if (var && fs->tracked.count(var))
			return name_of(var);
	}
	return NULL;
}

/* Built-ins are not calls to GIMPLE's reader: memcpy, __builtin_expect. */
static bool skip_call(const CallExpr *call)
{
	const FunctionDecl *fn = call->getDirectCallee();

	return fn && fn->getBuiltinID() != 0;
}

static bool always_reached(const CFGBlock *b, CFGPostDomTree *pdt)
{
	const CFGBlock *entry = *fs->cfg->getEntry().succ_begin();

	return entry && pdt->dominates(b, entry);
}

static int unit_block(int id)
{
	/* clang numbers blocks backwards: keep source order, as GCC has */
	return fs->block_base + (int)fs->cfg->getNumBlockIDs() - 1 - id;
}

static void record_call(const CallExpr *call, int block, CFGPostDomTree *pdt)
{
	struct td_call c;
	const FunctionDecl *callee = call->getDirectCallee();
	QualType fntype = call->getCallee()->getType();
	unsigned int i;

	memset(&c, 0, sizeof(c));
	c.fn = fs->fn;
	c.callee = name_of(callee);
	c.callee_api = callee && declared_in_header(callee);
	c.loc = make_loc(call->getBeginLoc());
	c.insert = make_loc(line_start(sm->getExpansionLoc(call->getBeginLoc())));
	c.conditional = !always_reached(fs->by_id[block], pdt);
	c.block = unit_block(block);
	if (fntype->isPointerType())
		fntype = fntype->getPointeeType();
	if (const FunctionType *ft = fntype->getAs<FunctionType>())
		c.result_kind = result_of_type(ft->getReturnType());
	c.nargs = call->getNumArgs();
	if (c.nargs > TD_MAX_ARGS)
		c.nargs = TD_MAX_ARGS;
	for (i = 0; i < (unsigned int)c.nargs; i++) {
		analyze_value(call->getArg(i), &c.arg[i], 0);
		/* platform_get_drvdata() handed straight on: a pointer to
		 * what the prototype says (the implicit cast's type) */
		if (!c.arg[i].ptr_type)
			c.arg[i].ptr_type = pointee_tag(call->getArg(i)->getType());
	}
	/* ops->stop(dev): which field the function pointer came from */
	if (!callee)
		analyze_value(call->getCallee(), &c.fptr, 0);
	if (!call->getType()->isVoidType()) {
		c.result.ptr_type = pointee_tag(call->getType());
		c.result.text = landing_text(call);
		follow_value(call, &c, 0);
	}
	td_add_call(unit, &c);
}

/*
 * free(cond ? p->rx_buf : p->tx_buf): an argument merged from several
 * loads (or calls' results) stands for each of them.  Record one more call
 * per alternative of the first such argument, so that each is released.
 */
static void record_alternatives(const CallExpr *call, int index)
{
	struct td_call c = unit->calls[index];
	int i;

	for (i = 0; i < c.nargs; i++) {
		const Expr *arg = strip(call->getArg(i));
		std::vector<const Expr *> exprs;
		std::vector<int> ids;
		unsigned int j;
		int id;

		if (const ConditionalOperator *cond =
		    dyn_cast<ConditionalOperator>(arg)) {
			exprs.push_back(cond->getTrueExpr());
			exprs.push_back(cond->getFalseExpr());
		} else if ((id = value_read(arg)) >= 0 &&
			   fs->vals[id].kind == VAL_PHI) {
			/* an error label's merge: a value per goto, few
			 * distinct ones (NULL, and the mapping) */
			for (int a : fs->vals[id].args) {
				int v = resolve(a);

				if (std::find(ids.begin(), ids.end(), v) ==
				    ids.end())
					ids.push_back(v);
			}
			if (ids.size() > 4)
				continue;
		} else {
			continue;
		}
		for (j = 0; j < exprs.size() + ids.size(); j++) {
			struct td_call alt = c;

			alt.alternative_of = index + 1;
			memset(&alt.arg[i], 0, sizeof(alt.arg[i]));
			if (j < exprs.size()) {
				analyze_value(exprs[j], &alt.arg[i], 0);
			} else {
				alt.arg[i].kind = TD_VAL_OTHER;
				analyze_val(ids[j - exprs.size()], &alt.arg[i],
					    0);
			}
			if (td_alternative_value(&alt.arg[i]))
				td_add_call(unit, &alt);
		}
		return;
	}
}

/*
 * obj.field = &function: INIT_WORK(), hrtimer .function = ...; a helper
 * keeping a parameter; a field copied to another (io_addr = hw->hw_addr).
 */
static void record_store(const BinaryOperator *op, int block)
{
	const Expr *lhs = op->getLHS()->IgnoreParens();
	const DeclRefExpr *d = dyn_cast<DeclRefExpr>(lhs);
	struct td_value v;
	struct td_store s;

	if (!isa<MemberExpr>(lhs) &&
	    !(d && is_global(dyn_cast<VarDecl>(d->getDecl()))))
		return;
	if (!op->getType()->isScalarType())
		return;		/* a struct copy */
	analyze_value(op->getRHS(), &v, 0);
	if (!td_store_source(&s, &v) || !analyze_path(lhs, &s.dest))
		return;
	s.fn = fs->fn;
	s.loc = make_loc(op->getExprLoc());
	s.block = unit_block(block);
	td_add_store(unit, &s);
}

/* The locals of a function: which are SSA names in GIMPLE, and all named. */
class local_scan : public RecursiveASTVisitor<local_scan> {
public:
	std::vector<const VarDecl *> locals;
	llvm::DenseMap<const VarDecl *, bool> address_taken;

	bool VisitVarDecl(VarDecl *var)
	{
		if (var->hasLocalStorage() && !isa<ParmVarDecl>(var))
			locals.push_back(var);
		return true;
	}
	bool VisitUnaryOperator(UnaryOperator *op)
	{
		const DeclRefExpr *d;

		if (op->getOpcode() != UO_AddrOf)
			return true;
		d = dyn_cast<DeclRefExpr>(op->getSubExpr()->IgnoreParens());
		if (d && isa<VarDecl>(d->getDecl()))
			address_taken[cast<VarDecl>(d->getDecl())] = true;
		return true;
	}
};

static bool is_ssa_candidate(const VarDecl *var, const local_scan &scan)
{
	QualType t = var->getType();

	return var->hasLocalStorage() && !scan.address_taken.count(var) &&
	       !t.isVolatileQualified() &&
	       (t->isIntegralOrEnumerationType() || t->isPointerType());
}

static void record_vars(const local_scan &scan)
{
	unsigned int i;
	int j;

	for (i = 0; i < fs->decl->getNumParams(); i++) {
		const ParmVarDecl *p = fs->decl->getParamDecl(i);
		struct td_var v = { fs->fn, name_of(p), pointee_tag(p->getType()) };

		if (v.name && v.ptr_type)
			td_add_var(unit, &v);
	}
	/* GCC lists the locals last declared first */
	for (j = (int)scan.locals.size() - 1; j >= 0; j--) {
		const VarDecl *var = scan.locals[j];
		struct td_var v = { fs->fn, name_of(var),
				    pointee_tag(var->getType()) };

		/* skip locals that macros make (__k, __mptr) */
		if (v.name && v.ptr_type && strncmp(v.name, "__", 2) &&
		    var->isReferenced() && !var->isImplicit())
			td_add_var(unit, &v);
	}
}

/* --------------------------------------------------------- control flow */

static int name_of_val(int id, int depth);

/* The operand a condition or return uses: a constant or a name. */
static void make_opnd(const Expr *e, struct td_opnd *o, int depth);

static int new_name(void)
{
	struct td_name n;

	memset(&n, 0, sizeof(n));
	return td_add_name(unit, &n);
}

static int name_of_expr(const Expr *e, int depth);

/*
 * c ? a : b is a phi where the arms meet, as GIMPLE has it: each
 * predecessor of the join brings the arm evaluated last in it.
 */
static void conditional_phi(const ConditionalOperator *cond, struct td_name *n,
			    int depth)
{
	const Expr *arm[2] = { cond->getTrueExpr(), cond->getFalseExpr() };
	int join, pos, where[2], k, first;
	const CFGBlock *b;

	if (!position_of(cond, &join, &pos) || depth > 32)
		return;
	for (k = 0; k < 2; k++)
		if (!position_of(arm[k], &where[k], &pos))
			return;
	b = fs->by_id[join];
	first = unit->nphi_args;
	for (CFGBlock::const_pred_iterator p = b->pred_begin();
	     p != b->pred_end(); ++p) {
		struct td_phi_arg a;

		if (!p->getReachableBlock() ||
		    !fs->reachable[p->getReachableBlock()->getBlockID()])
			continue;
		memset(&a, 0, sizeof(a));
		a.pred = unit_block(p->getReachableBlock()->getBlockID());
		td_add_phi_arg(unit, &a);
	}
	n->kind = TD_NAME_PHI;
	n->block = unit_block(join);
	n->first_arg = first;
	n->nargs = unit->nphi_args - first;
	for (k = 0; k < n->nargs; k++) {
		int pred = unit->phi_args[first + k].pred;
		struct td_opnd o;

		memset(&o, 0, sizeof(o));
		if (pred == unit_block(where[0]))
			make_opnd(arm[0], &o, depth + 1);
		else if (pred == unit_block(where[1]))
			make_opnd(arm[1], &o, depth + 1);
		unit->phi_args[first + k].val = o;
	}
}

/* How expression e (not a read of a tracked local) was made. */
static int name_of_expr(const Expr *e, int depth)
{
	llvm::DenseMap<const Expr *, int>::iterator it;
	struct td_name n;
	int idx, id;

	e = strip(e);
	if ((id = value_read(e)) >= 0)
		return name_of_val(id, depth);
	it = fs->expr_names.find(e);
	if (it != fs->expr_names.end())
		return it->second;
	idx = new_name();
	fs->expr_names[e] = idx;
	memset(&n, 0, sizeof(n));
	if (depth > 32) {
		/* not followed */
	} else if (const CallExpr *call = dyn_cast<CallExpr>(e)) {
		llvm::DenseMap<const CallExpr *, int>::iterator c =
			fs->call_ids.find(call);
		const FunctionDecl *fn = call->getDirectCallee();

		if (c != fs->call_ids.end()) {
			n.kind = TD_NAME_CALL;
			n.call = c->second;
		} else if (fn && fn->getBuiltinID() == Builtin::BI__builtin_expect &&
			   call->getNumArgs() > 0) {
			n.kind = TD_NAME_COPY;
			make_opnd(call->getArg(0), &n.src, depth + 1);
		}
	} else if (const ConditionalOperator *cond =
		   dyn_cast<ConditionalOperator>(e)) {
		conditional_phi(cond, &n, depth);
	} else if (is_memory_ref(e)) {
		analyze_value(e, &n.load, 0);
		if (n.load.kind == TD_VAL_LOAD)
			n.kind = TD_NAME_LOAD;
	} else if (const CastExpr *cast = dyn_cast<CastExpr>(e)) {
		n.kind = TD_NAME_COPY;
		make_opnd(cast->getSubExpr(), &n.src, depth + 1);
	} else if (const UnaryOperator *op = dyn_cast<UnaryOperator>(e)) {
		if (op->getOpcode() == UO_LNot) {
			n.kind = TD_NAME_NOT;
			make_opnd(op->getSubExpr(), &n.src, depth + 1);
		}
	} else if (const BinaryOperator *op = dyn_cast<BinaryOperator>(e)) {
		long cst;

		if (op->getOpcode() == BO_Assign) {
			n.kind = TD_NAME_COPY;
			make_opnd(op->getRHS(), &n.src, depth + 1);
		} else if ((op->getOpcode() == BO_NE ||
			    op->getOpcode() == BO_EQ) &&
			   constant_of(op->getRHS(), &cst) && cst == 0) {
			n.kind = op->getOpcode() == BO_NE ? TD_NAME_COPY :
				 TD_NAME_NOT;
			make_opnd(op->getLHS(), &n.src, depth + 1);
		}
	}
	unit->names[idx] = n;
	return idx;
}

static int name_of_val(int id, int depth)
{
	std::map<int, int>::iterator it = fs->name_ids.find(id = resolve(id));
	struct td_name n;
	int idx;
	unsigned int i;

	if (it != fs->name_ids.end())
		return it->second;
	if (fs->vals[id].kind == VAL_EXPR) {
		/* the variable's name is the expression's: one SSA name */
		idx = name_of_expr(fs->vals[id].expr, depth);
		fs->name_ids[id] = idx;
		return idx;
	}
	idx = new_name();
	fs->name_ids[id] = idx;	/* before describing: phis loop back */
	memset(&n, 0, sizeof(n));
	if (fs->vals[id].kind == VAL_PHI && depth <= 32) {
		const val x = fs->vals[id];

		n.kind = TD_NAME_PHI;
		n.block = unit_block(x.block);
		n.nargs = (int)x.args.size();
		n.first_arg = unit->nphi_args;
		/* reserve the arguments: their values may add more */
		for (i = 0; i < x.args.size(); i++) {
			struct td_phi_arg a;

			memset(&a, 0, sizeof(a));
			a.pred = unit_block(x.preds[i]);
			td_add_phi_arg(unit, &a);
		}
		for (i = 0; i < x.args.size(); i++) {
			struct td_opnd o;
			int id = resolve(x.args[i]);
			const val &arg = fs->vals[id];
			long cst;

			memset(&o, 0, sizeof(o));
			if (arg.kind == VAL_EXPR && constant_of(strip(arg.expr),
								&cst)) {
				o.kind = TD_OP_CONST;
				o.cst = cst;
			} else if (arg.kind != VAL_UNDEF) {
				o.kind = TD_OP_NAME;
				o.name = name_of_val(id, depth + 1);
			}
			unit->phi_args[n.first_arg + i].val = o;
		}
	}
	unit->names[idx] = n;
	return idx;
}

static void make_opnd(const Expr *e, struct td_opnd *o, int depth)
{
	long cst;
	int id;

	memset(o, 0, sizeof(*o));
	if (!e)
		return;
	e = strip(e);
	if (constant_of(e, &cst)) {
		o->kind = TD_OP_CONST;
		o->cst = cst;
		return;
	}
	if ((id = value_read(e)) >= 0) {
		const val &x = fs->vals[id];

		if (x.kind == VAL_UNDEF)
			return;
		if (x.kind == VAL_EXPR && constant_of(strip(x.expr), &cst)) {
			o->kind = TD_OP_CONST;
			o->cst = cst;
			return;
		}
	}
	o->kind = TD_OP_NAME;
	o->name = name_of_expr(e, depth);
}

/* "if (lhs cmp rhs)" for a branch on e, as GIMPLE_COND has it. */
static void branch_on(const Expr *e, struct td_block *b)
{
	const BinaryOperator *op;
	const UnaryOperator *un;

	e = strip(e);
	b->has_cond = 1;
	if ((op = dyn_cast<BinaryOperator>(e)) && op->isComparisonOp()) {
		switch (op->getOpcode()) {
		case BO_EQ: b->cmp = TD_CMP_EQ; break;
		case BO_NE: b->cmp = TD_CMP_NE; break;
		case BO_LT: b->cmp = TD_CMP_LT; break;
		case BO_LE: b->cmp = TD_CMP_LE; break;
		case BO_GT: b->cmp = TD_CMP_GT; break;
		default: b->cmp = TD_CMP_GE; break;
		}
		make_opnd(op->getLHS(), &b->lhs, 0);
		make_opnd(op->getRHS(), &b->rhs, 0);
		return;
	}
	if ((un = dyn_cast<UnaryOperator>(e)) && un->getOpcode() == UO_LNot) {
		b->cmp = TD_CMP_EQ;
		make_opnd(un->getSubExpr(), &b->lhs, 0);
	} else {
		b->cmp = TD_CMP_NE;
		make_opnd(e, &b->lhs, 0);
	}
	b->rhs.kind = TD_OP_CONST;
	b->rhs.cst = 0;
}

static bool is_branch(const Stmt *term)
{
	if (!term)
		return false;
	if (const BinaryOperator *op = dyn_cast<BinaryOperator>(term))
		return op->isLogicalOp();
	return isa<IfStmt>(term) || isa<WhileStmt>(term) ||
	       isa<ForStmt>(term) || isa<DoStmt>(term) ||
	       isa<AbstractConditionalOperator>(term);
}

/* Each block's branch or return and its successors.  A block that
 * falls off the end of the function goes to the CFG's exit block, made
 * GIMPLE's valueless return at the closing brace; one that ends in a
 * noreturn call goes nowhere, as in GIMPLE. */
static void record_flow(void)
{
	const CFGBlock *exit = &fs->cfg->getExit();
	bool falls_off = false;

	for (CFG::const_iterator it = fs->cfg->begin(); it != fs->cfg->end();
	     ++it) {
		const CFGBlock *cb = *it;
		int id = cb->getBlockID();
		struct td_block *b = &unit->blocks[unit_block(id)];
		const Stmt *term = cb->getTerminatorStmt();
		int taken = fs->taken[id];
		const Expr *cond = is_branch(term) && taken < 0 ?
			cb->getLastCondition() : NULL;
		SourceLocation loc;
		int k = 0;

		if (cb == &fs->cfg->getEntry() || cb == exit ||
		    !fs->reachable[id])
			continue;
		/* names and phi arguments are added below: blocks stay put */
		if (cond) {
			branch_on(cond, b);
			loc = cond->getExprLoc();
		}
		if (!cb->empty()) {
			Optional<CFGStmt> last = cb->back().getAs<CFGStmt>();
			const ReturnStmt *ret = last ?
				dyn_cast<ReturnStmt>(last->getStmt()) : NULL;

			if (ret) {
				b->returns = 1;
				make_opnd(ret->getRetValue(), &b->ret, 0);
				loc = ret->getBeginLoc();
			} else if (!cond && last) {
				loc = last->getStmt()->getBeginLoc();
			}
		}
		b->loc = make_loc(loc);
		b->first_succ = unit->nsuccs;
		/* clang lists a branch's true edge, then its false one, as
		 * GIMPLE's successors are read */
		for (CFGBlock::const_succ_iterator s = cb->succ_begin();
		     s != cb->succ_end(); ++s, k++) {
			const CFGBlock *to = s->getReachableBlock();
			struct td_succ succ;

			if (!to || (taken >= 0 && k != taken))
				continue;
			if (to == exit && (b->returns || cb->hasNoReturnElement()))
				continue;
			falls_off |= to == exit;
			succ.to = unit_block(to->getBlockID());
			succ.when = cond && k < 2 ? (k == 0 ? 1 : 0) : -1;
			td_add_succ(unit, &succ);
			b->nsucc++;
		}
	}
	if (falls_off) {
		struct td_block *b = &unit->blocks[unit_block(exit->getBlockID())];

		b->returns = 1;
		b->loc = make_loc(fs->decl->getBodyRBrace());
	}
}

/* --------------------------------------------------------- one function */

/* Where a call appended to fn's body goes: before its final return. */
class return_scan : public RecursiveASTVisitor<return_scan> {
public:
	SourceLocation best;
	unsigned int best_line = 0;

	bool VisitReturnStmt(ReturnStmt *ret)
	{
		SourceLocation loc = sm->getExpansionLoc(ret->getBeginLoc());
		unsigned int line = sm->getExpansionLineNumber(loc);

		if (line > best_line) {
			best_line = line;
			best = loc;
		}
		return true;
	}
};

static void add_function(const FunctionDecl *fd)
{
	struct td_function f;
	QualType ret = fd->getReturnType();

	memset(&f, 0, sizeof(f));
	f.name = name_of(fd);
	f.loc = make_loc(fd->getLocation());
	f.is_api = declared_in_header(fd);
	f.is_static = !fd->isExternallyVisible();
	f.returns_value = !ret->isVoidType();
	f.result = result_of_type(ret);
	f.entry = -1;
	if (ret->isVoidType()) {
		f.insert = make_loc(line_start(sm->getExpansionLoc(
					fd->getBody()->getEndLoc())));
	} else {
		return_scan scan;

		scan.TraverseStmt(fd->getBody());
		f.insert = make_loc(line_start(scan.best));
	}
	td_add_function(unit, &f);
}

/* Each element's place, each definition of a tracked local, the reads. */
static void index_function(void)
{
	for (CFG::const_iterator it = fs->cfg->begin(); it != fs->cfg->end();
	     ++it) {
		const CFGBlock *cb = *it;
		int id = cb->getBlockID(), pos = 0;

		for (CFGBlock::const_iterator e = cb->begin(); e != cb->end();
		     ++e, pos++) {
			Optional<CFGStmt> cs = e->getAs<CFGStmt>();
			const Stmt *s;
			struct def d;

			if (!cs)
				continue;
			s = cs->getStmt();
			fs->where[s] = std::make_pair(id, pos);
			d.pos = pos;
			d.var = NULL;
			d.value = -1;
			if (const BinaryOperator *op = dyn_cast<BinaryOperator>(s)) {
				if (op->isAssignmentOp() &&
				    (d.var = tracked_var(op->getLHS()))) {
					if (op->getOpcode() == BO_Assign) {
						d.value = new_val(VAL_EXPR);
						fs->vals[d.value].expr = op->getRHS();
						fs->vals[d.value].block = id;
						fs->expr_vals[op->getRHS()] = d.value;
					} else {
						d.value = new_val(VAL_OPAQUE);
					}
				}
			} else if (const UnaryOperator *op = dyn_cast<UnaryOperator>(s)) {
				if (op->isIncrementDecrementOp() &&
				    (d.var = tracked_var(op->getSubExpr())))
					d.value = new_val(VAL_OPAQUE);
			} else if (const DeclStmt *ds = dyn_cast<DeclStmt>(s)) {
				const VarDecl *var = ds->isSingleDecl() ?
					dyn_cast<VarDecl>(ds->getSingleDecl()) : NULL;

				if (var && var->getInit() && fs->tracked.count(var)) {
					d.var = var;
					d.value = new_val(VAL_EXPR);
					fs->vals[d.value].expr = var->getInit();
					fs->vals[d.value].block = id;
					fs->expr_vals[var->getInit()] = d.value;
				}
			}
			if (d.var && d.value >= 0)
				fs->defs[id].push_back(d);
		}
	}
}

static bool later_first(const std::pair<const DeclRefExpr *, int> &a,
			const std::pair<const DeclRefExpr *, int> &b)
{
	SourceLocation x = sm->getExpansionLoc(a.first->getBeginLoc());
	SourceLocation y = sm->getExpansionLoc(b.first->getBeginLoc());

	if (x == y)
		return a.first->getBeginLoc() < b.first->getBeginLoc() ?
		       false : b.first->getBeginLoc() < a.first->getBeginLoc();
	return sm->isBeforeInTranslationUnit(y, x);
}

/* The reads of tracked locals, each with the value it sees. */
static void index_reads(void)
{
	for (llvm::DenseMap<const Stmt *, std::pair<int, int>>::iterator it =
		     fs->where.begin(); it != fs->where.end(); ++it) {
		const DeclRefExpr *ref = dyn_cast<DeclRefExpr>(it->first);
		const Stmt *parent;
		int id;

		if (!ref || !tracked_var(ref))
			continue;
		/* the variable assigned is not read */
		parent = fs->parents->getParentIgnoreParens(ref);
		if (const BinaryOperator *op =
		    dyn_cast_or_null<BinaryOperator>(parent))
			if (op->isAssignmentOp() &&
			    op->getLHS()->IgnoreParens() == ref)
				continue;
		if ((id = value_read(ref)) >= 0)
			fs->reads.push_back(std::make_pair(ref, id));
	}
	/* GCC lists an SSA name's uses last first: the first store found of
	 * a result is its last in the source, the copy the one before */
	std::sort(fs->reads.begin(), fs->reads.end(), later_first);
}

/* __builtin_constant_p(x) of a non-constant x: GCC decides it later */
static bool undecided_builtin(const Stmt *s)
{
	const CallExpr *call = dyn_cast_or_null<CallExpr>(s);

	if (call && call->getDirectCallee() &&
	    call->getDirectCallee()->getBuiltinID() ==
	    Builtin::BI__builtin_constant_p && call->getNumArgs() == 1 &&
	    !call->getArg(0)->isEvaluatable(*ctx))
		return true;
	for (const Stmt *child : s ? s->children() : Stmt::const_child_range(
		     Stmt::const_child_iterator(), Stmt::const_child_iterator()))
		if (child && undecided_builtin(child))
			return true;
	return false;
}

/*
 * A branch GCC folds when it lowers the function: on a constant
 * (IS_ENABLED(), __builtin_constant_p(4), sizeof tests in macros).
 * Returns the successor taken, 0 (true) or 1 (false), or -1.
 */
static int folded_branch(const CFGBlock *b)
{
	const Expr *cond = is_branch(b->getTerminatorStmt()) ?
		b->getLastCondition() : NULL;
	bool value;

	if (!cond || b->succ_size() != 2 || cond->HasSideEffects(*ctx) ||
	    undecided_builtin(cond) ||
	    !cond->EvaluateAsBooleanCondition(value, *ctx))
		return -1;
	return value ? 0 : 1;
}

static void mark_reachable(struct fn_state *state)
{
	std::vector<const CFGBlock *> work;

	state->reachable.assign(state->by_id.size(), false);
	state->taken.assign(state->by_id.size(), -1);
	work.push_back(&state->cfg->getEntry());
	state->reachable[state->cfg->getEntry().getBlockID()] = true;
	while (!work.empty()) {
		const CFGBlock *b = work.back();

		int taken = folded_branch(b), k = 0;

		state->taken[b->getBlockID()] = taken;
		work.pop_back();
		for (CFGBlock::const_succ_iterator s = b->succ_begin();
		     s != b->succ_end(); ++s, k++) {
			const CFGBlock *to = s->getReachableBlock();

			if (taken >= 0 && k != taken)
				continue;
			if (to && !state->reachable[to->getBlockID()]) {
				state->reachable[to->getBlockID()] = true;
				work.push_back(to);
			}
		}
	}
}

static void scan_function(const FunctionDecl *fd, int fn)
{
	CFG::BuildOptions bo;
	struct fn_state state;
	local_scan locals;
	int nblocks, i, next;
	std::unique_ptr<CFG> cfg;
	std::vector<std::pair<const CallExpr *, int>> calls;

	bo.setAllAlwaysAdd();
	bo.AddImplicitDtors = false;
	bo.AddInitializers = false;
	cfg = CFG::buildCFG(fd, fd->getBody(), ctx, bo);
	if (!cfg)
		return;
	ParentMap parents(fd->getBody());

	state.decl = fd;
	state.cfg = cfg.get();
	state.parents = &parents;
	state.fn = fn;
	fs = &state;
	locals.TraverseStmt(fd->getBody());
	for (i = 0; i < (int)fd->getNumParams(); i++)
		if (is_ssa_candidate(fd->getParamDecl(i), locals))
			state.tracked[fd->getParamDecl(i)] = true;
	for (i = 0; i < (int)locals.locals.size(); i++)
		if (is_ssa_candidate(locals.locals[i], locals))
			state.tracked[locals.locals[i]] = true;
	nblocks = cfg->getNumBlockIDs();
	state.defs.resize(nblocks);
	state.by_id.assign(nblocks, NULL);
	for (CFG::const_iterator it = cfg->begin(); it != cfg->end(); ++it)
		state.by_id[(*it)->getBlockID()] = *it;
	mark_reachable(&state);
	index_function();
	index_reads();

	/* block i of the CFG is unit block block_base + (n - 1 - i) */
	state.block_base = unit->nblocks;
	for (i = 0; i < nblocks; i++) {
		struct td_block b;

		memset(&b, 0, sizeof(b));
		b.fn = fn;
		td_add_block(unit, &b);
	}
	unit->funcs[fn].first_block = state.block_base;
	unit->funcs[fn].nblocks = nblocks;
	if (cfg->getEntry().succ_size() && cfg->getEntry().succ_begin()->getReachableBlock())
		unit->funcs[fn].entry = unit_block(
			cfg->getEntry().succ_begin()->getReachableBlock()->getBlockID());

	/* number the calls first, in source order of blocks: a value may
	 * name a call made later */
	next = unit->ncalls;
	for (i = nblocks - 1; i >= 0; i--) {
		const CFGBlock *cb = state.by_id[i];

		if (!cb || !state.reachable[i])
			continue;
		for (CFGBlock::const_iterator e = cb->begin(); e != cb->end(); ++e) {
			Optional<CFGStmt> cs = e->getAs<CFGStmt>();
			const CallExpr *call = cs ? dyn_cast<CallExpr>(cs->getStmt()) :
						    NULL;

			if (call && !skip_call(call)) {
				state.call_ids[call] = next++;
				calls.push_back(std::make_pair(call, i));
			}
		}
	}
	CFGPostDomTree pdt(cfg.get());
	for (i = nblocks - 1; i >= 0; i--) {
		const CFGBlock *cb = state.by_id[i];
		int first = unit->ncalls;

		if (!cb || !state.reachable[i])
			continue;
		for (CFGBlock::const_iterator e = cb->begin(); e != cb->end(); ++e) {
			Optional<CFGStmt> cs = e->getAs<CFGStmt>();
			const Stmt *s = cs ? cs->getStmt() : NULL;

			if (!s)
				continue;
			if (const CallExpr *call = dyn_cast<CallExpr>(s)) {
				if (!skip_call(call))
					record_call(call, i, &pdt);
			} else if (const BinaryOperator *op =
				   dyn_cast<BinaryOperator>(s)) {
				if (op->getOpcode() == BO_Assign)
					record_store(op, i);
			}
		}
		unit->blocks[unit_block(i)].first_call = first;
		unit->blocks[unit_block(i)].ncalls = unit->ncalls - first;
	}
	for (i = 0; i < (int)calls.size(); i++)
		record_alternatives(calls[i].first, state.call_ids[calls[i].first]);
	record_flow();
	record_vars(locals);
	fs = NULL;
}

/* --------------------------------------------------------------- drivers */

/* A field initialised to a nonzero constant (.suppress_bind_attrs = true). */
static int is_set(const Expr *value)
{
	Expr::EvalResult r;

	return !value->isValueDependent() && value->EvaluateAsInt(r, *ctx) &&
	       r.Val.getInt() != 0;
}

static const char *function_in(const Expr *value)
{
	const Expr *e = value->IgnoreParenCasts();
	const DeclRefExpr *d;

	if (const UnaryOperator *op = dyn_cast<UnaryOperator>(e))
		if (op->getOpcode() == UO_AddrOf)
			e = op->getSubExpr()->IgnoreParenCasts();
	d = dyn_cast<DeclRefExpr>(e);
	if (d && isa<FunctionDecl>(d->getDecl()))
		return name_of(d->getDecl());
	return NULL;
}

/*
 * One level of an initializer: .probe and .remove (or .remove_new, which
 * sits in an anonymous union in struct platform_driver, or .disconnect:
 * the rules' probe-field and remove-field) belong to the same driver;
 * named nested initializers (.driver = {...}) are levels of their own.
 */
static void scan_level(const InitListExpr *init, const RecordDecl *rd,
		       struct td_driver *d, const char *object, int depth)
{
	unsigned int i;
	RecordDecl::field_iterator field;

	if (depth > 6)
		return;
	if (init->isSemanticForm() == false && init->getSemanticForm())
		init = init->getSemanticForm();
	if (rd)
		field = rd->field_begin();
	for (i = 0; i < init->getNumInits(); i++) {
		const Expr *value = init->getInit(i);
		const FieldDecl *fd = NULL;

		if (rd && rd->isUnion())
			fd = init->getInitializedFieldInUnion();
		else if (rd && field != rd->field_end())
			fd = *field++;
		if (!value || isa<ImplicitValueInitExpr>(value))
			continue;
		if (const InitListExpr *inner = dyn_cast<InitListExpr>(value)) {
			QualType t = inner->getType();
			const RecordDecl *ird = t->getAsRecordDecl();

			if (fd && !fd->getIdentifier()) {
				scan_level(inner, ird, d, object, depth + 1);
			} else {
				struct td_driver in;

				memset(&in, 0, sizeof(in));
				scan_level(inner, ird, &in, object, depth + 1);
				if (in.probe || in.remove) {
					in.object = object;
					in.loc = d->loc;
					td_add_driver(unit, &in);
				} else {
					/* .driver = { .suppress_bind_attrs } */
					d->no_unbind |= in.no_unbind;
				}
			}
			continue;
		}
		if (!fd || !fd->getIdentifier())
			continue;
		std::string name = fd->getName().str();
		if (td_rules_find(rules, TD_RULE_PROBE_FIELD, name.c_str()))
			d->probe = function_in(value);
		else if (td_rules_find(rules, TD_RULE_REMOVE_FIELD, name.c_str()))
			d->remove = function_in(value);
		else if (td_rules_find(rules, TD_RULE_NOUNBIND_FIELD,
				       name.c_str()))
			d->no_unbind = is_set(value);
		else {
			td_mark_in_ops(unit, function_in(value));
			td_add_op(unit, rd ? type_tag(QualType(rd->getTypeForDecl(), 0)) : NULL,
				  td_strdup(unit, name.c_str()),
				  function_in(value));
		}
	}
}

/* module_init(fn) makes init_module an alias of fn; likewise module_exit. */
static const char *alias_target(TranslationUnitDecl *tu, const char *alias)
{
	for (Decl *decl : tu->decls()) {
		const FunctionDecl *fd = dyn_cast<FunctionDecl>(decl);
		const AliasAttr *attr;

		if (!fd || !fd->getIdentifier() || fd->getName() != alias)
			continue;
		if ((attr = fd->getAttr<AliasAttr>()))
			return td_strdup(unit, attr->getAliasee().str().c_str());
	}
	return NULL;
}

static void scan_module(TranslationUnitDecl *tu)
{
	struct td_driver d;

	memset(&d, 0, sizeof(d));
	d.module = 1;
	d.object = "module";
	d.probe = alias_target(tu, "init_module");
	d.remove = alias_target(tu, "cleanup_module");
	if (d.probe && td_find_function(unit, d.probe) >= 0) {
		d.loc = unit->funcs[td_find_function(unit, d.probe)].loc;
		td_add_driver(unit, &d);
	}
}

static void scan_drivers(TranslationUnitDecl *tu)
{
	for (Decl *decl : tu->decls()) {
		const VarDecl *var = dyn_cast<VarDecl>(decl);
		const InitListExpr *init;
		struct td_driver d;

		if (!var || !var->isThisDeclarationADefinition() ||
		    !var->getIdentifier() || !var->getInit())
			continue;
		init = dyn_cast<InitListExpr>(var->getInit()->IgnoreParens());
		if (!init)
			continue;
		memset(&d, 0, sizeof(d));
		d.object = name_of(var);
		d.loc = make_loc(var->getLocation());
		scan_level(init, var->getType()->getAsRecordDecl(), &d,
			   d.object, 0);
		if (d.probe || d.remove)
			td_add_driver(unit, &d);
	}
}

/* --------------------------------------------------------------- reports */

static void report(const struct td_finding *f, void *data)
{
	bool werror = diags->getWarningsAsErrors();
	bool ignore = diags->getIgnoreAllWarnings();
	unsigned int warn, note;
	int i;

	(void)data;
	if (records) {
		td_record_finding(records, f);
		return;
	}
	warn = diags->getCustomDiagID(DiagnosticsEngine::Warning, "%0");
	note = diags->getCustomDiagID(DiagnosticsEngine::Note, "%0");
	/* Our findings must not fail a -Werror build, nor vanish under -w. */
	if (!keep_werror)
		diags->setWarningsAsErrors(false);
	diags->setIgnoreAllWarnings(false);
	{
		DiagnosticBuilder b = diags->Report(
			SourceLocation::getFromRawEncoding(f->loc.fe), warn);

		b << f->msg;
		if (f->fix_text && f->fix_loc.fe) {
			std::string line = std::string("\t") + f->fix_text + "\n";

			b << FixItHint::CreateInsertion(
				SourceLocation::getFromRawEncoding(f->fix_loc.fe),
				line);
		}
	}
	for (i = 0; i < f->nnotes; i++)
		diags->Report(SourceLocation::getFromRawEncoding(f->note[i].loc.fe),
			      note) << f->note[i].msg;
	diags->setWarningsAsErrors(werror);
	diags->setIgnoreAllWarnings(ignore);
}

/* ------------------------------------------------------------------ unit */

/* The functions a body or an initializer refers to. */
class function_refs : public RecursiveASTVisitor<function_refs> {
public:
	std::vector<const FunctionDecl *> found;

	bool VisitDeclRefExpr(DeclRefExpr *ref)
	{
		const FunctionDecl *fd = dyn_cast<FunctionDecl>(ref->getDecl());

		if (fd && (fd = fd->getDefinition()))
			found.push_back(fd);
		return true;
	}
};

/*
 * The functions GCC has a body for: the public ones, those marked used,
 * those module_init() and the unit's variables refer to, and what they
 * refer to in turn.  An inline function of a header that only another
 * unused inline calls has none.
 */
static void kept_functions(TranslationUnitDecl *tu,
			   std::vector<const FunctionDecl *> *out)
{
	llvm::DenseMap<const FunctionDecl *, bool> seen;
	function_refs refs;
	unsigned int i;

	for (Decl *decl : tu->decls()) {
		if (const FunctionDecl *fd = dyn_cast<FunctionDecl>(decl)) {
			const AliasAttr *alias = fd->getAttr<AliasAttr>();

			if (fd->doesThisDeclarationHaveABody() &&
			    ((fd->isExternallyVisible() && !fd->isInlined()) ||
			     fd->hasAttr<UsedAttr>()))
				refs.found.push_back(fd);
			if (alias)
				for (Decl *d : tu->decls()) {
					const FunctionDecl *t = dyn_cast<FunctionDecl>(d);

					if (t && t->getIdentifier() &&
					    t->getName() == alias->getAliasee() &&
					    t->doesThisDeclarationHaveABody())
						refs.found.push_back(t);
				}
		} else if (const VarDecl *var = dyn_cast<VarDecl>(decl)) {
			if (var->getInit())
				refs.TraverseStmt(const_cast<Expr *>(var->getInit()));
		}
	}
	for (i = 0; i < refs.found.size(); i++) {
		const FunctionDecl *fd = refs.found[i];

		if (seen.count(fd) || !fd->doesThisDeclarationHaveABody() ||
		    fd->isDependentContext() || fd->hasAttr<AliasAttr>())
			continue;
		seen[fd] = true;
		out->push_back(fd);
		refs.TraverseStmt(fd->getBody());
	}
}

/*
 * A bug of ours must not break the build: a fault while checking ends the
 * check of this unit with one line, and compilation goes on.
 */
static sigjmp_buf recover;

static void on_fault(int sig)
{
	siglongjmp(recover, sig);
}

/* The facts of the unit, for the command to link with its other files. */
static void write_facts(void)
{
	char *text;
	FILE *out;
	int failed;

	/* the files clang read for the unit, for the command to see change */
	for (SourceManager::fileinfo_iterator it = sm->fileinfo_begin();
	     it != sm->fileinfo_end(); ++it)
		td_add_dep(unit, it->first->getName().str().c_str());
	text = td_facts_write(unit);
	out = text ? fopen(facts_path.c_str(), "w") : NULL;
	failed = !out;

	if (out) {
		failed = fputs(text, out) < 0;
		failed |= fclose(out) != 0;
	}
	if (failed)
		fprintf(stderr, "teardown-check: cannot write the facts to '%s': %s\n",
			facts_path.c_str(), strerror(errno));
	free(text);
}

static void check_unit(TranslationUnitDecl *tu, struct td_stats *stats)
{
	std::vector<const FunctionDecl *> fns;
	unsigned int i;

	kept_functions(tu, &fns);
	for (i = 0; i < fns.size(); i++)
		add_function(fns[i]);
	/* the same order: function fn is the fn-th added */
	for (i = 0; i < fns.size(); i++)
		scan_function(fns[i], (int)i);
	scan_drivers(tu);
	scan_module(tu);
	if (dump_facts)
		td_unit_dump(unit, stderr);
	if (selftest_fault)
		raise(SIGSEGV);
	if (!facts_path.empty())
		write_facts();
	td_check_unit(unit, rules, &options, stats, report, NULL);
}

class teardown_consumer : public ASTConsumer {
public:
	void HandleTranslationUnit(ASTContext &context) override
	{
		struct td_faults saved;
		struct td_stats stats;
		const char *file;
		int sig;

		diags = &context.getDiagnostics();
		if (diags->hasErrorOccurred())
			return;
		ctx = &context;
		sm = &context.getSourceManager();
		file = sm->getFileEntryForID(sm->getMainFileID()) ?
		       strdup(sm->getFileEntryForID(sm->getMainFileID())->
			      getName().str().c_str()) : strdup("-");
		unit = td_unit_new(file);
		memset(&stats, 0, sizeof(stats));
		td_catch_faults(&saved, on_fault);
		sig = sigsetjmp(recover, 1);
		if (!sig)
			check_unit(context.getTranslationUnitDecl(), &stats);
		else
			td_report_fault(file, sig);
		td_restore_faults(&saved);
		if (records && !sig)
			td_record_stats(records, file, &stats);
		if (print_stats && !sig)
			td_print_stats(stderr, file, &stats);
		if (records)
			fflush(records);
		td_unit_free(unit);
		unit = NULL;
		free((void *)file);
		if (sig) {
			fflush(stderr);
			exit(1);
		}
	}
};

/* Default rules: rules/teardown.rules beside the plugin's directory. */
static std::string default_rules_path(void)
{
	Dl_info info;
	std::string dir = ".";
	std::string path;
	FILE *f;

	if (dladdr((void *)&default_rules_path, &info) && info.dli_fname) {
		const char *slash = strrchr(info.dli_fname, '/');

		if (slash)
			dir = std::string(info.dli_fname, slash - info.dli_fname);
	}
	path = dir + "/rules/teardown.rules";
	if ((f = fopen(path.c_str(), "r"))) {
		fclose(f);
		return path;
	}
	return dir + "/../rules/teardown.rules";
}

class teardown_action : public PluginASTAction {
protected:
	std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &ci,
						       StringRef) override
	{
		return std::make_unique<teardown_consumer>();
	}

	bool ParseArgs(const CompilerInstance &ci,
		       const std::vector<std::string> &args) override
	{
		DiagnosticsEngine &d = ci.getDiagnostics();
		unsigned int bad = d.getCustomDiagID(DiagnosticsEngine::Error,
						     "teardown-check: %0");
		std::string rules_path;
		char err[1024];
		unsigned int i;
		int kver = 0;

		for (i = 0; i < args.size(); i++) {
			std::string key = args[i], value;
			size_t eq = key.find('=');
			bool has_value = eq != std::string::npos;

			if (has_value) {
				value = key.substr(eq + 1);
				key = key.substr(0, eq);
			}
			if (key == "rules" && has_value)
				rules_path = value;
			else if (key == "kernel" && has_value) {
				kver = td_parse_kernel_version(value.c_str());
				if (kver <= 0) {
					d.Report(bad) << ("'-fplugin-arg-teardown_check-kernel=" +
							  value + "' is not a kernel version such as 7.3");
					return false;
				}
			} else if (key == "disable" && has_value)
				options.disabled = strdup(value.c_str());
			else if (key == "enable" && has_value)
				options.enabled = strdup(value.c_str());
			else if (key == "confidence" && has_value) {
				options.confidence = td_confidence_parse(
					value.c_str(), err, sizeof(err));
				if (!options.confidence) {
					d.Report(bad) << err;
					return false;
				}
			}
			else if (key == "stop")
				;	/* clang -fsyntax-only stops by itself */
			else if (key == "werror")
				keep_werror = true;
			else if (key == "stats")
				print_stats = true;
			else if (key == "trace")
				options.trace = 1;
			else if (key == "explain")
				options.explain = 1;
			else if (key == "dump")
				dump_facts = true;
			else if (key == "records" && has_value) {
				records = fopen(value.c_str(), "a");
				if (!records) {
					d.Report(bad) << ("cannot write records to '" +
							  value + "': " +
							  strerror(errno));
					return false;
				}
			} else if (key == "facts" && has_value) {
				facts_path = value;
			} else if (key == "selftest-fault")
				selftest_fault = true;
			else {
				d.Report(bad) << ("unknown option '-fplugin-arg-teardown_check-" +
						  args[i] + "'");
				return false;
			}
		}
		if (rules_path.empty())
			rules_path = default_rules_path();
		/*
		 * KCFLAGS=-fplugin=...: clang runs in the objtree, or (an
		 * external module since Linux 6.13) in the module's
		 * directory with the objtree's include/ among its -I options.
		 */
		if (!kver) {
			std::vector<std::string> dirs;
			std::vector<char *> argv;

			for (const auto &e : ci.getHeaderSearchOpts().UserEntries)
				dirs.push_back("-I" + e.Path);
			for (auto &d : dirs)
				argv.push_back(&d[0]);
			kver = td_kernel_version_of_argv(argv.data(),
							 (int)argv.size(), NULL);
		}
		rules = td_rules_load(rules_path.c_str(), kver, err, sizeof(err));
		if (!rules) {
			d.Report(bad) << err;
			return false;
		}
		if (td_unknown_tag(rules, options.enabled, err, sizeof(err)) ||
		    td_unknown_tag(rules, options.disabled, err, sizeof(err))) {
			d.Report(bad) << err;
			return false;
		}
		return true;
	}

	ActionType getActionType() override
	{
		return AddAfterMainAction;
	}
};

static FrontendPluginRegistry::Add<teardown_action>
	registration("teardown_check",
		     "teardown-check: reports driver resources that remove() does not release");
