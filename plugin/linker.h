/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The command's linker: the judging of a driver with every unit of the
 * facts database its code reaches (link.c makes them one unit).
 */
#ifndef TEARDOWN_LINKER_H
#define TEARDOWN_LINKER_H

#include <stdio.h>
#include "teardown.h"

/* What linking saw but could not follow, summed over the judged units. */
struct td_link_stats {
	int judged;		/* units judged with others linked in */
	int linked;		/* other units linked into them, in all */
	int no_facts;		/* calls into the driver's own code in a file
				 * with no facts (not checked, not built) */
	int ambiguous;		/* calls to a name several files define */
	int truncated;		/* units that reach more than the limit */
};

struct td_factsdb;

/*
 * Judge unit u of the database (its id) with every unit its code reaches
 * linked in, writing records (record.h) to out.  Returns the number of
 * other units linked; 0 means the unit reaches none, and nothing was
 * written: its own front end's judgement stands.  -1 if its facts do not
 * read.
 */
int td_linker_judge(struct td_factsdb *db, int u,
		    const struct td_rules *rules, const struct td_options *opts,
		    FILE *out, struct td_link_stats *stats);

/* The same judgement of unit u alone, as its front end made it; 0, or -1. */
int td_linker_judge_alone(struct td_factsdb *db, int u,
			  const struct td_rules *rules,
			  const struct td_options *opts, FILE *out);

#endif
