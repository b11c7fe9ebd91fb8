"""``--against PROJECT``: this project's HTML build side by side with another
checkout of it (an older commit, say), in one run on one machine.

For each size both copies get the same examples (one corpus, copied), and the
builds alternate: cold A, cold B, warm A, warm B, with the order of A and B
swapped every repeat, so that drift in the machine's load falls on both. The
PDF step is skipped (the HTML build is what is compared). Medians and the
ratio this / other are printed and written to the JSON file.
"""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

from builds import timed_build
from measure import median
from projects import commit_all, copy_project, make_corpus


def _build(project: Path, work: Path, name: str, warm: bool) -> float:
    if not warm:  # a cold build: no cache of checked files from an earlier build
        shutil.rmtree(project / ".cache", ignore_errors=True)
    site = work / f"site-{name}"
    shutil.rmtree(site, ignore_errors=True)
    result = timed_build(project, site, work / f"{name}.log", pdf="skip")
    shutil.rmtree(site, ignore_errors=True)
    print(f"{name}: {result['seconds']:.1f} s", flush=True)
    return result["seconds"]


def compare(sizes: list[int], args, work: Path) -> dict:
    other_snapshot = work / "other-snapshot"
    copy_project(args.against.resolve(), other_snapshot)
    results = []
    for n in sizes:
        print(f"\n== N = {n}: {args.project} against {args.against} ==", flush=True)
        this, other = work / f"n{n}" / "this", work / f"n{n}" / "other"
        copy_project(args.snapshot, this)
        make_corpus(this, n, args)
        copy_project(other_snapshot, other)
        shutil.copytree(this / "examples", other / "examples")
        commit_all(this)
        commit_all(other)
        runs: dict[str, list[float]] = {"this cold": [], "other cold": [], "this warm": [], "other warm": []}
        for repeat in range(args.repeats):
            order = [("this", this), ("other", other)]
            if repeat % 2:
                order.reverse()
            for kind in ("cold", "warm"):
                for name, project in order:
                    runs[f"{name} {kind}"].append(_build(project, work / f"n{n}", f"{name}-{kind}-{repeat + 1}", warm=kind == "warm"))
        medians = {key: median(values) for key, values in runs.items()}
        ratios = {kind: medians[f"this {kind}"] / medians[f"other {kind}"] for kind in ("cold", "warm")}
        results.append({"n": n, "runs": runs, "medians": medians, "ratios": ratios})
        for kind in ("cold", "warm"):
            print(f"N = {n}, {kind}: this {medians[f'this {kind}']:.1f} s, other {medians[f'other {kind}']:.1f} s, "
                  f"ratio {ratios[kind]:.3f} ({(ratios[kind] - 1) * 100:+.1f} %)", flush=True)
    report = {"meta": {"date": datetime.datetime.now().isoformat(timespec="seconds"), "this": str(args.project),
                       "other": str(args.against), "repeats": args.repeats, "seed": args.seed, "words": args.words},
              "results": results}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nJSON written to {args.json}")
    return report
