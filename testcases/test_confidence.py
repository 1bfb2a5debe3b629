"""Confidence (issue 17): each finding says how strong its evidence is.

A user-space stand-in for a driver, as in test_tree.py, with one finding
of each level:

- high: work probe queues and remove() never cancels;
- medium: work only an ops callback queues (a request another subsystem
  makes, which its unregister may have completed);
- medium too: work remove() cancels while the managed IRQ whose handler
  queues it stays live until devres frees it (teardown-devm-order);
- low: work initialised and never queued in this file;
- low too: work whose callback frees the struct holding it (a deferred
  free that remove() must not cancel), and work a function queues and
  cancels synchronously itself before it returns.

The default output shows medium and high; --confidence=low (or
$TEARDOWN_CONFIDENCE) shows all, --confidence=high only the first; JSON
and SARIF carry the level (SARIF: level and rank).  The rest of the suite
runs with TEARDOWN_CONFIDENCE=low (conftest.py) to see the whole engine.
"""
import json
import os
import re
import subprocess

import pytest

from conftest import CHECKER

DRIVER = """\
#define INIT_WORK(w, f) ((w)->func = (f))
struct work_struct { void (*func)(struct work_struct *); };
struct device { int id; };
struct platform_device { struct device dev; };
struct platform_driver {
	int (*probe)(struct platform_device *);
	void (*remove)(struct platform_device *);
};
struct led_ops { void (*set)(int on); };
typedef int (*irq_handler_t)(int, void *);
int devm_request_irq(struct device *dev, unsigned int irq,
		     irq_handler_t handler, unsigned long flags,
		     const char *name, void *data);
int schedule_work(struct work_struct *w);
int cancel_work_sync(struct work_struct *w);
void kfree(const void *p);
void *kzalloc(unsigned long size, unsigned int flags);
struct conf_obj {
	int count;
	struct work_struct free_work;	/* frees its holder: low */
};
struct conf_priv {
	struct work_struct probe_work;	/* queued by probe: high */
	struct work_struct ops_work;	/* queued by an op: medium */
	struct work_struct irq_work;	/* devm IRQ outlives remove: medium */
	struct work_struct idle_work;	/* never queued here: low */
	struct work_struct sync_work;	/* queued and cancelled in place: low */
	int count;
};
static struct conf_priv priv;

static void conf_work(struct work_struct *w)
{
	priv.count++;
}

static int conf_irq(int irq, void *data)
{
	schedule_work(&priv.irq_work);
	return 1;
}

static void conf_obj_free(struct work_struct *w)
{
	void *mptr = (void *)w;
	struct conf_obj *obj = (struct conf_obj *)(mptr -
		__builtin_offsetof(struct conf_obj, free_work));

	kfree(obj);
}

static void conf_set(int on)
{
	schedule_work(&priv.ops_work);
}

/* a transfer that waits for its work, called from probe */
static void conf_sync(void)
{
	schedule_work(&priv.sync_work);
	cancel_work_sync(&priv.sync_work);
}

const struct led_ops conf_ops = {
	.set = conf_set,
};

static int conf_probe(struct platform_device *pdev)
{
	struct conf_obj *obj = kzalloc(sizeof(*obj), 0);

	if (!obj)
		return -12;
	INIT_WORK(&obj->free_work, conf_obj_free);
	schedule_work(&obj->free_work);
	INIT_WORK(&priv.probe_work, conf_work);
	INIT_WORK(&priv.ops_work, conf_work);
	INIT_WORK(&priv.irq_work, conf_work);
	INIT_WORK(&priv.idle_work, conf_work);
	INIT_WORK(&priv.sync_work, conf_work);
	conf_sync();
	schedule_work(&priv.probe_work);
	return devm_request_irq(&pdev->dev, 1, conf_irq, 0, "conf", &priv);
}

static void conf_remove(struct platform_device *pdev)
{
	cancel_work_sync(&priv.irq_work);
}

struct platform_driver conf_driver = {
	.probe = conf_probe,
	.remove = conf_remove,
};
"""

# resource's field -> (tag, confidence)
EXPECTED = {
    "probe_work": ("teardown-work", "high"),
    "ops_work": ("teardown-work", "medium"),
    "irq_work": ("teardown-devm-order", "medium"),
    "idle_work": ("teardown-work", "low"),
    "free_work": ("teardown-work", "low"),
    "sync_work": ("teardown-work", "low"),
}


@pytest.fixture
def tree(tmp_path):
    top = tmp_path / "linux"
    src = top / "drivers" / "conf"
    src.mkdir(parents=True)
    (src / "conf.c").write_text(DRIVER)
    (top / "compile_commands.json").write_text(json.dumps(
        [{"directory": str(src), "file": "conf.c",
          "command": "gcc -O2 -c -o conf.o conf.c"}]))
    return top


def env_without_level(**extra):
    env = {k: v for k, v in os.environ.items() if k != "TEARDOWN_CONFIDENCE"}
    env.update(extra)
    return env


