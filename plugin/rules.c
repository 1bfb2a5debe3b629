// SPDX-License-Identifier: GPL-2.0
/*
 * Reader of the resource model in rules/teardown.rules (format in
 * docs/rules.md).  Any error is one line "file:line: message" and no rules.
 */
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include "teardown.h"

#define MAX_WORDS 32

struct parser {
	const char *path;
	int kver;		/* the kernel checked: TD_KVER(), 0, TD_KVER_ANY */
	int line;
	char *err;
	size_t errlen;
	struct td_rules *rules;
	int families_cap, rules_cap;
};

static int fail(struct parser *p, const char *msg, const char *what)
{
	snprintf(p->err, p->errlen, "%s:%d: %s%s%s", p->path, p->line, msg,
		 what ? ": " : "", what ? what : "");
	return -1;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = (char *)malloc(n);

	if (d)
		memcpy(d, s, n);
	return d;
}

/* Split a line into words; "..." groups blanks into one word. */
static int split(struct parser *p, char *s, char **word)
{
	int n = 0;

	for (;;) {
		while (isspace((unsigned char)*s))
			s++;
		if (!*s || *s == '#')
			return n;
		if (n == MAX_WORDS)
			return fail(p, "too many words", NULL);
		word[n++] = s;
		while (*s && !isspace((unsigned char)*s)) {
			if (*s == '"') {
				char *close = strchr(s + 1, '"');

				if (!close)
					return fail(p, "unterminated quote", NULL);
				memmove(s, s + 1, close - s - 1);
				memmove(close - 1, close + 1, strlen(close + 1) + 1);
				s = close - 1;
				continue;
			}
			s++;
		}
		if (*s)
			*s++ = '\0';
	}
}

/* "arg3" -> 3, "ret" -> TD_RET */
static int parse_arg(struct parser *p, const char *key, const char *v)
{
	char *end;
	long n;

	if (!strcmp(v, "ret"))
		return TD_RET;
	if (strncmp(v, "arg", 3))
		return fail(p, "expected argN or ret for", key) - 100;
	n = strtol(v + 3, &end, 10);
	if (end == v + 3 || *end || n < 0 || n >= TD_MAX_ARGS)
		return fail(p, "bad argument index for", key) - 100;
	return (int)n;
}

static int find_family(const struct td_rules *r, const char *name)
{
	int i;

	for (i = 0; i < r->nfamilies; i++)
		if (!strcmp(r->families[i].name, name))
			return i;
	return -1;
}

static int parse_family(struct parser *p, char **w, int n)
{
	struct td_rules *r = p->rules;
	struct td_family *f;
	int i;

	if (n < 2)
		return fail(p, "family needs a name", NULL);
	if (find_family(r, w[1]) >= 0)
		return fail(p, "family defined twice", w[1]);
	if (r->nfamilies == p->families_cap) {
		p->families_cap = p->families_cap ? 2 * p->families_cap : 16;
		r->families = (struct td_family *)realloc(r->families,
				p->families_cap * sizeof(*r->families));
	}
	f = &r->families[r->nfamilies++];
	memset(f, 0, sizeof(*f));
	f->name = xstrdup(w[1]);
	for (i = 2; i < n; i++) {
		char *eq = strchr(w[i], '=');
		const char **slot;

		if (!eq)
			return fail(p, "expected key=value", w[i]);
		*eq = '\0';
		if (!strcmp(w[i], "hold")) {
			if (strcmp(eq + 1, "armed") && strcmp(eq + 1, "acquired"))
				return fail(p, "hold= is armed or acquired", eq + 1);
			f->hold_armed = !strcmp(eq + 1, "armed");
			continue;
		}
		if (!strcmp(w[i], "scope")) {
			if (strcmp(eq + 1, "error") && strcmp(eq + 1, "all"))
				return fail(p, "scope= is error or all", eq + 1);
			f->error_only = !strcmp(eq + 1, "error");
			continue;
		}
		if (!strcmp(w[i], "tag"))
			slot = &f->tag;
		else if (!strcmp(w[i], "noun"))
			slot = &f->noun;
		else if (!strcmp(w[i], "did"))
			slot = &f->did;
		else if (!strcmp(w[i], "undone"))
			slot = &f->undone;
		else if (!strcmp(w[i], "type"))
			slot = &f->type;
		else if (!strcmp(w[i], "fed"))
			slot = &f->fed;
		else if (!strcmp(w[i], "fix"))
			slot = &f->fix;
		else if (!strcmp(w[i], "drains"))
			slot = &f->drains;
		else
			return fail(p, "unknown family key", w[i]);
		*slot = xstrdup(eq + 1);
	}
	if (!f->tag || !f->noun || !f->did || !f->undone)
		return fail(p, "family needs tag=, noun=, did= and undone=", f->name);
	return 0;
}

