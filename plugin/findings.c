// SPDX-License-Identifier: GPL-2.0
/*
 * Findings in tree and gate modes: read, fingerprint, baseline, print.
 *
 * A fingerprint names a finding by what it is about, not where it is:
 * the file (relative to the tree's root), the driver object, the
 * function, the check's tag and the resource's key (two keys for an
 * ordering).  Line numbers and message text are left out, so edits
 * elsewhere in the file do not turn a known finding into a new one.
 */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "findings.h"

#define BASELINE_HEADER "# teardown-check baseline"

static char *xstrdup(const char *s)
{
	char *d = strdup(s ? s : "");

	if (!d) {
		fputs("teardown-check: out of memory\n", stderr);
		exit(2);
	}
	return d;
}

char *td_root_path(const char *path, const char *cwd, const char *root,
		   char *out, size_t len)
{
	char joined[PATH_MAX * 2], real[PATH_MAX];
	const char *p = joined;
	size_t n;

	if (path[0] == '/' || !cwd)
		snprintf(joined, sizeof(joined), "%s", path);
	else
		snprintf(joined, sizeof(joined), "%s/%s", cwd, path);
	if (realpath(joined, real))
		p = real;
	n = root ? strlen(root) : 0;
	if (n && !strncmp(p, root, n) && p[n] == '/')
		p += n + 1;
	snprintf(out, len, "%s", p);
	return out;
}

struct td_found *td_results_add(struct td_results *rs)
{
	struct td_found *r;

	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? 2 * rs->cap : 64;
		rs->r = (struct td_found *)realloc(rs->r,
						    rs->cap * sizeof(*rs->r));
		if (!rs->r) {
			fputs("teardown-check: out of memory\n", stderr);
			exit(2);
		}
	}
	r = &rs->r[rs->n++];
	memset(r, 0, sizeof(*r));
	r->tag = xstrdup("");
	r->file = xstrdup("");
	r->driver = xstrdup("");
	r->function = xstrdup("");
	r->resource = xstrdup("");
	r->other = xstrdup("");
	r->msg = xstrdup("");
	return r;
}

/* Split a record line at tabs, in place; "-" is an empty field. */
static int fields(char *line, char **f, int max)
{
	int n = 0;

	line[strcspn(line, "\n")] = '\0';
	while (n < max) {
		f[n++] = line;
		line = strchr(line, '\t');
		if (!line)
			break;
		*line++ = '\0';
	}
	for (int i = 0; i < n; i++)
		if (!strcmp(f[i], "-"))
			f[i][0] = '\0';
	return n;
}

static void set(char **dst, const char *s)
{
	free(*dst);
	*dst = xstrdup(s);
}

static void stat_field(struct td_unit_stats *s, const char *f)
{
	static const struct {
		const char *name;
		size_t off;
	} counters[] = {
		{ "drivers=", offsetof(struct td_unit_stats, drivers) },
		{ "modules=", offsetof(struct td_unit_stats, modules) },
		{ "unkeyed=", offsetof(struct td_unit_stats, unkeyed) },
		{ "handed_off=", offsetof(struct td_unit_stats, handed_off) },
		{ "released_elsewhere=",
		  offsetof(struct td_unit_stats, released_elsewhere) },
		{ "error_undecided=",
		  offsetof(struct td_unit_stats, error_undecided) },
		{ "error_budget=", offsetof(struct td_unit_stats, error_budget) },
		{ "below_confidence=",
		  offsetof(struct td_unit_stats, below_confidence) },
	};
	unsigned int i;

	for (i = 0; i < sizeof(counters) / sizeof(counters[0]); i++)
		if (!strncmp(f, counters[i].name, strlen(counters[i].name)))
			*(int *)((char *)s + counters[i].off) +=
				atoi(f + strlen(counters[i].name));
}

int td_results_read(struct td_results *rs, const char *records,
		    const char *cwd)
{
	FILE *in = fopen(records, "r");
	int units;

	if (!in)
		return -1;
	units = td_results_read_stream(rs, in, cwd);
	fclose(in);
	return units;
}

