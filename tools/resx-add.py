#!/usr/bin/env python3
"""Adds or replaces UI strings in both resx files, in key order: resx-add.py KEY 'English' '日本語' [KEY en ja ...]."""
import pathlib, sys
from xml.sax.saxutils import escape
res = pathlib.Path(__file__).resolve().parent.parent / "src" / "Shirube.Web" / "Resources"
args = sys.argv[1:]
if not args or len(args) % 3:
    sys.exit("usage: resx-add.py KEY English Japanese [KEY English Japanese ...]")
triples = [args[i:i + 3] for i in range(0, len(args), 3)]
for name, column in (("SharedResource.resx", 1), ("SharedResource.ja.resx", 2)):
    path = res / name
    lines = path.read_text(encoding="utf-8").split("\n")
    for t in triples:
        key, text = t[0], t[column]
        entry = f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(text)}</value></data>'
        marker = f'<data name="{key}" '
        existing = [i for i, l in enumerate(lines) if marker in l]
        if existing:
            lines[existing[0]] = entry
            continue
        datas = [i for i, l in enumerate(lines) if l.lstrip().startswith("<data ")]
        # after the last entry whose key sorts before this one, else after the last entry
        before = [i for i in datas if lines[i].split('"')[1] < key]
        at = (before[-1] if before else datas[-1]) + 1
        lines.insert(at, entry)
    path.write_text("\n".join(lines), encoding="utf-8")
