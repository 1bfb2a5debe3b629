// SPDX-License-Identifier: GPL-2.0
/* Running the tools teardown-check drives: gcc with the plugin, spatch. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "run.h"
#include "teardown.h"

void td_die(const char *fmt, const char *arg)
{
	fputs("teardown-check: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(2);
}

int td_self_dir(char *dir, size_t len)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	char *slash;

	if (n <= 0)
		return -1;
	self[n] = '\0';
	slash = strrchr(self, '/');
	if (!slash)
		return -1;
	*slash = '\0';
	return snprintf(dir, len, "%s", self) < (int)len ? 0 : -1;
}

int td_run_lines(char *const argv[], int both,
		 void (*fn)(const char *line, void *data), void *data)
{
	char line[8192];
	int fd[2], status;
	pid_t pid;
	FILE *in;

	if (pipe(fd))
		return -1;
	pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (!pid) {
		if (both)
			dup2(fd[1], 1);
		dup2(fd[1], 2);
		close(fd[0]);
		close(fd[1]);
		execvp(argv[0], argv);
		fprintf(stderr, "teardown-check: cannot run '%s': %s\n", argv[0],
			strerror(errno));
		_exit(127);
	}
	close(fd[1]);
	in = fdopen(fd[0], "r");
	while (fgets(line, sizeof(line), in))
		fn(line, data);
	fclose(in);
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return status;
}

int td_spawn(char *const argv[], const char *cwd, const char *out)
{
	pid_t pid = fork();
	int fd;

	if (pid)
		return pid;
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
		_exit(127);
	close(fd);
	if (cwd && chdir(cwd)) {
		fprintf(stderr, "teardown-check: cannot enter '%s': %s\n", cwd,
			strerror(errno));
		_exit(127);
	}
	execvp(argv[0], argv);
	fprintf(stderr, "teardown-check: cannot run '%s': %s\n", argv[0],
		strerror(errno));
	_exit(127);
}

static char *joined(const char *a, const char *b)
{
	char *s = (char *)malloc(strlen(a) + strlen(b) + 1);

	if (!s)
		td_die("%s", "out of memory");
	return strcat(strcpy(s, a), b);
}

enum td_frontend td_frontend_of(const char *cc, char *const *argv, int argc)
{
	const char *base = cc ? strrchr(cc, '/') : NULL;
	int i;

	base = base ? base + 1 : cc;
	if (base && *base)
		return strstr(base, "clang") ? TD_FE_CLANG : TD_FE_GCC;
	for (i = 0; i < argc; i++)
		if (!strncmp(argv[i], "--target=", 9) || !strcmp(argv[i], "-mllvm"))
			return TD_FE_CLANG;
	return TD_FE_GCC;
}

const char *td_frontend_name(enum td_frontend fe)
{
	return fe == TD_FE_CLANG ? "clang" : "gcc";
}

const char *td_compiler_for(enum td_frontend fe)
{
	static char path[PATH_MAX];
	const char *llvm = getenv("LLVM");

	if (fe == TD_FE_GCC)
		return "gcc";
	if (!llvm || !*llvm || !strcmp(llvm, "1"))
		return "clang";
	snprintf(path, sizeof(path), llvm[0] == '-' ? "clang%s" : "%sclang",
		 llvm);
	return path;
}

void td_require_plugin(enum td_frontend fe, const char *plugin)
{
	if (plugin && !access(plugin, R_OK))
		return;
	td_die(fe == TD_FE_CLANG ?
	       "cannot find the Clang plugin '%s' (run make, or pass --plugin=)" :
	       "cannot find the GCC plugin '%s' (run make, or pass --plugin=)",
	       plugin ? plugin : fe == TD_FE_CLANG ? TD_CLANG_PLUGIN :
	       TD_GCC_PLUGIN);
}

const char *td_default_confidence(void)
{
	const char *env = getenv("TEARDOWN_CONFIDENCE");

	return env && *env ? env : td_confidence_name(TD_CONFIDENCE_DEFAULT);
}

int td_plugin_argv(char **argv, enum td_frontend fe, const char *plugin,
		   const char *rules, const char *enable, const char *disable,
		   const char *confidence)
{
	int n = 0;

	if (fe == TD_FE_CLANG) {
		argv[n++] = joined("-fsyntax-only", "");
	} else {
		argv[n++] = joined("-S", "");
		argv[n++] = joined("-o", "");
		argv[n++] = joined("/dev/null", "");
	}
	argv[n++] = joined("-w", "");
	argv[n++] = joined("-fplugin=", plugin);
	if (fe == TD_FE_GCC)
		argv[n++] = joined("-fplugin-arg-teardown_check-stop", "");
	argv[n++] = joined("-fplugin-arg-teardown_check-rules=", rules);
	if (enable)
		argv[n++] = joined("-fplugin-arg-teardown_check-enable=", enable);
	if (disable)
		argv[n++] = joined("-fplugin-arg-teardown_check-disable=",
				   disable);
	if (confidence)
		argv[n++] = joined("-fplugin-arg-teardown_check-confidence=",
				   confidence);
	return n;
}

char *td_read_file(const char *path)
{
	FILE *in = fopen(path, "r");
	char *text = NULL;
	size_t len = 0;
	FILE *mem;
	char buf[65536];
	size_t n;

	if (!in)
		return NULL;
	mem = open_memstream(&text, &len);
	if (!mem) {
		fclose(in);
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, mem);
	if (ferror(in)) {
		fclose(mem);
		free(text);
		text = NULL;
	} else {
		fclose(mem);
	}
	fclose(in);
	return text;
}

void td_kernel_top(const char *path, char *top, size_t len)
{
	char dir[PATH_MAX], probe[PATH_MAX + 32];
	char *slash;

	snprintf(dir, sizeof(dir), "%s", path);
	top[0] = '\0';
	while ((slash = strrchr(dir, '/'))) {
		*slash = '\0';
		snprintf(probe, sizeof(probe), "%s/Kbuild", dir[0] ? dir : "/");
		if (!access(probe, R_OK)) {
			snprintf(probe, sizeof(probe), "%s/MAINTAINERS", dir);
			if (!access(probe, R_OK)) {
				snprintf(top, len, "%s", dir);
				return;
			}
		}
	}
}
