"""The resource model itself: what rules/teardown.rules must cover."""
import os
import re

import pytest

from conftest import RULES


def directives():
    found = {}
    with open(RULES) as f:
        for line in f:
            words = line.split("#", 1)[0].split()
            if len(words) >= 3 and words[0] in ("acquire", "release"):
                found.setdefault(words[0], set()).add(words[2])
    return found


def test_rules_cover_check_unwind_pairs():
    """Everything Smatch's check_unwind tracks, as GCC sees the calls
    (request_mem_region() and request_region() are __request_region())."""
    rules = directives()
    pairs = [("request_irq", "free_irq"),
             ("request_threaded_irq", "free_irq"),
             ("ioremap", "iounmap"),
             ("pci_iomap", "pci_iounmap"),
             ("__request_region", "__release_region"),
             ("pci_request_regions", "pci_release_regions"),
             ("pci_request_region", "pci_release_region"),
             ("pci_enable_device", "pci_disable_device"),
             ("pci_enable_msi", "pci_disable_msi")]
    for acquire, release in pairs:
        assert acquire in rules["acquire"], acquire
        assert release in rules["release"], release


def test_every_family_has_a_release():
    """A family the error-path check can hold must be releasable."""
    families, released = set(), set()
    with open(RULES) as f:
        for line in f:
            m = re.match(r"(family|release)\s+(\S+)", line)
            if m and m.group(1) == "family":
                families.add(m.group(2))
            elif m:
                released.add(m.group(2))
    # driver memory is freed with kfree() (a 'free' rule), not released
    assert families - released == {"memory"}, families - released


# ---------------------------------------------------------------- kernels
# Issue 18: the rules serve Linux 6.12 and 7.3, whose APIs moved
# (timer_setup() expands to init_timer_key() in one, timer_init_key() in
# the other).  Every name must be real in at least one of the trees, and
# what a driver writes must reach a rule in each tree.

DEFINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(\(?)(.*)$")
# A declaration or definition at file scope: "type name(" or "name(" at
# the start of a line (the return type on the line before).
DECL = re.compile(r"^(?:[A-Za-z_][\w \t\*]*?[\s\*])?([A-Za-z_]\w*)[ \t]*\(")
CALLED = re.compile(r"\b([A-Za-z_]\w*)\s*\(")
CALL_NAMED = ("acquire", "release", "async", "use", "quiesce", "macro")
ARG_NAMED = ("queue", "action", "probe-arg", "free", "failtest", "errcode")


def rule_lines():
    with open(RULES) as f:
        for line in f:
            words = line.split("#", 1)[0].split()
            if words:
                yield words


def rule_functions():
    """Every function or macro name the rules use, by directive."""
    names = {}
    for w in rule_lines():
        if w[0] in CALL_NAMED and len(w) >= 3:
            names.setdefault(w[2], w[0])
        elif w[0] in ARG_NAMED and len(w) >= 2:
            names.setdefault(w[1], w[0])
        elif w[0] == "neutral":
            for n in w[1:]:
                names.setdefault(n, w[0])
    return names


def kernel_api(src):
    """name -> {"function": declared or inline, "macros": [bodies]} for
    what src's headers (x86) declare."""
    api = {}
    for top in ("include", os.path.join("arch", "x86", "include")):
        for dirpath, _, files in os.walk(os.path.join(src, top)):
            for name in files:
                if name.endswith(".h"):
                    scan_header(os.path.join(dirpath, name), api)
    return api


# __printf(2, 3), __attribute__((...)) before a name
ATTRIBUTE = re.compile(r"\b(?:__printf|__scanf|__attribute__|__alloc_size|"
                       r"__realloc_size|__diagnose_as)\s*"
                       r"\((?:[^()]|\([^()]*\))*\)")


def scan_header(path, api):
    with open(path, errors="replace") as f:
        lines = f.read().split("\n")
    i, comment = 0, False
    while i < len(lines):
        line = lines[i]
        i += 1
        if comment:
            if "*/" in line:
                comment = False
            continue
        if line.lstrip().startswith("/*") and "*/" not in line:
            comment = True
            continue
        m = DEFINE.match(line)
        if m:
            body = m.group(3)
            while body.endswith("\\") and i < len(lines):
                body = body[:-1] + " " + lines[i]
                i += 1
            # "#define ioremap ioremap": asm-generic's sign of an override
            if body.strip() != m.group(1):
                api.setdefault(m.group(1), {"function": False,
                                            "macros": []})["macros"].append(body)
            continue
        if line[:1] in (" ", "\t", "*", "/", "#", "}", "{", ""):
            continue
        m = DECL.match(ATTRIBUTE.sub(" ", line).lstrip())
        if m and m.group(1) not in ("if", "for", "while", "switch",
                                    "return", "sizeof"):
            api.setdefault(m.group(1), {"function": False,
                                        "macros": []})["function"] = True


@pytest.fixture(scope="module")
def apis(kernel_src, kernel73_src):
    return {"6.12": kernel_api(kernel_src), "7.3": kernel_api(kernel73_src)}


@pytest.mark.kernel
def test_rules_names_exist_in_a_kernel(apis):
    """A name no kernel has is a typo or an API gone before 6.12."""
    missing = sorted(n for n in rule_functions()
                     if not any(n in api for api in apis.values()))
    assert not missing, "in neither 6.12's nor 7.3's headers: %s" % missing


def reaches_rule(name, api, acquire_names, store_fields, depth=0):
    """Does what a driver writes as name(...) reach an acquire rule in this
    kernel: a call of one, or (INIT_WORK) a store of a callback field,
    through at most five levels of macros?"""
    decl = api.get(name)
    if not decl or depth > 5:
        return False
    if decl["function"] and name in acquire_names:
        return True
    for body in decl["macros"]:
        # "#define ioremap_wc ioremap": an alias
        if re.fullmatch(r"\s*\(?\s*\w+\s*\)?\s*", body):
            alias = body.strip(" \t()")
            if alias != name and reaches_rule(alias, api, acquire_names,
                                              store_fields, depth + 1):
                return True
        if any(re.search(r"(->|\.)\s*%s\s*=[^=]" % f, body)
               for f in store_fields):
            return True
        if any(reaches_rule(callee, api, acquire_names, store_fields,
                            depth + 1)
               for callee in CALLED.findall(body) if callee != name):
            return True
    return False


@pytest.mark.kernel
@pytest.mark.parametrize("version", ["6.12", "7.3"])
def test_every_family_complete_in_each_kernel(apis, version):
    """In each kernel, each family can be acquired and released, and every
    spelling the rules know that the kernel has (a macro such as
    timer_setup or alloc_workqueue) expands to a call the rules know."""
    api = apis[version]
    acquire, release, spelled, stores = {}, {}, {}, {}
    for w in rule_lines():
        if w[0] in ("acquire", "macro") and len(w) >= 3:
            spelled.setdefault(w[1], set()).add(w[2])
            if w[0] == "acquire":
                acquire.setdefault(w[1], set()).add(w[2])
        elif w[0] == "release" and len(w) >= 3:
            release.setdefault(w[1], set()).add(w[2])
        elif w[0] == "store" and len(w) >= 3:
            stores.setdefault(w[1], set()).add(w[2].split(".")[-1])
    acquire_names = set().union(*acquire.values())
    store_fields = set().union(*stores.values())
    problems = []
    for family in sorted(set(spelled) | set(release)):
        if not any(n in api for n in spelled.get(family, ())) and \
                family not in stores:
            problems.append("%s: nothing acquires it" % family)
        if family != "memory" and \
                not any(n in api for n in release.get(family, ())):
            problems.append("%s: nothing releases it" % family)
        for name in sorted(spelled.get(family, ())):
            if name in api and not reaches_rule(name, api, acquire_names,
                                                store_fields):
                problems.append("%s: %s() reaches no acquire rule in %s"
                                % (family, name, version))
    for source in ("INIT_WORK", "INIT_DELAYED_WORK", "timer_setup",
                   "alloc_workqueue", "alloc_ordered_workqueue",
                   "create_singlethread_workqueue", "kthread_run",
                   "kthread_create_worker", "dma_pool_create",
                   "request_irq", "dma_map_single", "dma_alloc_coherent"):
        if not reaches_rule(source, api, acquire_names, store_fields):
            problems.append("%s() reaches no acquire rule in %s"
                            % (source, version))
    assert not problems, "\n".join(problems)
