# teardown-check: build the GCC plugin and the teardown-check command.
#
#   make                 plugin/teardown_check.so and ./teardown-check
#   make install PREFIX=/usr/local
#   make gcc             only what checking a gcc-built kernel needs: the GCC
#                        plugin and ./teardown-check (no Clang plugin)
#   make setup           install missing Debian packages, prepare Linux 6.12
#                        (gcc and LLVM=-14 builds) and 7.3 (gcc build)
#   make demo            check a real driver directory (DEMO_DIR) of Linux
#                        DEMO_KERNEL (7.3, or 6.12) with kbuild
#   make check           every test (installs what it needs: see README.md)
#   make check-fast      the snippet tier only

CC       ?= gcc
CXX      ?= g++
PREFIX   ?= /usr/local
GCC_PLUGIN_DIR := $(shell $(CC) -print-file-name=plugin)

CFLAGS   ?= -O2 -g
WARN     := -Wall -Wextra -Wno-unused-parameter
ENGINE   := plugin/rules.c plugin/kversion.c plugin/unit.c plugin/model.c plugin/timeline.c \
            plugin/engine.c plugin/check_release.c plugin/check_order.c \
            plugin/check_error_path.c plugin/errpath.c plugin/record.c \
            plugin/suppress.c plugin/facts.c plugin/link.c
ENGINE_O := $(ENGINE:.c=.o)
HEADERS  := plugin/teardown.h plugin/engine.h plugin/errpath.h plugin/record.h

LLVM_CONFIG ?= llvm-config-14
CLANG_CXXFLAGS = $(shell $(LLVM_CONFIG) --cxxflags 2>/dev/null)
CLANG_INCLUDE  = $(shell $(LLVM_CONFIG) --includedir 2>/dev/null)

all: plugin/teardown_check.so plugin/teardown_check_clang.so teardown-check \
     cocci/teardown_async.cocci cocci/teardown_release.cocci

gcc: plugin/teardown_check.so teardown-check

plugin/%.o: plugin/%.c $(HEADERS)
	$(CC) $(CFLAGS) $(WARN) -std=gnu99 -fPIC -c -o $@ $<

# The front end is C-style code compiled as C++, as GCC's plugin API wants.
plugin/gcc-frontend.o: plugin/gcc-frontend.c $(HEADERS)
	@test -f $(GCC_PLUGIN_DIR)/include/gcc-plugin.h || \
	  { echo "teardown-check: no GCC plugin headers in $(GCC_PLUGIN_DIR): apt-get install gcc-12-plugin-dev" >&2; exit 2; }
	$(CXX) $(CFLAGS) -Wall -Wno-unused-parameter -std=gnu++17 -fPIC \
	  -fno-rtti -I$(GCC_PLUGIN_DIR)/include -x c++ -c -o $@ $<

plugin/teardown_check.so: plugin/gcc-frontend.o $(ENGINE_O)
	$(CXX) -shared -o $@ $^ -ljansson

# The Clang front end, for LLVM=1 kernels: the same engine behind Clang's
# plugin interface (C-style code; Clang's API is C++, built without RTTI).
# -Wno-nonnull: g++ 12 misreads an LLVM 14 header with NDEBUG.
plugin/clang-frontend.o: plugin/clang-frontend.cpp $(HEADERS)
	@test -f "$(CLANG_INCLUDE)/clang/Frontend/FrontendPluginRegistry.h" || \
	  { echo "teardown-check: no Clang plugin headers: apt-get install libclang-14-dev libclang-cpp14-dev llvm-14-dev" >&2; exit 2; }
	$(CXX) $(CFLAGS) -Wall -Wno-unused-parameter $(CLANG_CXXFLAGS) \
	  -DNDEBUG -Wno-nonnull -std=gnu++17 -fPIC -fno-rtti -c -o $@ $<

plugin/teardown_check_clang.so: plugin/clang-frontend.o $(ENGINE_O)
	$(CXX) -shared -o $@ $^ -ljansson

COMMAND  := plugin/teardown-check.c plugin/tree-mode.c plugin/cocci-mode.c \
            plugin/findings.c plugin/compdb.c plugin/run.c plugin/linker.c \
            plugin/factsdb.c

