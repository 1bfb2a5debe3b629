/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The record format: how a front end hands its findings to the
 * teardown-check command (tree and gate modes) instead of printing them.
 * One line per item, fields separated by tabs:
 *
 *   finding TAG FILE LINE COL DRIVER FUNCTION RESOURCE OTHER MESSAGE
 *   note    FILE LINE COL MESSAGE           (belongs to the finding above)
 *   fix     FILE LINE COL TEXT              (insert TEXT before FILE:LINE)
 *   stats   FILE NAME=VALUE...              (once per translation unit)
 *
 * Empty fields are "-".  Tabs and newlines inside a field become spaces.
 */
#ifndef TEARDOWN_RECORD_H
#define TEARDOWN_RECORD_H

#include <signal.h>
#include <stdio.h>
#include "teardown.h"

#ifdef __cplusplus
extern "C" {
#endif

void td_record_finding(FILE *out, const struct td_finding *f);
void td_record_stats(FILE *out, const char *file, const struct td_stats *s);
/* The --stats line both front ends print: "FILE: teardown-check: stats: ..." */
void td_print_stats(FILE *out, const char *file, const struct td_stats *s);

/*
 * A bug of ours must not break the build: both front ends run the engine
 * with SIGSEGV, SIGBUS and SIGABRT (a failed assert) sent to handler,
 * which longjmps back; td_restore_faults() puts the old handlers back.
 */
struct td_faults {
	struct sigaction segv, bus, abrt;
};

void td_catch_faults(struct td_faults *saved, void (*handler)(int));
void td_restore_faults(const struct td_faults *saved);
/* The one line a fault leaves: the file was not checked. */
void td_report_fault(const char *file, int sig);

#ifdef __cplusplus
}
#endif

#endif