static struct td_rule *new_rule(struct parser *p, enum td_rule_kind kind,
				const char *func)
{
	struct td_rules *r = p->rules;
	struct td_rule *rule;
	char where[512];

	if (r->nrules == p->rules_cap) {
		p->rules_cap = p->rules_cap ? 2 * p->rules_cap : 128;
		r->rules = (struct td_rule *)realloc(r->rules,
				p->rules_cap * sizeof(*r->rules));
	}
	rule = &r->rules[r->nrules++];
	memset(rule, 0, sizeof(*rule));
	rule->kind = kind;
	rule->family = -1;
	rule->func = xstrdup(func);
	rule->handle = rule->id = rule->callback = rule->thread = TD_NONE;
	rule->work = rule->wq = rule->data = TD_NONE;
	rule->param = 0;
	rule->driver = rule->probe = TD_NONE;
	snprintf(where, sizeof(where), "%s:%d", p->path, p->line);
	rule->where = xstrdup(where);
	return rule;
}

static int parse_keys(struct parser *p, struct td_rule *rule, char **w, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		char *eq = strchr(w[i], '=');
		int *argslot = NULL;

		if (!eq) {
			if (!strcmp(w[i], "managed") &&
			    (rule->kind == TD_RULE_ACQUIRE ||
			     rule->kind == TD_RULE_MACRO)) {
				rule->managed = 1;
				continue;
			}
			if (!strcmp(w[i], "bytype") &&
			    rule->kind == TD_RULE_ACQUIRE) {
				rule->bytype = 1;
				continue;
			}
			if (!strcmp(w[i], "final") &&
			    rule->kind == TD_RULE_RELEASE) {
				rule->final = 1;
				continue;
			}
			return fail(p, "expected key=value", w[i]);
		}
		*eq = '\0';
		if (!strcmp(w[i], "fix") && (rule->kind == TD_RULE_ACQUIRE ||
					      rule->kind == TD_RULE_MACRO)) {
			rule->fix = xstrdup(eq + 1);
			continue;
		}
		if (!strcmp(w[i], "fail") && rule->kind == TD_RULE_ACQUIRE) {
			static const char *const how[] = { "default",
				"nonzero", "negative", "zero", "null", "never" };
			unsigned int k;

			for (k = 0; k < sizeof(how) / sizeof(how[0]); k++)
				if (!strcmp(eq + 1, how[k]))
					break;
			if (k == sizeof(how) / sizeof(how[0]))
				return fail(p, "fail= is nonzero, negative, zero, null or never",
					    eq + 1);
			rule->fail = (enum td_fail)k;
			continue;
		}
		if (!strcmp(w[i], "use") && rule->kind == TD_RULE_ASYNC) {
			rule->use = xstrdup(eq + 1);
			continue;
		}
		if (!strcmp(w[i], "devres-if") && rule->kind == TD_RULE_ACQUIRE) {
			if (find_family(p->rules, eq + 1) < 0)
				return fail(p, "devres-if= names an unknown family", eq + 1);
			rule->devres_if = xstrdup(eq + 1);
			continue;
		}

		if (!strcmp(w[i], "handle"))
			argslot = &rule->handle;
		else if (!strcmp(w[i], "id"))
			argslot = &rule->id;
		else if (!strcmp(w[i], "callback"))
			argslot = &rule->callback;
		else if (!strcmp(w[i], "thread"))
			argslot = &rule->thread;
		else if (!strcmp(w[i], "work"))
			argslot = &rule->work;
		else if (!strcmp(w[i], "wq"))
			argslot = &rule->wq;
		else if (!strcmp(w[i], "data"))
			argslot = &rule->data;
		else if (!strcmp(w[i], "param") && rule->kind == TD_RULE_ACTION)
			argslot = &rule->param;
		else if (!strcmp(w[i], "driver"))
			argslot = &rule->driver;
		else if (!strcmp(w[i], "probe"))
			argslot = &rule->probe;
		if (!argslot)
			return fail(p, "unknown key", w[i]);
		*argslot = parse_arg(p, w[i], eq + 1);
		if (*argslot < TD_RET)
			return -1;
	}
	return 0;
}