teardown-check: $(COMMAND) plugin/cocci-mode.h plugin/run.h $(ENGINE_O) \
		plugin/tree-mode.h plugin/findings.h plugin/compdb.h \
		plugin/linker.h plugin/factsdb.h $(HEADERS)
	@echo '#include <jansson.h>' | $(CC) -E -x c - >/dev/null 2>&1 || \
	  { echo "teardown-check: no jansson headers: apt-get install libjansson-dev" >&2; exit 2; }
	@printf "#include <sqlite3.h>\n#include <zlib.h>\n" | $(CC) -E -x c - >/dev/null 2>&1 || \
	  { echo "teardown-check: no SQLite or zlib headers: apt-get install libsqlite3-dev zlib1g-dev" >&2; exit 2; }
	$(CC) $(CFLAGS) $(WARN) -std=gnu99 -o $@ $(COMMAND) $(ENGINE_O) -ljansson -lsqlite3 -lz

# The semantic patches are generated from the rules (and committed, so that
# make coccicheck COCCI=cocci/... works from a clean clone).
cocci/gen-cocci: cocci/gen-cocci.c plugin/rules.o plugin/kversion.o $(HEADERS)
	$(CC) $(CFLAGS) $(WARN) -std=gnu99 -o $@ $< plugin/rules.o plugin/kversion.o

cocci/teardown_async.cocci cocci/teardown_release.cocci: cocci/gen-cocci \
		rules/teardown.rules cocci/teardown_release.py
	cocci/gen-cocci rules/teardown.rules cocci

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/teardown-check/rules
	install -m 755 teardown-check $(DESTDIR)$(PREFIX)/bin/teardown-check
	install -m 644 plugin/teardown_check.so plugin/teardown_check_clang.so \
	  $(DESTDIR)$(PREFIX)/lib/teardown-check/
	install -m 644 rules/teardown.rules $(DESTDIR)$(PREFIX)/lib/teardown-check/rules/
	install -d $(DESTDIR)$(PREFIX)/share/teardown-check/cocci
	install -m 644 cocci/*.cocci cocci/macros.h $(DESTDIR)$(PREFIX)/share/teardown-check/cocci/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 docs/teardown-check.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -d $(DESTDIR)$(PREFIX)/share/doc/teardown-check
	install -m 644 docs/warnings.md $(DESTDIR)$(PREFIX)/share/doc/teardown-check/

DEMO_DIR ?= drivers/hwmon
# The newest kernel by default; DEMO_KERNEL=6.12 for the LTS one.
DEMO_KERNEL ?= 7.3

# Everything the tests use: both kernels, 6.12 with both compilers.
setup:
	testcases/install-deps.sh
	testcases/prepare-kernel.sh 6.12 all >/dev/null
	testcases/prepare-kernel.sh 7.3 gcc >/dev/null

# Only what the demo uses: the packages for the GCC plugin and that one
# kernel, its gcc build, the GCC plugin and the command.
demo-setup:
	testcases/install-deps.sh --demo $(DEMO_KERNEL)
	testcases/prepare-kernel.sh $(DEMO_KERNEL) gcc >/dev/null

# Runs in the prepared tree exactly as a maintainer would.  demo-setup
# first: the plugin needs gcc-12-plugin-dev, which it installs.
demo: demo-setup
	$(MAKE) gcc
	src=$$(testcases/prepare-kernel.sh $(DEMO_KERNEL) gcc) && \
	$(MAKE) -s -C $$src O=$$src/build -j$$(nproc) -k C=2 \
	  CHECK=$(CURDIR)/teardown-check $(DEMO_DIR)/

check: setup all
	testcases/run-tests

check-fast: setup all
	testcases/run-tests -m "not kernel"

# Cost against gcc, sparse and spatch on real files (docs/performance.md).
bench: setup all
	bench/compile-cost.sh

clean:
	rm -f plugin/*.o plugin/*.so teardown-check cocci/gen-cocci

.PHONY: all gcc install setup demo-setup demo check check-fast bench clean
