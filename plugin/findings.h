/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Findings as the teardown-check command gathers them in tree and gate
 * modes: read from the front ends' records (record.h) or from spatch,
 * named by a fingerprint that survives unrelated edits, filtered by a
 * baseline, and printed as text, JSON or SARIF 2.1.0.
 */
#ifndef TEARDOWN_FINDINGS_H
#define TEARDOWN_FINDINGS_H

#include <stdio.h>
#include "teardown.h"

struct td_found_note {
	char *file;
	int line, col;
	char *msg;
};

struct td_found {
	char *tag;
	char *file;		/* relative to the tree's root when inside it */
	int line, col;
	char *driver, *function, *resource, *other;	/* "" when unknown */
	char *msg;
	enum td_confidence confidence;
	int nnotes;
	struct td_found_note note[TD_MAX_NOTES];
	char *fix_file;		/* NULL: no single call fixes it */
	int fix_line, fix_col;
	char *fix_text;
	char fingerprint[17];
};

/* What the front ends saw but did not report, summed over the files. */
struct td_unit_stats {
	int units, drivers, modules, unkeyed, handed_off, released_elsewhere,
	    error_undecided, error_budget, below_confidence;
};

struct td_results {
	const char *root;	/* paths are made relative to it */
	const char *frontend;	/* "gcc" or "cocci": fingerprints differ */
	int n, cap;
	struct td_found *r;
	int baselined;		/* hidden by the baseline */
	struct td_unit_stats stats;
};

enum td_format { TD_FORMAT_TEXT, TD_FORMAT_JSON, TD_FORMAT_SARIF };

/*
 * A path as a front end printed it, run in cwd, made relative to root
 * when it lies inside it (canonical otherwise).  Returns out.
 */
char *td_root_path(const char *path, const char *cwd, const char *root,
		   char *out, size_t len);

/* A new, empty result in rs, its strings "". */
struct td_found *td_results_add(struct td_results *rs);

/*
 * Append the findings of a records file written in cwd.  Returns the
 * number of translation units it covers (stats lines), -1 if unreadable.
 */
int td_results_read(struct td_results *rs, const char *records,
		    const char *cwd);

/* The same, from a stream. */
int td_results_read_stream(struct td_results *rs, FILE *in, const char *cwd);

/*
 * Records written in cwd with their file names made relative to root (as
 * the facts database keeps them: a merge on another machine reads them).
 * malloc'ed; NULL if out of memory.
 */
char *td_records_rebase(const char *records, const char *cwd,
			const char *root);

/* Fingerprint, sort, and drop repeats (a header's finding, many units). */
void td_results_finish(struct td_results *rs);

/* Keep only the results whose tag is enabled, of at least 'least'. */
void td_results_filter(struct td_results *rs, const char *enabled,
		       const char *disabled, enum td_confidence least);

/* Baselines: 0, or -1 with one line naming the place in err. */
int td_baseline_write(const struct td_results *rs, const char *path,
		      char *err, size_t errlen);
struct td_baseline {
	int n;
	char (*fingerprint)[17];
};
int td_baseline_load(struct td_baseline *b, const char *path,
		     const char *frontend, char *err, size_t errlen);
/* Drop the results b names, each entry at most one; frees b. */
void td_baseline_apply(struct td_results *rs, struct td_baseline *b);

void td_results_print(const struct td_results *rs, enum td_format format,
		      const struct td_rules *rules, FILE *out);

/* Keep the results i with keep[i] nonzero, in order (a unit judged again). */
void td_results_keep(struct td_results *rs, const char *keep);

void td_results_free(struct td_results *rs);

#endif
