#!/usr/bin/env python3
"""Score many normalised texts in one process (the word lists load once).

usage: score.py JOBS.json   — JOBS: [{"raw": …, "out": …, "expect": …|null, "gold": …|null}, …]
prints a JSON list of the figures the floors are set on, one object per job.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_clean import evaluate  # noqa: E402

jobs = json.loads(Path(sys.argv[1]).read_text())
res = []
for j in jobs:
    r = evaluate(j["raw"], j["out"], j.get("expect"), j.get("gold"))
    e = r["notes"].get("expected") or {}
    res.append({
        "linked": e.get("linked", 0), "expected": e.get("notes_with_body", 0),
        "failures": e.get("failures", [])[:5],
        "residue": r["residue_total"],
        "residueByClass": {k: v["count"] for k, v in r["residue"].items() if isinstance(v, dict) and v.get("count")},
        "kept": r["preservation"]["preserved"],
        "gold": r["gold"]["similarity"] if "gold" in r else None,
        "dangling": r["notes"]["dangling"]["count"], "unreferenced": r["notes"]["unreferenced"]["count"],
    })
print(json.dumps(res))
