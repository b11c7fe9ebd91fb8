#!/usr/bin/env python3
"""Benchmark: how the build grows with the knowledge base, and what the hooks cost.

    python3 tests/benchmarks/run.py                      # N = 100, 500, 2000; 3 repeats
    python3 tests/benchmarks/run.py --quick              # N = 20, 50; 1 repeat (smoke run)
    python3 tests/benchmarks/run.py --sizes 100,500 --repeats 5 --json build/bench.json
    python3 tests/benchmarks/run.py --no-pdf             # skip the (slow) builds with the PDF
    python3 tests/benchmarks/run.py --hooks-only         # only the hooks' own time
    python3 tests/benchmarks/run.py --profile 2000       # per-page times + cProfile of one build
    python3 tests/benchmarks/run.py --table-from build/benchmark.json

For every N it makes a temporary copy of the project (mkdocs.yml, docs/, data/,
hooks/, overrides/, templates/) whose examples/ holds N synthetic examples
(tests/benchmarks/corpus.py), and measures:

* hooks: the hooks' own work, timed in a fresh Python process by calling the
  romkb functions the hook calls: load_catalogue (load + validate), assemble
  (generate every page) and write_tree (write the source folder);
* build: ``mkdocs build --strict`` of the copy (both languages), in a subprocess;
* baseline: the same pages without the hooks: the assembled folder written once
  as plain docs files and built with a mkdocs.yml that has no ``hooks:`` entry
  (plain MkDocs + Material + i18n on identical pages);
* peak memory (maxrss of each build process), the search index size, the
  largest generated page (HTML) and the PDF time when the build makes a PDF.

It prints a table and writes every figure as JSON (default build/benchmark.json).
Nothing is written into the project's examples/ or docs/. See README.md here.

    python3 tests/benchmarks/run.py --against /work/baseline --sizes 2000 --no-pdf

compares the HTML build (cold and warm) of this project with another checkout
of it, side by side in one run: the same corpus, builds interleaved (compare.py).

Modules: common (paths, constants), corpus (the synthetic examples), projects
(temporary copies), workers (code run in the subprocesses), builds (one timed
build, figures of a site), measure (one size), report (summary, tables, JSON),
profiling (--profile), compare (--against).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402  (tests/benchmarks/corpus.py)
from common import DEFAULT_SIZES, QUICK_SIZES, ROOT  # noqa: E402
from compare import compare  # noqa: E402
from measure import measure, measure_pdf  # noqa: E402
from profiling import profile  # noqa: E402
from projects import copy_project  # noqa: E402
from report import hooks_table, save_json, summarise, table  # noqa: E402
from workers import mkdocs_with_pdf_step, worker  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_worker":
        return worker(argv[1:])
    if argv and argv[0] == "_mkdocs":
        return mkdocs_with_pdf_step(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=None, help="comma-separated numbers of examples (default 100,500,2000)")
    parser.add_argument("--repeats", type=int, default=None, help="runs per measurement; medians are reported (default 3)")
    parser.add_argument("--quick", action="store_true", help="smoke run: N = 20,50 and 1 repeat")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED, help="seed of the synthetic corpus")
    parser.add_argument("--words", type=int, default=corpus.DEFAULT_WORDS, help="words per example file (default 1200)")
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "benchmark.json", help="where to write the results")
    parser.add_argument("--project", type=Path, default=ROOT, help="the project to copy (default: this repository)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects and sites")
    parser.add_argument("--pdf-repeats", type=int, default=1, help="builds with the PDF per N (the PDF is slow; default 1)")
    parser.add_argument("--no-pdf", action="store_true", help="do not build the PDF at all")
    parser.add_argument("--pdf-sizes", default=None, help="comma-separated sizes that get a PDF build (default: all)")
    parser.add_argument("--pdf-timeout", type=float, default=3600, help="stop a build with the PDF after this many seconds (default 3600)")
    parser.add_argument("--hooks-only", action="store_true", help="measure only the hooks' own time (no MkDocs builds; fast)")
    parser.add_argument("--table-from", type=Path, metavar="JSON", help="instead: print the tables of an earlier run's JSON")
    parser.add_argument("--profile", type=int, metavar="N", help="instead: profile one build of N examples with cProfile")
    parser.add_argument("--profile-pdf", action="store_true", help="with --profile: include the PDF step")
    parser.add_argument("--against", type=Path, metavar="PROJECT", help="instead: compare the HTML build with another checkout, side by side")
    args = parser.parse_args(argv)
    if args.table_from:
        data = json.loads(args.table_from.read_text(encoding="utf-8"))
        if data.get("summary") is None:
            print(hooks_table(data["results"]))
        else:
            print(table(data["results"], summarise(data["results"])))
        return 0
    args.project = args.project.resolve()
    sizes = [int(size) for size in args.sizes.split(",")] if args.sizes else list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
    if args.repeats is None:
        args.repeats = 1 if args.quick else 3
    args.pdf_sizes = {int(size) for size in args.pdf_sizes.split(",")} if args.pdf_sizes else None
    if args.repeats < 1 or any(size < 1 for size in sizes):
        parser.error("sizes and repeats must be at least 1")
    work = Path(tempfile.mkdtemp(prefix="romkb-bench-"))
    # One snapshot of the project for the whole run, so that edits made while
    # it runs do not mix versions between sizes.
    args.snapshot = work / "snapshot"
    copy_project(args.project, args.snapshot)
    if (args.project / "examples").is_dir():
        shutil.copytree(args.project / "examples", args.snapshot / "examples")
    try:
        if args.profile:
            profile(args.profile, args, work)
            return 0
        if args.against:
            compare(sizes, args, work)
            return 0
        args.pdf_projects = {}
        results = []

        def save(final: bool) -> str:
            summary = None if args.hooks_only else summarise(results)
            report = hooks_table(results) if args.hooks_only else table(results, summary)
            save_json(args, sizes, results, summary, report, final)
            return report

        for n in sizes:
            results.append(measure(n, args, work))
            save(final=False)  # partial results survive an interrupted run
        if not args.hooks_only:
            for result in results:
                measure_pdf(result, args)
                save(final=False)
        report = save(final=True)
        print("\n" + report)
        print(f"\nJSON written to {args.json}")
        return 0
    finally:
        if args.keep:
            print(f"temporary projects kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
