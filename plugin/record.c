// SPDX-License-Identifier: GPL-2.0
/*
 * Writing findings as records (record.h) for the teardown-check command.
 */
#include <string.h>
#include "record.h"

/* One field: never empty, never a tab or a newline. */
static void field(FILE *out, const char *s)
{
	fputc('\t', out);
	if (!s || !*s) {
		fputc('-', out);
		return;
	}
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

static void loc(FILE *out, const struct td_loc *l)
{
	field(out, l->file);
	fprintf(out, "\t%d\t%d", l->line, l->col);
}

void td_record_finding(FILE *out, const struct td_finding *f)
{
	int i;

	fputs("finding", out);
	field(out, f->tag);
	loc(out, &f->loc);
	field(out, f->driver);
	field(out, f->function);
	field(out, f->resource);
	field(out, f->other);
	field(out, f->msg);
	field(out, td_confidence_name(f->confidence));
	fputc('\n', out);
	for (i = 0; i < f->nnotes; i++) {
		fputs("note", out);
		loc(out, &f->note[i].loc);
		field(out, f->note[i].msg);
		fputc('\n', out);
	}
	if (f->fix_text && f->fix_loc.file) {
		fputs("fix", out);
		loc(out, &f->fix_loc);
		field(out, f->fix_text);
		fputc('\n', out);
	}
	fflush(out);
}

void td_record_stats(FILE *out, const char *file, const struct td_stats *s)
{
	fputs("stats", out);
	field(out, file);
	fprintf(out,
		"\tdrivers=%d\tmodules=%d\tacquired=%d\tmanaged=%d\treleased=%d\treported=%d\tunkeyed=%d\thanded_off=%d\treleased_elsewhere=%d\terror_undecided=%d\terror_budget=%d\tbelow_confidence=%d\n",
		s->drivers, s->modules, s->acquired, s->managed, s->released,
		s->reported, s->unkeyed, s->handed_off, s->released_elsewhere,
		s->error_undecided, s->error_budget, s->below_confidence);
	fflush(out);
}

void td_print_stats(FILE *out, const char *file, const struct td_stats *s)
{
	fprintf(out,
		"%s: teardown-check: stats: drivers=%d modules=%d acquired=%d managed=%d released=%d reported=%d unkeyed=%d handed_off=%d released_elsewhere=%d module_acquired=%d module_released=%d error_exits=%d error_undecided=%d error_budget=%d below_confidence=%d\n",
		file, s->drivers, s->modules, s->acquired, s->managed,
		s->released, s->reported, s->unkeyed, s->handed_off,
		s->released_elsewhere, s->module_acquired, s->module_released,
		s->error_exits, s->error_undecided, s->error_budget,
		s->below_confidence);
}

void td_catch_faults(struct td_faults *saved, void (*handler)(int))
{
	struct sigaction fault;

	memset(&fault, 0, sizeof(fault));
	fault.sa_handler = handler;
	sigemptyset(&fault.sa_mask);
	sigaction(SIGSEGV, &fault, &saved->segv);
	sigaction(SIGBUS, &fault, &saved->bus);
	sigaction(SIGABRT, &fault, &saved->abrt);
}

void td_restore_faults(const struct td_faults *saved)
{
	sigaction(SIGSEGV, &saved->segv, NULL);
	sigaction(SIGBUS, &saved->bus, NULL);
	sigaction(SIGABRT, &saved->abrt, NULL);
}

void td_report_fault(const char *file, int sig)
{
	fprintf(stderr,
		"%s: teardown-check: internal error (signal %d); file not checked\n",
		file, sig);
}