int td_results_read_stream(struct td_results *rs, FILE *in, const char *cwd)
{
	struct td_found *last = NULL;
	char *line = NULL, *f[16], path[PATH_MAX];
	size_t cap = 0;
	int units = 0, n, i;

	while (getline(&line, &cap, in) > 0) {
		n = fields(line, f, 16);
		if (!strcmp(f[0], "finding") && (n == 10 || n == 11)) {
			last = td_results_add(rs);
			set(&last->tag, f[1]);
			set(&last->file, td_root_path(f[2], cwd, rs->root, path,
						      sizeof(path)));
			last->line = atoi(f[3]);
			last->col = atoi(f[4]);
			set(&last->driver, f[5]);
			set(&last->function, f[6]);
			set(&last->resource, f[7]);
			set(&last->other, f[8]);
			set(&last->msg, f[9]);
			last->confidence = n == 11 ?
				td_confidence_parse(f[10], NULL, 0) :
				(enum td_confidence)0;
			if (!last->confidence)
				last->confidence = TD_CONFIDENCE_HIGH;
		} else if (!strcmp(f[0], "note") && n == 5 && last &&
			   last->nnotes < TD_MAX_NOTES) {
			struct td_found_note *note = &last->note[last->nnotes++];

			note->file = xstrdup(td_root_path(f[1], cwd, rs->root,
							  path, sizeof(path)));
			note->line = atoi(f[2]);
			note->col = atoi(f[3]);
			note->msg = xstrdup(f[4]);
		} else if (!strcmp(f[0], "fix") && n == 5 && last) {
			set(&last->fix_file, td_root_path(f[1], cwd, rs->root,
							  path, sizeof(path)));
			last->fix_line = atoi(f[2]);
			last->fix_col = atoi(f[3]);
			set(&last->fix_text, f[4]);
		} else if (!strcmp(f[0], "stats")) {
			units++;
			rs->stats.units++;
			for (i = 2; i < n; i++)
				stat_field(&rs->stats, f[i]);
		}
	}
	free(line);
	return units;
}

char *td_records_rebase(const char *records, const char *cwd,
			const char *root)
{
	char *copy = xstrdup(records), *line, *next, *f[16];
	char path[PATH_MAX], *out = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&out, &len);
	int n, i, at;

	if (!mem) {
		free(copy);
		return NULL;
	}
	for (line = copy; *line; line = next) {
		next = line + strcspn(line, "\n");
		if (*next)
			*next++ = '\0';
		n = fields(line, f, 16);
		/* the field that names a file: finding's third, the others'
		 * second */
		at = !strcmp(f[0], "finding") ? 2 : 1;
		for (i = 0; i < n; i++) {
			const char *v = f[i];

			if (i == at && n > at && v[0])
				v = td_root_path(v, cwd, root, path,
						 sizeof(path));
			fprintf(mem, "%s%s", i ? "\t" : "", v[0] ? v : "-");
		}
		fputc('\n', mem);
	}
	fclose(mem);
	free(copy);
	return out;
}

/* FNV-1a, 64 bits: stable, and enough to tell a tree's findings apart. */
static void fingerprint(struct td_found *r)
{
	const char *part[] = { "teardown-check/v1", r->file, r->driver,
			       r->function, r->tag, r->resource, r->other };
	uint64_t h = 0xcbf29ce484222325ULL;
	unsigned int i;
	const char *s;

	for (i = 0; i < sizeof(part) / sizeof(part[0]); i++) {
		for (s = part[i]; ; s++) {
			h ^= (unsigned char)*s;
			h *= 0x100000001b3ULL;
			if (!*s)
				break;
		}
	}
	snprintf(r->fingerprint, sizeof(r->fingerprint), "%016llx",
		 (unsigned long long)h);
}

static int by_place(const void *a, const void *b)
{
	const struct td_found *x = (const struct td_found *)a;
	const struct td_found *y = (const struct td_found *)b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	if ((c = strcmp(x->tag, y->tag)))
		return c;
	return strcmp(x->msg, y->msg);
}

static void result_free(struct td_found *r)
{
	int i;

	free(r->tag);
	free(r->file);
	free(r->driver);
	free(r->function);
	free(r->resource);
	free(r->other);
	free(r->msg);
	free(r->fix_file);
	free(r->fix_text);
	for (i = 0; i < r->nnotes; i++) {
		free(r->note[i].file);
		free(r->note[i].msg);
	}
}

