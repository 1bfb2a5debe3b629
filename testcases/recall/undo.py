#!/usr/bin/env python3
"""Undo a kernel fix in a copy of the fixed file (issue 21's mutations).

    undo.py TREE PATH 'EDITS-JSON'     print the diff the edits make

EDITS is a list of [regex, replacement] pairs applied in order to the file
as the fixed tree has it.  Each regex must match exactly one line (or,
written [regex, replacement, after], the first line it matches after the
one line 'after' matches).  The replacement is the text that line becomes,
in the line's own indentation; null empties the statement to ';' (a
brace-less if keeps its shape), and "" removes the line.  Text with
newlines becomes several lines.
"""

import difflib
import json
import os
import re
import sys


def one_line(lines, regex, where, after=None):
    """Index of the one line regex matches (after the one 'after' does)."""
    start = 0
    if after is not None:
        start = one_line(lines, after, where) + 1
        hits = [i for i in range(start, len(lines))
                if re.search(regex, lines[i])][:1]
    else:
        hits = [i for i, l in enumerate(lines) if re.search(regex, l)]
    if len(hits) != 1:
        raise ValueError("%s: %r matches %d lines%s" % (
            where, regex, len(hits), " after %r" % after if after else ""))
    return hits[0]


def undo(lines, edits, where):
    """Apply edits to a list of lines (without newlines); return the new
    list."""
    lines = list(lines)
    for edit in edits:
        regex, text = edit[0], edit[1]
        i = one_line(lines, regex, where, edit[2] if len(edit) > 2 else None)
        indent = re.match(r"\s*", lines[i]).group(0)
        if text is None:
            lines[i] = indent + ";"
        elif text == "":
            del lines[i]
        else:
            lines[i:i + 1] = [indent + t.lstrip() if t.strip() else ""
                              for t in text.split("\n")]
    return lines


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    tree, path, edits = argv[1], argv[2], json.loads(argv[3])
    with open(os.path.join(tree, path), errors="replace") as f:
        lines = f.read().split("\n")
    try:
        new = undo(lines, edits, path)
    except ValueError as e:
        sys.stderr.write("undo: %s\n" % e)
        return 1
    sys.stdout.writelines(l + "\n" for l in difflib.unified_diff(
        lines, new, "a/" + path, "b/" + path, lineterm=""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
