#!/usr/bin/env python3
"""Seed inputs of the fuzz targets: `seeds.py ROOT OUT` writes OUT/<target>/NNNNN from the
repository at ROOT. Every commune name of both lists (one in 25) and group names built
from them for `text` and `names`; each conformance vector's request as "op\nrequest"
for `api` (the C tests replay these through cncd_call too), its roster for `roster`, and
its profile for `profile`."""
import csv, json, os, sys, glob
root, out = sys.argv[1], sys.argv[2]
def write(target, i, data):
    d = os.path.join(out, target); os.makedirs(d, exist_ok=True)
    open(os.path.join(d, f"{i:05d}"), "wb").write(data if isinstance(data, bytes) else data.encode())
names = []
for f in ("vn-units-2022.csv", "vn-units-2025.csv"):
    with open(os.path.join(root, "core/data", f), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names += [(r["commune_name"], r.get("district_name") or r["province_name"]) for r in rows[::25]]
for i, (c, p) in enumerate(names):
    write("text", i, c)
    write("names", i, f"CNCĐ_{c.split(' ', 1)[-1]}_{p.split(' ', 1)[-1]}")
n = 0
for f in sorted(glob.glob(os.path.join(root, "tests/vectors/*.json"))):
    for v in json.load(open(f, encoding="utf-8")):
        req = v["request"] if isinstance(v["request"], str) else json.dumps(v["request"], ensure_ascii=False)
        write("api", n, f"{v['op']}\n{req}")
        if isinstance(v["request"], dict) and isinstance(v["request"].get("roster"), dict):
            write("roster", n, json.dumps(v["request"]["roster"], ensure_ascii=False))
        if v["op"] == "profile.get" and "ok" in v["response"]:
            write("profile", n, json.dumps(v["response"]["ok"]["profile"], ensure_ascii=False))
        if isinstance(v["request"], dict) and isinstance(v["request"].get("profile"), dict):
            write("profile", n, json.dumps(v["request"]["profile"], ensure_ascii=False))
        n += 1
