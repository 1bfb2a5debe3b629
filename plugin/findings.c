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
	struct td_found *last = NULL;
	char *line = NULL, *f[16], path[PATH_MAX];
	size_t cap = 0;
	int units = 0, n, i;

	if (!in)
		return -1;
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
	fclose(in);
	return units;
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
		if ((enabled && !td_in_list(enabled, rs->r[i].tag)) ||
		    td_in_list(disabled, rs->r[i].tag)) {
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

static void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

/* A path as a URI reference: unreserved characters and '/' as they are. */
static void uri_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~/", c))
			fputc(c, out);
		else
			fprintf(out, "%%%02X", c);
	}
	fputc('"', out);
}

/*
 * SARIF's level and rank (0-100, how sure the tool is) for a confidence:
 * a low one is a note, so that a gate on warnings passes it.
 */
static const char *sarif_level(enum td_confidence c)
{
	return c == TD_CONFIDENCE_LOW ? "note" : "warning";
}

static const char *sarif_rank(enum td_confidence c)
{
	return c == TD_CONFIDENCE_LOW ? "30.0" :
	       c == TD_CONFIDENCE_MEDIUM ? "60.0" : "90.0";
}

/* The members a fingerprint hashes, beside file and tag. */
static void identity(FILE *out, const struct td_found *r)
{
	fputs("\"driver\": ", out);
	json_string(out, r->driver);
	fputs(", \"function\": ", out);
	json_string(out, r->function);
	fputs(", \"resource\": ", out);
	json_string(out, r->resource);
	fputs(", \"other\": ", out);
	json_string(out, r->other);
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

static void print_json(const struct td_results *rs, FILE *out)
{
	int i, k;

	fputs("{\n  \"tool\": \"teardown-check\",\n  \"version\": \"" TD_VERSION "\",\n  \"frontend\": ",
	      out);
	json_string(out, rs->frontend);
	fputs(",\n  \"root\": ", out);
	json_string(out, rs->root);
	fprintf(out, ",\n  \"baselined\": %d,\n  \"findings\": [", rs->baselined);
	for (i = 0; i < rs->n; i++) {
		const struct td_found *r = &rs->r[i];

		fputs(i ? ",\n    {" : "\n    {", out);
		fputs("\"tag\": ", out);
		json_string(out, r->tag);
		fputs(", \"file\": ", out);
		json_string(out, r->file);
		fprintf(out, ", \"line\": %d, \"column\": %d", r->line, r->col);
		fputs(", ", out);
		identity(out, r);
		fprintf(out, ", \"fingerprint\": \"%s\", \"confidence\": \"%s\", \"message\": ",
			r->fingerprint, td_confidence_name(r->confidence));
		json_string(out, r->msg);
		fputs(", \"notes\": [", out);
		for (k = 0; k < r->nnotes; k++) {
			fputs(k ? ", {\"file\": " : "{\"file\": ", out);
			json_string(out, r->note[k].file);
			fprintf(out, ", \"line\": %d, \"column\": %d, \"message\": ",
				r->note[k].line, r->note[k].col);
			json_string(out, r->note[k].msg);
			fputc('}', out);
		}
		fputs("], \"fix\": ", out);
		if (r->fix_file) {
			fputs("{\"file\": ", out);
			json_string(out, r->fix_file);
			fprintf(out, ", \"line\": %d, \"column\": %d, \"insert\": ",
				r->fix_line, r->fix_col);
			json_string(out, r->fix_text);
			fputc('}', out);
		} else {
			fputs("null", out);
		}
		fputc('}', out);
	}
	fputs(rs->n ? "\n  ]\n}\n" : "]\n}\n", out);
}

/* "artifactLocation": a path under the root is relative to SRCROOT */
static void sarif_artifact(FILE *out, const char *file)
{
	fputs("\"artifactLocation\": {\"uri\": ", out);
	uri_string(out, file);
	if (file[0] != '/')
		fputs(", \"uriBaseId\": \"SRCROOT\"", out);
	fputs("}", out);
}

/* The members of a location object: "physicalLocation" and, if msg, "id". */
static void sarif_location(FILE *out, const char *file, int line, int col,
			   int id, const char *msg)
{
	fputc('{', out);
	if (msg) {
		fprintf(out, "\"id\": %d, \"message\": {\"text\": ", id);
		json_string(out, msg);
		fputs("}, ", out);
	}
	fputs("\"physicalLocation\": {", out);
	sarif_artifact(out, file);
	fprintf(out, ", \"region\": {\"startLine\": %d", line > 0 ? line : 1);
	if (col > 0)
		fprintf(out, ", \"startColumn\": %d", col);
	fputs("}}}", out);
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

static void print_sarif(const struct td_results *rs,
			const struct td_rules *rules, FILE *out)
{
	const char **tags = (const char **)calloc(rs->n + 1, sizeof(*tags));
	char summary[512];
	int ntags = 0, i, k;

	if (!tags)
		exit(2);
	for (i = 0; i < rs->n; i++)
		rule_index(tags, &ntags, rs->r[i].tag);
	fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [{\n",
	      out);
	fputs("    \"tool\": {\"driver\": {\"name\": \"teardown-check\", \"version\": \"" TD_VERSION "\",\n      \"rules\": [",
	      out);
	for (i = 0; i < ntags; i++) {
		td_rules_tag_summary(rules, tags[i], summary, sizeof(summary));
		fputs(i ? ",\n        {\"id\": " : "\n        {\"id\": ", out);
		json_string(out, tags[i]);
		fputs(", \"shortDescription\": {\"text\": ", out);
		json_string(out, summary);
		fputs("}, \"defaultConfiguration\": {\"level\": \"warning\"}}", out);
	}
	fputs(ntags ? "\n      ]}},\n" : "]}},\n", out);
	if (rs->root && rs->root[0] == '/') {
		fputs("    \"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": \"file://",
		      out);
		/* uri_string quotes; the base must end in '/' */
		for (const char *p = rs->root; *p; p++)
			fputc(*p == '"' || *p == '\\' ? '_' : *p, out);
		fputs("/\"}},\n", out);
	}
	fputs("    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [", out);
	for (i = 0; i < rs->n; i++) {
		const struct td_found *r = &rs->r[i];

		fputs(i ? ",\n      {" : "\n      {", out);
		fputs("\"ruleId\": ", out);
		json_string(out, r->tag);
		fprintf(out, ", \"ruleIndex\": %d, \"level\": \"%s\", \"rank\": %s, \"message\": {\"text\": ",
			rule_index(tags, &ntags, r->tag),
			sarif_level(r->confidence), sarif_rank(r->confidence));
		json_string(out, r->msg);
		fputs("},\n        \"locations\": [", out);
		sarif_location(out, r->file, r->line, r->col, 0, NULL);
		fputs("]", out);
		for (k = 0; k < r->nnotes; k++) {
			fputs(k ? ", " : ",\n        \"relatedLocations\": [", out);
			sarif_location(out, r->note[k].file, r->note[k].line,
				       r->note[k].col, k, r->note[k].msg);
		}
		if (r->nnotes)
			fputs("]", out);
		fprintf(out, ",\n        \"partialFingerprints\": {\"teardownCheck/v1\": \"%s\"}",
			r->fingerprint);
		fputs(",\n        \"properties\": {", out);
		identity(out, r);
		fprintf(out, ", \"confidence\": \"%s\"}",
			td_confidence_name(r->confidence));
		if (r->fix_file) {
			fputs(",\n        \"fixes\": [{\"description\": {\"text\": ", out);
			json_string(out, r->fix_text);
			fputs("}, \"artifactChanges\": [{", out);
			sarif_artifact(out, r->fix_file);
			fprintf(out, ", \"replacements\": [{\"deletedRegion\": {\"startLine\": %d, \"startColumn\": 1, \"endLine\": %d, \"endColumn\": 1}, \"insertedContent\": {\"text\": ",
				r->fix_line > 0 ? r->fix_line : 1,
				r->fix_line > 0 ? r->fix_line : 1);
			{
				char *text = (char *)malloc(strlen(r->fix_text) + 3);

				if (!text)
					exit(2);
				sprintf(text, "\t%s\n", r->fix_text);
				json_string(out, text);
				free(text);
			}
			fputs("}}]}]}]", out);
		}
		fputs("}", out);
	}
	fputs(rs->n ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n", out);
	free(tags);
}

void td_results_print(const struct td_results *rs, enum td_format format,
		      const struct td_rules *rules, FILE *out)
{
	if (format == TD_FORMAT_JSON)
		print_json(rs, out);
	else if (format == TD_FORMAT_SARIF)
		print_sarif(rs, rules, out);
	else
		print_text(rs, out);
	fflush(out);
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