void td_results_finish(struct td_results *rs)
{
	int i, n = 0;

	if (rs->n)
		qsort(rs->r, rs->n, sizeof(*rs->r), by_place);
	for (i = 0; i < rs->n; i++) {
		if (n && !by_place(&rs->r[n - 1], &rs->r[i])) {
			result_free(&rs->r[i]);
			continue;
		}
		rs->r[n] = rs->r[i];
		fingerprint(&rs->r[n++]);
	}
	rs->n = n;
}

void td_results_filter(struct td_results *rs, const char *enabled,
		       const char *disabled, enum td_confidence least)
{
	int i, n = 0;

	for (i = 0; i < rs->n; i++) {
		/* the plugin honours inline suppressions itself */
		if ((enabled && !td_in_list(enabled, rs->r[i].tag)) ||
		    td_in_list(disabled, rs->r[i].tag) ||
		    (rs->frontend && !strcmp(rs->frontend, "cocci") &&
		     td_suppressed(rs->r[i].file, rs->r[i].line,
				   rs->r[i].tag))) {
			result_free(&rs->r[i]);
			continue;
		}
		if (rs->r[i].confidence < least) {
			rs->stats.below_confidence++;
			result_free(&rs->r[i]);
			continue;
		}
		rs->r[n++] = rs->r[i];
	}
	rs->n = n;
}

int td_baseline_write(const struct td_results *rs, const char *path,
		      char *err, size_t errlen)
{
	FILE *out = fopen(path, "w");
	int i;

	if (!out) {
		snprintf(err, errlen, "%s: cannot write the baseline: %s", path,
			 strerror(errno));
		return -1;
	}
	fprintf(out, "%s: findings already known, one per line (fingerprint, then what it hashes)\n",
		BASELINE_HEADER);
	fprintf(out, "# frontend %s\n", rs->frontend);
	for (i = 0; i < rs->n; i++) {
		const struct td_found *r = &rs->r[i];

		fprintf(out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r->fingerprint,
			r->tag, r->file, *r->driver ? r->driver : "-",
			*r->function ? r->function : "-",
			*r->resource ? r->resource : "-",
			*r->other ? r->other : "-");
	}
	if (fclose(out)) {
		snprintf(err, errlen, "%s: cannot write the baseline: %s", path,
			 strerror(errno));
		return -1;
	}
	return 0;
}

static int is_fingerprint(const char *s)
{
	int i;

	for (i = 0; i < 16; i++)
		if (!strchr("0123456789abcdef", s[i]) || !s[i])
			return 0;
	return !s[16] || s[16] == '\t' || s[16] == '\n';
}

int td_baseline_load(struct td_baseline *b, const char *path,
		     const char *frontend, char *err, size_t errlen)
{
	FILE *in = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0, header = 0;

	memset(b, 0, sizeof(*b));
	if (!in) {
		snprintf(err, errlen, "%s: cannot read the baseline: %s", path,
			 strerror(errno));
		return -1;
	}
	while (getline(&line, &cap, in) > 0) {
		lineno++;
		if (lineno == 1) {
			header = !strncmp(line, BASELINE_HEADER,
					  strlen(BASELINE_HEADER));
			if (!header)
				break;
			continue;
		}
		if (!strncmp(line, "# frontend ", 11)) {
			line[strcspn(line, "\n")] = '\0';
			/* the compilers' front ends make the same findings */
			if (strcmp(line + 11, frontend) &&
			    (!strcmp(line + 11, "cocci") ||
			     !strcmp(frontend, "cocci"))) {
				snprintf(err, errlen,
					 "%s:%d: the baseline was written by the %s front end and this run uses %s; rewrite it with --write-baseline",
					 path, lineno, line + 11, frontend);
				goto fail;
			}
			continue;
		}
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (!is_fingerprint(line)) {
			snprintf(err, errlen,
				 "%s:%d: not a baseline entry (expected a 16-digit fingerprint)",
				 path, lineno);
			goto fail;
		}
		b->fingerprint = (char (*)[17])realloc(b->fingerprint,
				(b->n + 1) * sizeof(*b->fingerprint));
		if (!b->fingerprint)
			goto fail;
		memcpy(b->fingerprint[b->n], line, 16);
		b->fingerprint[b->n++][16] = '\0';
	}
	if (!header) {
		snprintf(err, errlen,
			 "%s:1: not a teardown-check baseline (write one with --write-baseline)",
			 path);
		goto fail;
	}
	free(line);
	fclose(in);
	return 0;
fail:
	free(b->fingerprint);
	b->fingerprint = NULL;
	free(line);
	fclose(in);
	return -1;
}