def tree_run(top, *args, env=None):
    return subprocess.run(
        [CHECKER, "--compile-commands", str(top / "compile_commands.json"),
         "--root", str(top), "--format", "json"] + list(args) +
        ["drivers/conf"], cwd=top, capture_output=True, text=True,
        timeout=600, env=env or env_without_level())


def found(r):
    assert r.returncode in (0, 1), r.stderr
    doc = json.loads(r.stdout)
    out = {}
    for f in doc["findings"]:
        field = re.search(r"(probe|ops|irq|idle|free|sync)_work",
                          f["message"]).group(0)
        out[field] = (f["tag"], f["confidence"])
    return out


def test_each_level_is_given_by_its_evidence(tree):
    assert found(tree_run(tree, "--confidence", "low")) == EXPECTED


@pytest.mark.parametrize("level,shown", [
    (None, {"probe_work", "ops_work", "irq_work"}),
    ("medium", {"probe_work", "ops_work", "irq_work"}),
    ("high", {"probe_work"}),
    ("low", set(EXPECTED)),
])
def test_the_default_hides_low_and_says_how_many(tree, level, shown):
    args = ("--confidence", level) if level else ()
    r = tree_run(tree, *args)
    assert set(found(r)) == shown
    hidden = len(EXPECTED) - len(shown)
    said = re.search(r"^teardown-check: (\d+) findings of less than (\w+) "
                     r"confidence not shown", r.stderr, re.M)
    if hidden:
        assert said and int(said.group(1)) == hidden, r.stderr
        assert said.group(2) == (level or "medium")
    else:
        assert not said, r.stderr


def test_environment_sets_the_default_and_the_option_wins(tree):
    r = tree_run(tree, env=env_without_level(TEARDOWN_CONFIDENCE="low"))
    assert set(found(r)) == set(EXPECTED)
    r = tree_run(tree, "--confidence", "high",
                 env=env_without_level(TEARDOWN_CONFIDENCE="low"))
    assert set(found(r)) == {"probe_work"}


def test_sarif_level_and_rank(tree, sarif_validator):
    r = subprocess.run(
        [CHECKER, "--compile-commands", str(tree / "compile_commands.json"),
         "--root", str(tree), "--format", "sarif", "--confidence", "low",
         "drivers/conf"], cwd=tree, capture_output=True, text=True,
        timeout=600, env=env_without_level())
    assert r.returncode == 1, r.stderr
    sarif = json.loads(r.stdout)
    sarif_validator(sarif)
    got = {}
    for res in sarif["runs"][0]["results"]:
        field = re.search(r"(probe|ops|irq|idle|free|sync)_work",
                          res["message"]["text"]).group(0)
        got[field] = (res["level"], res["rank"],
                      res["properties"]["confidence"])
    assert got == {"probe_work": ("warning", 90.0, "high"),
                   "ops_work": ("warning", 60.0, "medium"),
                   "irq_work": ("warning", 60.0, "medium"),
                   "idle_work": ("note", 30.0, "low"),
                   "free_work": ("note", 30.0, "low"),
                   "sync_work": ("note", 30.0, "low")}


def test_kbuild_mode_filters_in_the_plugin(tree):
    src = tree / "drivers" / "conf"

    def kbuild(*opts, env=None):
        r = subprocess.run([CHECKER, "--stats"] + list(opts) +
                           ["-O2", "conf.c"], cwd=src, capture_output=True,
                           text=True, timeout=600,
                           env=env or env_without_level())
        assert r.returncode == 0, r.stderr
        warned = set(re.findall(r"warning: .*?'(?:priv\.|obj->)(\w+)'",
                                r.stderr))
        below = int(re.search(r"below_confidence=(\d+)", r.stderr).group(1))
        return warned, below

    assert kbuild() == ({"probe_work", "ops_work", "irq_work"}, 3)
    assert kbuild("--confidence=low") == (set(EXPECTED), 0)
    assert kbuild("--confidence=high") == ({"probe_work"}, 5)
    assert kbuild(env=env_without_level(TEARDOWN_CONFIDENCE="low")) == \
        (set(EXPECTED), 0)


@pytest.mark.parametrize("argv", [
    ["--confidence=sure", "-O2", "conf.c"],
    ["--compile-commands", "{db}", "--confidence", "sure", "."],
])
def test_unknown_confidence_is_one_line_and_exit_2(tree, argv):
    argv = [a.format(db=tree / "compile_commands.json") for a in argv]
    r = subprocess.run([CHECKER] + argv, cwd=tree / "drivers" / "conf",
                       capture_output=True, text=True, timeout=600,
                       env=env_without_level())
    assert r.returncode == 2, (r.stdout, r.stderr)
    errors = [l for l in r.stderr.splitlines() if l.strip()]
    assert errors == ["teardown-check: unknown confidence 'sure' (low, "
                      "medium or high)"], r.stderr