static const struct {
	const char *word;
	enum td_rule_kind kind;
	int has_family;
} directives[] = {
	{ "acquire", TD_RULE_ACQUIRE, 1 },
	{ "release", TD_RULE_RELEASE, 1 },
	{ "async", TD_RULE_ASYNC, 1 },
	{ "store", TD_RULE_STORE, 1 },
	{ "queue", TD_RULE_QUEUE, 0 },
	{ "action", TD_RULE_ACTION, 0 },
	{ "probe-arg", TD_RULE_PROBE_ARG, 0 },
	{ "neutral", TD_RULE_NEUTRAL, 0 },
	{ "use", TD_RULE_USE, 1 },
	{ "quiesce", TD_RULE_QUIESCE, 1 },
	{ "resume", TD_RULE_RESUME, 1 },
	{ "free", TD_RULE_FREE, 0 },
	{ "failtest", TD_RULE_FAILTEST, 0 },
	{ "errcode", TD_RULE_ERRCODE, 0 },
	{ "macro", TD_RULE_MACRO, 1 },
	{ "probe-field", TD_RULE_PROBE_FIELD, 0 },
	{ "remove-field", TD_RULE_REMOVE_FIELD, 0 },
	{ "nounbind-field", TD_RULE_NOUNBIND_FIELD, 0 },
};

static int check_rule(struct parser *p, const struct td_rule *rule)
{
	switch (rule->kind) {
	case TD_RULE_QUIESCE:
	case TD_RULE_RESUME:
		if (rule->id == TD_NONE)
			return fail(p, "needs id=", rule->func);
		return 0;
	case TD_RULE_FREE:
	case TD_RULE_FAILTEST:
		if (rule->handle == TD_NONE)
			return fail(p, "needs handle=", rule->func);
		return 0;
	case TD_RULE_ACQUIRE:
	case TD_RULE_MACRO:
	case TD_RULE_RELEASE:
	case TD_RULE_ASYNC:
	case TD_RULE_USE:
		if (rule->handle == TD_NONE)
			return fail(p, "needs handle=", rule->func);
		if (rule->kind == TD_RULE_ASYNC && !rule->use)
			return fail(p, "async needs use=", rule->func);
		return 0;
	case TD_RULE_STORE:
		if (!strchr(rule->func, '.'))
			return fail(p, "store needs STRUCT.FIELD", rule->func);
		return 0;
	case TD_RULE_QUEUE:
		return rule->work == TD_NONE ? fail(p, "queue needs work=", rule->func) : 0;
	case TD_RULE_ACTION:
		if (rule->param < 0)
			return fail(p, "param= is an argument", rule->func);
		return rule->callback == TD_NONE ?
			fail(p, "action needs callback=", rule->func) : 0;
	case TD_RULE_PROBE_ARG:
		return rule->driver == TD_NONE || rule->probe == TD_NONE ?
			fail(p, "probe-arg needs driver= and probe=", rule->func) : 0;
	case TD_RULE_NEUTRAL:
	case TD_RULE_ERRCODE:
	case TD_RULE_PROBE_FIELD:
	case TD_RULE_REMOVE_FIELD:
	case TD_RULE_NOUNBIND_FIELD:
	case TD_RULE_NKINDS:
		return 0;
	}
	return 0;
}

