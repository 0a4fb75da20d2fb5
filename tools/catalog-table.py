#!/usr/bin/env python3
"""Prints the README's table of shipped catalogs (id, guideline, issuer, year, requirements, unverified, licence)."""
import pathlib, yaml
root = pathlib.Path(__file__).resolve().parent.parent / "catalogs"
rows = []
for p in sorted(root.glob("*.yaml")):
    if p.name == "common-controls.yaml":
        continue
    d = yaml.safe_load(p.read_text(encoding="utf-8"))
    unverified = len(d["requirements"]) if d.get("verified") is False else sum(1 for r in d["requirements"] if r.get("verified") is False)
    rows.append((d["kind"], d["year"], d["id"], d.get("shortName", d["id"]), d["issuer"], d["region"], len(d["requirements"]), unverified, d["source"]["licence"], d["source"]["url"]))
print("| id | guideline | issuer | region | year | requirements | to verify | source and licence |")
print("|---|---|---|---|---|---:|---:|---|")
for kind, year, id, short, issuer, region, n, u, lic, url in sorted(rows, key=lambda r: (["general", "sector", "regulation", "standard"].index(r[0]), r[1], r[2])):
    lic = lic.replace("|", "/")
    print(f"| `{id}` | {short} | {issuer} | {region} | {year} | {n} | {u} | [source]({url}); {lic} |")
