#!/usr/bin/env python3
"""Prints the East Asian Wide (W) and Fullwidth (F) code point ranges for
cli/width.js (UAX #11), plus the blocks UAX #11 makes wide even where
unassigned (CJK Unified Ideographs and their extensions, compatibility
ideographs, planes 2 and 3). Uses the PyPI package unicodedata2 (the newest
Unicode data) when it is installed, else Python's own unicodedata (older: 14.0
in Python 3.11).

    python3 -m venv /tmp/u && /tmp/u/bin/pip install unicodedata2
    /tmp/u/bin/python scripts/cli-width-table.py   # then paste into cli/width.js

Unassigned code points elsewhere are narrow. Ambiguous (A) characters are narrow,
as in wcwidth and most terminals' defaults.
"""
try:
    import unicodedata2 as u
except ImportError:
    import unicodedata as u

DEFAULT_WIDE = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]


def wide(cp):
    if any(a <= cp <= b for a, b in DEFAULT_WIDE):
        return True
    c = chr(cp)
    return u.category(c) != "Cn" and u.east_asian_width(c) in ("W", "F")


ranges, start, prev = [], None, False
for cp in range(0x110000):
    w = wide(cp)
    if w and not prev:
        start = cp
    if prev and not w:
        ranges.append((start, cp - 1))
    prev = w
print(f"// Unicode {u.unidata_version}: {len(ranges)} ranges")
line = ""
for a, b in ranges:
    item = f"0x{a:x}, 0x{b:x}, "
    if len(line) + len(item) > 100:
        print(line.rstrip())
        line = ""
    line += item
print(line.rstrip())