/*
 * Take the kernel= conditions out of w: "kernel=<6.16", "kernel=>=6.16"
 * (both may be given, for a range).  Returns 1 if the line applies to the
 * kernel checked, 0 if not, -1 on error.
 */
static int kernel_condition(struct parser *p, char **w, int *n)
{
	int i, j, applies = 1;

	for (i = j = 0; i < *n; i++) {
		const char *c = w[i];
		int at_least, v;

		if (strncmp(c, "kernel=", 7)) {
			w[j++] = w[i];
			continue;
		}
		c += 7;
		at_least = !strncmp(c, ">=", 2);
		if (!at_least && *c != '<')
			return fail(p, "kernel= is <VERSION or >=VERSION", c);
		v = td_parse_kernel_version(c + (at_least ? 2 : 1));
		if (v < 0)
			return fail(p, "kernel= wants a version such as 6.16", c);
		if (p->kver == TD_KVER_ANY)
			continue;
		if (p->kver == 0 || (at_least ? p->kver < v : p->kver >= v))
			applies = 0;
	}
	*n = j;
	return applies;
}

static int parse_words(struct parser *p, char **w, int n)
{
	unsigned int d;
	int family = -1, first;

	if (!strcmp(w[0], "family"))
		return parse_family(p, w, n);
	for (d = 0; d < sizeof(directives) / sizeof(directives[0]); d++)
		if (!strcmp(w[0], directives[d].word))
			break;
	if (d == sizeof(directives) / sizeof(directives[0]))
		return fail(p, "unknown directive", w[0]);
	first = 1;
	if (directives[d].has_family) {
		if (n < 3)
			return fail(p, "expected FAMILY FUNCTION after", w[0]);
		family = find_family(p->rules, w[1]);
		if (family < 0)
			return fail(p, "unknown family", w[1]);
		first = 2;
	}
	if (n <= first)
		return fail(p, "missing function after", w[0]);
	/* lists of names */
	if (directives[d].kind == TD_RULE_NEUTRAL ||
	    directives[d].kind == TD_RULE_PROBE_FIELD ||
	    directives[d].kind == TD_RULE_REMOVE_FIELD ||
	    directives[d].kind == TD_RULE_NOUNBIND_FIELD) {
		int i;

		for (i = first; i < n; i++)
			new_rule(p, directives[d].kind, w[i]);
		return 0;
	}
	{
		struct td_rule *rule = new_rule(p, directives[d].kind, w[first]);

		rule->family = family;
		if (parse_keys(p, rule, w + first + 1, n - first - 1))
			return -1;
		return check_rule(p, rule);
	}
}

static void free_rule(struct td_rule *rule)
{
	free((char *)rule->func);
	free((char *)rule->fix);
	free((char *)rule->use);
	free((char *)rule->devres_if);
	free((char *)rule->where);
}

static int parse_line(struct parser *p, char *line)
{
	char *w[MAX_WORDS];
	int n = split(p, line, w);
	int applies, nrules = p->rules->nrules, ret, nwords = n;

	if (n <= 0)
		return n;
	applies = kernel_condition(p, w, &n);
	if (applies < 0)
		return -1;
	/* a family is the same in every kernel; its calls differ */
	if (n < nwords && !strcmp(w[0], "family"))
		return fail(p, "kernel= is for calls, not families", NULL);
	/* parsed all the same: a typo must not wait for the other kernel */
	ret = parse_words(p, w, n);
	if (!ret && !applies)
		while (p->rules->nrules > nrules)
			free_rule(&p->rules->rules[--p->rules->nrules]);
	return ret;
}