void td_baseline_apply(struct td_results *rs, struct td_baseline *b)
{
	int i, k, n = 0;

	/* each entry hides one finding: a second, same-named one is new */
	for (i = 0; i < rs->n; i++) {
		for (k = 0; k < b->n; k++)
			if (!strcmp(b->fingerprint[k], rs->r[i].fingerprint))
				break;
		if (k < b->n) {
			b->fingerprint[k][0] = '\0';
			rs->baselined++;
			result_free(&rs->r[i]);
			continue;
		}
		rs->r[n++] = rs->r[i];
	}
	rs->n = n;
	free(b->fingerprint);
	b->fingerprint = NULL;
}

/* ------------------------------------------------------------ printing */

/* A path as a URI reference: unreserved characters and '/' as they are. */
static char *uri_of(const char *s)
{
	char *uri = (char *)malloc(3 * strlen(s) + 1), *o = uri;

	if (!uri)
		exit(2);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~/", c))
			*o++ = (char)c;
		else
			o += sprintf(o, "%%%02X", c);
	}
	*o = '\0';
	return uri;
}

/* Out of memory while building output: nothing sensible is left to do. */
static json_t *must(json_t *v)
{
	if (!v) {
		fputs("teardown-check: out of memory\n", stderr);
		exit(2);
	}
	return v;
}

/* A string, or null for none (jansson refuses NULL and invalid UTF-8). */
static json_t *str(const char *s)
{
	return s ? must(json_stringn_nocheck(s, strlen(s))) : json_null();
}

/*
 * SARIF's level and rank (0-100, how sure the tool is) for a confidence:
 * a low one is a note, so that a gate on warnings passes it.
 */
static const char *sarif_level(enum td_confidence c)
{
	return c == TD_CONFIDENCE_LOW ? "note" : "warning";
}

static double sarif_rank(enum td_confidence c)
{
	return c == TD_CONFIDENCE_LOW ? 30.0 :
	       c == TD_CONFIDENCE_MEDIUM ? 60.0 : 90.0;
}

/* The members a fingerprint hashes, beside file and tag, into o. */
static json_t *identity(json_t *o, const struct td_found *r)
{
	json_object_set_new(o, "driver", str(r->driver));
	json_object_set_new(o, "function", str(r->function));
	json_object_set_new(o, "resource", str(r->resource));
	json_object_set_new(o, "other", str(r->other));
	return o;
}

static void print_text(const struct td_results *rs, FILE *out)
{
	int i, k;

	for (i = 0; i < rs->n; i++) {
		const struct td_found *r = &rs->r[i];

		fprintf(out, "%s:%d:%d: warning: %s\n", r->file, r->line,
			r->col, r->msg);
		for (k = 0; k < r->nnotes; k++)
			fprintf(out, "%s:%d:%d: note: %s\n", r->note[k].file,
				r->note[k].line, r->note[k].col,
				r->note[k].msg);
		if (r->fix_file)
			fprintf(out, "%s:%d:%d: note: fix: insert '%s' before this line\n",
				r->fix_file, r->fix_line, r->fix_col,
				r->fix_text);
	}
}

