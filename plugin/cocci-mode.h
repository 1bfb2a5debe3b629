/* SPDX-License-Identifier: GPL-2.0 */
#ifndef TEARDOWN_COCCI_MODE_H
#define TEARDOWN_COCCI_MODE_H

/* teardown-check --cocci ...: the Coccinelle checks on files as they are */
int cocci_main(int argc, char **argv);

#endif
