"""Measuring one size N: the hooks, the build, the plain-MkDocs baseline, warm
builds, and later the build with the PDF."""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

from builds import pdf_figures, site_figures, timed_build
from projects import commit_all, copy_project, make_baseline, make_corpus
from workers import run_worker


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def measure(n: int, args, work: Path) -> dict:
    print(f"\n== N = {n} ==", flush=True)
    project = work / f"n{n}" / "project"
    copy_project(args.snapshot, project)
    stats = make_corpus(project, n, args)
    stats["git_repository"] = commit_all(project)
    print(f"corpus: {n} examples ({', '.join(stats['real_examples_linked_from_docs']) or 'no'} real, linked from docs/), "
          f"{stats['words_per_file_sv']:.0f} / {stats['words_per_file_en']:.0f} words per synthetic sv / en file", flush=True)

    hooks_runs = []
    for repeat in range(args.repeats):
        target = work / f"n{n}" / f"assembled-{repeat}"
        hooks_runs.append(run_worker("hooks", project, target))
        shutil.rmtree(target)
    hooks = hooks_runs[-1]
    if hooks["examples"] != n:
        raise SystemExit(f"the hooks loaded {hooks['examples']} examples, expected {n}")
    print(f"hooks: {median([run['total'] for run in hooks_runs]):.2f} s (romkb from {hooks['romkb']})", flush=True)
    hooks_summary = {
        stage: {"runs": [run[stage] for run in hooks_runs], "median": median([run[stage] for run in hooks_runs])}
        for stage in ("load", "generate", "write", "total", "cpu_load", "cpu_generate", "cpu_write", "cpu_total",
                      "load_warm", "cpu_load_warm", "total_warm", "cpu_total_warm")
        if all(stage in run for run in hooks_runs)
    }
    if args.hooks_only:
        return {"n": n, "corpus": stats, "source_pages": hooks["pages"], "generated_pages": len(hooks["generated_pages"]),
                "markdown_bytes": hooks["markdown_bytes"], "hooks": hooks_summary}

    baseline_project = work / f"n{n}" / "baseline"
    make_baseline(project, baseline_project)

    def build(kind: str, folder: Path, repeat: int, pdf: str, keep: bool, timeout: float | None = None, warm: bool = False) -> dict:
        site = work / f"n{n}" / f"site-{kind}"
        shutil.rmtree(site, ignore_errors=True)
        if not warm:  # a cold build: no cache of checked files from an earlier build
            shutil.rmtree(folder / ".cache", ignore_errors=True)
        started = time.time()
        result = timed_build(folder, site, work / f"n{n}" / f"{kind}-{repeat}.log", pdf=pdf, timeout=timeout)
        if result.get("timed_out"):
            shutil.rmtree(site, ignore_errors=True)
            print(f"{kind} {repeat + 1}: stopped after {result['seconds']:.0f} s (timeout), {result['peak_rss_mb']:.0f} MB", flush=True)
            return result
        found = pdf_figures(site, started)
        if found:
            result["pdf_files"], result["pdf_bytes"] = found["files"], found["bytes"]
            if result["pdf_step"] != "timed":  # a PDF made some other way: estimate
                result["pdf_seconds"], result["pdf_step"] = found["seconds"], "estimated from file times"
        if keep:
            result["site"] = site_figures(site, hooks["generated_pages"], n)
        shutil.rmtree(site, ignore_errors=True)
        extra = f", PDF {result['pdf_seconds']:.1f} s" if "pdf_seconds" in result else ""
        print(f"{kind} {repeat + 1}: {result['seconds']:.1f} s, {result['peak_rss_mb']:.0f} MB{extra}", flush=True)
        return result

    builds, baselines, warm_builds = [], [], []
    for repeat in range(args.repeats):
        builds.append(build("build", project, repeat, "skip", keep=repeat == args.repeats - 1))
        baselines.append(build("baseline", baseline_project, repeat, "skip", keep=False))
        # Then a build with the cache the cold build left (as mkdocs serve and
        # every rebuild after the first one run).
        warm_builds.append(build("build-warm", project, repeat, "skip", keep=False, warm=True))
    has_pdf_step = builds[-1]["pdf_step"] == "skipped"
    figures = builds[-1].pop("site")

    pages = hooks["pages"]
    pdf_runs = [run for run in builds if "pdf_seconds" in run]  # a PDF made some other way
    build_s = median([run["seconds"] - run.get("pdf_seconds", 0.0) for run in builds])
    baseline_s = median([run["seconds"] for run in baselines])
    hooks_s = median([run["total"] for run in hooks_runs])
    # The PDF builds come later (measure_pdf), after every size's HTML figures.
    args.pdf_projects[n] = (project, build) if has_pdf_step else None
    return {
        "n": n,
        "corpus": stats,
        "source_pages": pages,
        "generated_pages": len(hooks["generated_pages"]),
        "markdown_bytes": hooks["markdown_bytes"],
        "hooks": hooks_summary,
        "build": {
            "runs": builds,
            "median_seconds": build_s,
            "median_cpu_seconds": median([run["cpu_seconds"] for run in builds]),
            "peak_rss_mb": max(run["peak_rss_mb"] for run in builds),
            "pdf_step": builds[-1]["pdf_step"],
        },
        "baseline": {
            "runs": baselines,
            "median_seconds": baseline_s,
            "median_cpu_seconds": median([run["cpu_seconds"] for run in baselines]),
            "peak_rss_mb": max(run["peak_rss_mb"] for run in baselines),
        },
        "hooks_in_build": {kind: median([run["hooks_in_build_seconds"] for run in runs])
                           for kind, runs in (("cold", builds), ("warm", warm_builds))
                           if runs and all("hooks_in_build_seconds" in run for run in runs)},
        "build_warm": {"seconds": median([run["seconds"] for run in warm_builds]),  # medians (one run before session 3)
                       "cpu_seconds": median([run["cpu_seconds"] for run in warm_builds]),
                       "peak_rss_mb": max(run["peak_rss_mb"] for run in warm_builds), "runs": len(warm_builds)},
        "pdf": pdf_summary(pdf_runs),
        "pdf_skipped": has_pdf_step,  # until measure_pdf() has run
        "site": figures,
        "search_index_bytes_per_example": figures["search_index_bytes"] / n,
        "ratio_build_baseline": build_s / baseline_s,
        "hooks_share_of_build": hooks_s / build_s,
        # The same on CPU time (user + system), less disturbed by other work on the machine.
        "ratio_build_baseline_cpu": median([run["cpu_seconds"] for run in builds]) / median([run["cpu_seconds"] for run in baselines]),
        "hooks_share_of_build_cpu": median([run["cpu_total"] for run in hooks_runs]) / median([run["cpu_seconds"] for run in builds]),
        "build_ms_per_page": 1000 * build_s / pages,
        "baseline_ms_per_page": 1000 * baseline_s / pages,
    }