static json_t *json_finding(const struct td_found *r)
{
	json_t *o = must(json_object()), *notes = must(json_array());
	int k;

	json_object_set_new(o, "tag", str(r->tag));
	json_object_set_new(o, "file", str(r->file));
	json_object_set_new(o, "line", json_integer(r->line));
	json_object_set_new(o, "column", json_integer(r->col));
	identity(o, r);
	json_object_set_new(o, "fingerprint", str(r->fingerprint));
	json_object_set_new(o, "confidence",
			    str(td_confidence_name(r->confidence)));
	json_object_set_new(o, "message", str(r->msg));
	for (k = 0; k < r->nnotes; k++)
		json_array_append_new(notes, must(json_pack("{s:o,s:i,s:i,s:o}",
			"file", str(r->note[k].file), "line", r->note[k].line,
			"column", r->note[k].col, "message",
			str(r->note[k].msg))));
	json_object_set_new(o, "notes", notes);
	json_object_set_new(o, "fix", !r->fix_file ? json_null() :
			    must(json_pack("{s:o,s:i,s:i,s:o}",
				"file", str(r->fix_file), "line", r->fix_line,
				"column", r->fix_col, "insert",
				str(r->fix_text))));
	return o;
}

static json_t *json_doc(const struct td_results *rs)
{
	json_t *doc = must(json_object()), *findings = must(json_array());
	int i;

	json_object_set_new(doc, "tool", str("teardown-check"));
	json_object_set_new(doc, "version", str(TD_VERSION));
	json_object_set_new(doc, "frontend", str(rs->frontend));
	json_object_set_new(doc, "root", str(rs->root));
	json_object_set_new(doc, "baselined", json_integer(rs->baselined));
	for (i = 0; i < rs->n; i++)
		json_array_append_new(findings, json_finding(&rs->r[i]));
	json_object_set_new(doc, "findings", findings);
	return doc;
}

/* "artifactLocation": a path under the root is relative to SRCROOT */
static json_t *sarif_artifact(const char *file)
{
	char *uri = uri_of(file);
	json_t *a = must(json_pack("{s:s}", "uri", uri));

	free(uri);
	if (file[0] != '/')
		json_object_set_new(a, "uriBaseId", str("SRCROOT"));
	return a;
}

/* A location object: "physicalLocation" and, given a message, "id". */
static json_t *sarif_location(const char *file, int line, int col, int id,
			      const char *msg)
{
	json_t *loc = must(json_object()), *region;

	if (msg) {
		json_object_set_new(loc, "id", json_integer(id));
		json_object_set_new(loc, "message",
				    must(json_pack("{s:o}", "text", str(msg))));
	}
	region = must(json_pack("{s:i}", "startLine", line > 0 ? line : 1));
	if (col > 0)
		json_object_set_new(region, "startColumn", json_integer(col));
	json_object_set_new(loc, "physicalLocation",
			    must(json_pack("{s:o,s:o}", "artifactLocation",
					   sarif_artifact(file), "region",
					   region)));
	return loc;
}

/* The distinct tags of the results, in order of first appearance. */
static int rule_index(const char **tags, int *ntags, const char *tag)
{
	int i;

	for (i = 0; i < *ntags; i++)
		if (!strcmp(tags[i], tag))
			return i;
	tags[(*ntags)++] = tag;
	return i;
}

/* The message without its " [tag]": SARIF gives the tag as ruleId. */
static json_t *sarif_message(const struct td_found *r)
{
	size_t n = strlen(r->msg), t = strlen(r->tag);

	if (n > t + 3 && r->msg[n - 1] == ']' && r->msg[n - t - 3] == ' ' &&
	    r->msg[n - t - 2] == '[' && !strncmp(r->msg + n - t - 1, r->tag, t))
		return must(json_stringn_nocheck(r->msg, n - t - 3));
	return str(r->msg);
}