struct td_rules *td_rules_load(const char *path, int kver, char *err,
			       size_t errlen)
{
	struct parser p = { path, kver, 0, err, errlen, NULL, 0, 0 };
	char line[4096];
	FILE *f = fopen(path, "r");
	int ret = 0;

	if (!f) {
		snprintf(err, errlen, "%s: cannot open rules file", path);
		return NULL;
	}
	p.rules = (struct td_rules *)calloc(1, sizeof(*p.rules));
	while (!ret && fgets(line, sizeof(line), f)) {
		p.line++;
		if (!strchr(line, '\n') && !feof(f)) {
			ret = fail(&p, "line too long", NULL);
			break;
		}
		ret = parse_line(&p, line);
	}
	fclose(f);
	if (!ret && !p.rules->nfamilies) {
		p.line = 0;
		ret = fail(&p, "no family defined", NULL);
	}
	if (!ret && !td_rules_find(p.rules, TD_RULE_PROBE_FIELD, "probe")) {
		p.line = 0;
		ret = fail(&p, "no probe-field defined", NULL);
	}
	if (ret) {
		td_rules_free(p.rules);
		return NULL;
	}
	return p.rules;
}

static void index_forget(const struct td_rules *r);

void td_rules_free(struct td_rules *r)
{
	int i;

	if (!r)
		return;
	index_forget(r);
	for (i = 0; i < r->nfamilies; i++) {
		struct td_family *f = &r->families[i];

		free((char *)f->name);
		free((char *)f->tag);
		free((char *)f->noun);
		free((char *)f->did);
		free((char *)f->undone);
		free((char *)f->type);
		free((char *)f->fed);
		free((char *)f->fix);
	}
	for (i = 0; i < r->nrules; i++)
		free_rule(&r->rules[i]);
	free(r->families);
	free(r->rules);
	free(r);
}

/*
 * The engine asks for the rules of every call of a unit, for every kind:
 * a hash of the rules by function name turns each question into a probe
 * of one short chain instead of a scan of every rule.  It lives beside
 * struct td_rules, which the other front ends share, and is rebuilt when
 * the rules it was made for change (a parse still adding rules) or are
 * freed.  Chains keep the rules' order: the first match is the same.
 */
static struct {
	const struct td_rules *rules;	/* indexed */
	const struct td_rule *array;	/* its rules[] then ... */
	int nrules;			/* ... and how many */
	unsigned int mask;
	int *head;			/* bucket: first rule, or -1 */
	int *next;			/* rule: next in its bucket, or -1 */
} idx;

