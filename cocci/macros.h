/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Macros spatch mis-parses in kernel code, given to it with --macro-file:
 * without these, a function using them is silently dropped from the scan
 * (a scoped_guard() block anywhere in remove() hides all of remove()).
 * With coccicheck: make coccicheck SPFLAGS="--macro-file PATH/macros.h" ...
 */
#define scoped_guard(_name, args...) for (;;)
#define scoped_cond_guard(_name, _fail, args...) for (;;)
#define for_each_child_of_node_scoped(parent, child) for (;;)
#define for_each_available_child_of_node_scoped(parent, child) for (;;)
#define device_for_each_child_node_scoped(dev, child) for (;;)
