"""The resource model itself: what rules/teardown.rules must cover."""
import re

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