static json_t *sarif_result(const struct td_found *r, int rule)
{
	json_t *res = must(json_object()), *related = must(json_array());
	char *text;
	int k, line = r->fix_line > 0 ? r->fix_line : 1;

	json_object_set_new(res, "ruleId", str(r->tag));
	json_object_set_new(res, "ruleIndex", json_integer(rule));
	json_object_set_new(res, "level", str(sarif_level(r->confidence)));
	json_object_set_new(res, "rank", json_real(sarif_rank(r->confidence)));
	json_object_set_new(res, "message", must(json_pack("{s:o}", "text",
			    sarif_message(r))));
	json_object_set_new(res, "locations", must(json_pack("[o]",
		sarif_location(r->file, r->line, r->col, 0, NULL))));
	for (k = 0; k < r->nnotes; k++)
		json_array_append_new(related, sarif_location(r->note[k].file,
			r->note[k].line, r->note[k].col, k, r->note[k].msg));
	if (r->nnotes)
		json_object_set_new(res, "relatedLocations", related);
	else
		json_decref(related);
	json_object_set_new(res, "partialFingerprints", must(json_pack(
		"{s:o}", "teardownCheck/v1", str(r->fingerprint))));
	json_object_set_new(res, "properties", identity(must(json_pack(
		"{s:s}", "confidence", td_confidence_name(r->confidence))), r));
	if (!r->fix_file)
		return res;
	text = (char *)malloc(strlen(r->fix_text) + 3);
	if (!text)
		exit(2);
	sprintf(text, "\t%s\n", r->fix_text);
	json_object_set_new(res, "fixes", must(json_pack(
		"[{s:{s:o},s:[{s:o,s:[{s:{s:i,s:i,s:i,s:i},s:{s:o}}]}]}]",
		"description", "text", str(r->fix_text),
		"artifactChanges", "artifactLocation",
		sarif_artifact(r->fix_file), "replacements",
		"deletedRegion", "startLine", line, "startColumn", 1,
		"endLine", line, "endColumn", 1,
		"insertedContent", "text", str(text))));
	free(text);
	return res;
}

static json_t *sarif_doc(const struct td_results *rs,
			 const struct td_rules *rules)
{
	const char **tags = (const char **)calloc(rs->n + 1, sizeof(*tags));
	json_t *doc, *run, *rulev = must(json_array()),
	       *results = must(json_array());
	char summary[512];
	int ntags = 0, i;

	if (!tags)
		exit(2);
	for (i = 0; i < rs->n; i++)
		rule_index(tags, &ntags, rs->r[i].tag);
	for (i = 0; i < ntags; i++) {
		td_rules_tag_summary(rules, tags[i], summary, sizeof(summary));
		json_array_append_new(rulev, must(json_pack(
			"{s:s,s:{s:o},s:{s:s}}", "id", tags[i],
			"shortDescription", "text", str(summary),
			"defaultConfiguration", "level", "warning")));
	}
	run = must(json_pack("{s:{s:{s:s,s:s,s:o}}}", "tool", "driver",
			     "name", "teardown-check", "version", TD_VERSION,
			     "rules", rulev));
	if (rs->root && rs->root[0] == '/') {
		/* the base is a directory: it ends in '/' */
		char *base = (char *)malloc(strlen(rs->root) + 9);

		if (!base)
			exit(2);
		sprintf(base, "file://%s/", rs->root);
		json_object_set_new(run, "originalUriBaseIds", must(json_pack(
			"{s:{s:o}}", "SRCROOT", "uri", str(base))));
		free(base);
	}
	json_object_set_new(run, "columnKind", str("unicodeCodePoints"));
	for (i = 0; i < rs->n; i++)
		json_array_append_new(results, sarif_result(&rs->r[i],
			rule_index(tags, &ntags, rs->r[i].tag)));
	json_object_set_new(run, "results", results);
	doc = must(json_pack("{s:s,s:s,s:[o]}", "$schema",
			     "https://json.schemastore.org/sarif-2.1.0.json",
			     "version", "2.1.0", "runs", run));
	free(tags);
	return doc;
}

void td_results_print(const struct td_results *rs, enum td_format format,
		      const struct td_rules *rules, FILE *out)
{
	json_t *doc;

	if (format == TD_FORMAT_TEXT) {
		print_text(rs, out);
		fflush(out);
		return;
	}
	doc = format == TD_FORMAT_JSON ? json_doc(rs) : sarif_doc(rs, rules);
	/* a write error stays on the stream: the caller reports it */
	if (!json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER))
		fputc('\n', out);
	json_decref(doc);
	fflush(out);
}

void td_results_keep(struct td_results *rs, const char *keep)
{
	int i, n = 0;

	for (i = 0; i < rs->n; i++)
		if (keep[i])
			rs->r[n++] = rs->r[i];
		else
			result_free(&rs->r[i]);
	rs->n = n;
}

void td_results_free(struct td_results *rs)
{
	int i;

	for (i = 0; i < rs->n; i++)
		result_free(&rs->r[i]);
	free(rs->r);
	rs->r = NULL;
	rs->n = rs->cap = 0;
}
