/* two drivers in plain C whose work is set up in setup.c: leaky_remove() never cancels it, clean_remove() has teardown.c do it */
/* a driver in plain C: the checker needs no kernel to link */
#include "include/kapi.h"

struct leaky_priv {
	struct work_struct work;
	int n;
};
struct clean_priv {
	struct work_struct work;
	int n;
};
int leaky_setup(struct leaky_priv *p);
int clean_setup(struct clean_priv *p);
void clean_teardown(struct clean_priv *p);