def pdf_summary(runs: list[dict]) -> dict | None:
    if not runs:
        return None
    finished = [run for run in runs if not run.get("timed_out")]
    if not finished:
        return {"step": "timed out", "timed_out": True, "runs": len(runs), "timeout_seconds": runs[-1]["timeout_seconds"],
                "median_seconds": None, "full_build_median_seconds": None,
                "full_build_peak_rss_mb": max(run["peak_rss_mb"] for run in runs), "files": [], "bytes": 0}
    return {
        "step": finished[-1]["pdf_step"],
        "runs": len(finished),
        "median_seconds": median([run["pdf_seconds"] for run in finished]),
        "full_build_median_seconds": median([run["seconds"] for run in finished]),
        "full_build_peak_rss_mb": max(run["peak_rss_mb"] for run in finished),
        "files": finished[-1].get("pdf_files", []),
        "bytes": finished[-1].get("pdf_bytes", 0),
    }


def measure_pdf(result: dict, args) -> None:
    """The full build with the PDF step, ``--pdf-repeats`` times (it is slow)."""
    n = result["n"]
    entry = args.pdf_projects.get(n)
    if entry is None or args.no_pdf or (args.pdf_sizes and n not in args.pdf_sizes):
        return
    project, build = entry
    print(f"\n== N = {n}: build with the PDF (timeout {args.pdf_timeout:.0f} s) ==", flush=True)
    runs = [build("build-with-pdf", project, repeat, "time", keep=False, timeout=args.pdf_timeout) for repeat in range(args.pdf_repeats)]
    result["pdf"] = pdf_summary(runs)
    result["pdf"]["all_runs"] = runs
    result["pdf_skipped"] = False
