#!/usr/bin/env python3
"""Quick check of catalogs/*.yaml for authors (CI uses `shirube catalog validate`, which checks the same and more)."""
import json, sys, pathlib, yaml, jsonschema
root = pathlib.Path(__file__).resolve().parent.parent / "catalogs"
schema = json.loads((root / "schema.json").read_text())
controls = {c["id"] for c in yaml.safe_load((root / "common-controls.yaml").read_text())["controls"]}
files = [pathlib.Path(a) for a in sys.argv[1:]] or sorted(p for p in root.glob("*.yaml") if p.name != "common-controls.yaml")
bad = 0
for path in files:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in jsonschema.Draft202012Validator(schema).iter_errors(doc)]
    if not errors:
        if doc["id"] != path.stem:
            errors.append(f"id {doc['id']} differs from the file name")
        ids = [r["id"] for r in doc["requirements"]]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup: errors.append(f"duplicate requirement ids: {sorted(dup)}")
        if len(ids) != doc["expectedCount"]: errors.append(f"{len(ids)} requirements, expectedCount {doc['expectedCount']}")
        def group_ids(gs):
            for g in gs:
                yield g["id"]; yield from group_ids(g.get("groups", []))
        groups = set(group_ids(doc.get("groups", [])))
        for r in doc["requirements"]:
            if "group" in r and r["group"] not in groups: errors.append(f"{r['id']}: unknown group {r['group']}")
            for c in r.get("controls", []):
                if c not in controls: errors.append(f"{r['id']}: unknown control {c}")
            if doc.get("levels") and "level" in r and r["level"] not in doc["levels"]: errors.append(f"{r['id']}: level {r['level']} not in {doc['levels']}")
            if r["title"]["en"] == r["summary"]["en"]: errors.append(f"{r['id']}: summary repeats the title")
    print(f"{'ok ' if not errors else 'BAD'} {path.name}: {len(doc.get('requirements', []))} requirements")
    for e in errors[:20]: print("    " + e)
    bad += bool(errors)
sys.exit(1 if bad else 0)