static unsigned int hash_name(const char *s)
{
	unsigned int h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static void index_drop(void)
{
	free(idx.head);
	free(idx.next);
	memset(&idx, 0, sizeof(idx));
}

/* r is freed: its address may be reused by other rules */
static void index_forget(const struct td_rules *r)
{
	if (idx.rules == r)
		index_drop();
}

/* Index r if it is not indexed yet; -1 without memory (then: scan). */
static int index_rules(const struct td_rules *r)
{
	unsigned int size = 64;
	int i;

	if (idx.rules == r && idx.array == r->rules && idx.nrules == r->nrules)
		return 0;
	index_drop();
	while (size < 2u * (unsigned int)r->nrules)
		size *= 2;
	idx.head = (int *)malloc(size * sizeof(int));
	idx.next = (int *)malloc((r->nrules + 1) * sizeof(int));
	if (!idx.head || !idx.next) {
		index_drop();
		return -1;
	}
	idx.mask = size - 1;
	for (i = 0; i < (int)size; i++)
		idx.head[i] = -1;
	/* backwards, so that each chain runs in the rules' order */
	for (i = r->nrules - 1; i >= 0; i--) {
		unsigned int b;

		idx.next[i] = -1;
		if (!r->rules[i].func)
			continue;
		b = hash_name(r->rules[i].func) & idx.mask;
		idx.next[i] = idx.head[b];
		idx.head[b] = i;
	}
	idx.rules = r;
	idx.array = r->rules;
	idx.nrules = r->nrules;
	return 0;
}

/* Does the rule answer a question about func of this kind? */
static int rule_is(const struct td_rule *rule, int known,
		   enum td_rule_kind kind, const char *func)
{
	if (known ? rule->kind == TD_RULE_STORE ||
		    rule->kind == TD_RULE_PROBE_FIELD ||
		    rule->kind == TD_RULE_REMOVE_FIELD ||
		    rule->kind == TD_RULE_NOUNBIND_FIELD : rule->kind != kind)
		return 0;
	return !strcmp(rule->func, func);
}

/* The first rule for func of this kind (known: of any kind a call has). */
static const struct td_rule *lookup(const struct td_rules *r, int known,
				    enum td_rule_kind kind, const char *func)
{
	int i;

	if (!func)
		return NULL;
	if (index_rules(r)) {
		for (i = 0; i < r->nrules; i++)
			if (rule_is(&r->rules[i], known, kind, func))
				return &r->rules[i];
		return NULL;
	}
	for (i = idx.head[hash_name(func) & idx.mask]; i >= 0; i = idx.next[i])
		if (rule_is(&r->rules[i], known, kind, func))
			return &r->rules[i];
	return NULL;
}

const struct td_rule *td_rules_find(const struct td_rules *r,
				    enum td_rule_kind kind, const char *func)
{
	return lookup(r, 0, kind, func);
}

int td_rules_known(const struct td_rules *r, const char *func)
{
	return lookup(r, 1, TD_RULE_STORE, func) != NULL;
}

/* A release of the family after which nothing can arm it again, or NULL. */
const struct td_rule *td_rules_final_release(const struct td_rules *r,
					     int family)
{
	int i;

	for (i = 0; i < r->nrules; i++)
		if (r->rules[i].kind == TD_RULE_RELEASE &&
		    r->rules[i].family == family && r->rules[i].final)
			return &r->rules[i];
	return NULL;
}

/* Is name, less a trailing _noprof (alloc_hooks()), the same as want? */
static int same_api(const char *name, const char *want)
{
	size_t n = strlen(name), k = strlen(want);

	if (n == k + 7 && !strcmp(name + k, "_noprof"))
		n = k;
	return n == k && !strncmp(name, want, k);
}

/*
 * The managed acquire that replaces func in its family: the kernel names
 * them devm_FUNC, dmam_ for dma_ and pcim_ for pci_ (dmam_alloc_coherent,
 * pcim_iomap).  A macro acquisition (INIT_WORK, or func NULL: the store it
 * leaves) takes its family's one managed acquire (devm_work_autocancel).
 * Written to buf as the source spells it; returns 0 if there is none.
 */
int td_rules_managed_variant(const struct td_rules *r, int family,
			     const char *func, int macro, char *buf,
			     size_t len)
{
	const struct td_rule *found = NULL;
	char want[256];
	int i, count = 0;

	want[0] = '\0';
	if (func && !strncmp(func, "dma_", 4))
		snprintf(want, sizeof(want), "dmam_%s", func + 4);
	else if (func && !strncmp(func, "pci_", 4))
		snprintf(want, sizeof(want), "pcim_%s", func + 4);
	else if (func)
		snprintf(want, sizeof(want), "devm_%s", func);
	for (i = 0; i < r->nrules; i++) {
		const struct td_rule *rule = &r->rules[i];

		if (rule->kind != TD_RULE_ACQUIRE || rule->family != family ||
		    !rule->managed || rule->bytype)
			continue;
		if (want[0] && same_api(rule->func, want)) {
			found = rule;
			count = 1;
			break;
		}
		if (macro && (!found || strcmp(found->func, rule->func))) {
			found = rule;
			count++;
		}
	}
	if (count != 1)
		return 0;
	snprintf(buf, len, "%s", found->func);
	if (strlen(buf) > 7 && !strcmp(buf + strlen(buf) - 7, "_noprof"))
		buf[strlen(buf) - 7] = '\0';
	return 1;
}

/* The checks' own tags, and what each says; the others are families'. */
static const struct {
	const char *tag;
	const char *summary;
} check_tags[] = {
	{ "teardown-async", "teardown stops a callback without waiting for it to finish" },
	{ "teardown-order", "remove() releases a resource while a source that feeds it is still live" },
	{ "teardown-devm-order", "devres releases a resource while a managed source that feeds it is still live" },
	{ "teardown-mmio-dma", "MMIO is unmapped before the DMA the device may still do is released" },
	{ "teardown-rearm", "a timer and another source re-arm each other, so a synchronous delete cannot stop them" },
	{ "teardown-use-after-free", "driver memory is freed while a callback that uses it can still run" },
	{ "teardown-error-path", "a probe failure path returns with a resource still held" },
	{ "teardown-error-order", "a probe failure path releases a resource while its source is still live" },
};

static int family_of_tag(const struct td_rules *r, const char *tag, size_t len)
{
	int f;

	/* scope=error families report as teardown-error-path */
	for (f = 0; f < r->nfamilies; f++)
		if (!r->families[f].error_only &&
		    strlen(r->families[f].tag) == len &&
		    !strncmp(r->families[f].tag, tag, len))
			return f;
	return -1;
}

int td_rules_known_tag(const struct td_rules *r, const char *tag, size_t len)
{
	unsigned int i;

	for (i = 0; i < sizeof(check_tags) / sizeof(check_tags[0]); i++)
		if (strlen(check_tags[i].tag) == len &&
		    !strncmp(check_tags[i].tag, tag, len))
			return 1;
	return family_of_tag(r, tag, len) >= 0;
}

void td_rules_tag_summary(const struct td_rules *r, const char *tag,
			  char *buf, size_t len)
{
	unsigned int i;
	int f = family_of_tag(r, tag, strlen(tag));

	for (i = 0; i < sizeof(check_tags) / sizeof(check_tags[0]); i++)
		if (!strcmp(check_tags[i].tag, tag)) {
			snprintf(buf, len, "%s", check_tags[i].summary);
			return;
		}
	if (f < 0)
		snprintf(buf, len, "%s", tag);
	else if (r->families[f].error_only)
		snprintf(buf, len, "%s %s in probe() is not %s on its failure paths",
			 r->families[f].noun, r->families[f].did,
			 r->families[f].undone);
	else
		snprintf(buf, len, "%s %s in probe() is never %s on remove",
			 r->families[f].noun, r->families[f].did,
			 r->families[f].undone);
}

int td_in_list(const char *list, const char *word)
{
	size_t n = strlen(word);

	while (list && *list) {
		if (!strncmp(list, word, n) && (list[n] == ',' || !list[n]))
			return 1;
		list = strchr(list, ',');
		if (list)
			list++;
	}
	return 0;
}

static const char *const confidence_names[] = {
	[TD_CONFIDENCE_LOW] = "low",
	[TD_CONFIDENCE_MEDIUM] = "medium",
	[TD_CONFIDENCE_HIGH] = "high",
};

enum td_confidence td_confidence_parse(const char *name, char *err,
				       size_t errlen)
{
	int i;

	for (i = TD_CONFIDENCE_LOW; i <= TD_CONFIDENCE_HIGH; i++)
		if (name && !strcmp(name, confidence_names[i]))
			return (enum td_confidence)i;
	snprintf(err, errlen,
		 "unknown confidence '%s' (low, medium or high)",
		 name ? name : "");
	return (enum td_confidence)0;
}

const char *td_confidence_name(enum td_confidence level)
{
	return level >= TD_CONFIDENCE_LOW && level <= TD_CONFIDENCE_HIGH ?
	       confidence_names[level] : "high";
}

int td_unknown_tag(const struct td_rules *r, const char *list, char *err,
		   size_t errlen)
{
	while (list && *list) {
		size_t n = strcspn(list, ",");

		if (n && !td_rules_known_tag(r, list, n)) {
			snprintf(err, errlen,
				 "unknown check tag '%.*s' (the tags are listed in docs/warnings.md)",
				 (int)n, list);
			return -1;
		}
		list += n;
		if (*list)
			list++;
	}
	return 0;
}
