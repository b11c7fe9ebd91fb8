"""The summary across sizes (marginal cost per page, growth, targets), the
tables, and the JSON written for every run."""

from __future__ import annotations

import datetime
import json
import os
import platform
import subprocess
from pathlib import Path

from common import (
    TARGET_GROWTH_SLACK,
    TARGET_HOOKS_SHARE,
    TARGET_PER_PAGE_EXTRA,
)

STAGES = {
    "build": lambda r: r["build"]["median_seconds"],
    "baseline": lambda r: r["baseline"]["median_seconds"],
    "hooks": lambda r: r["hooks"]["total"]["median"],
    "hooks load": lambda r: r["hooks"]["load"]["median"],
    "hooks generate": lambda r: r["hooks"]["generate"]["median"],
    "hooks write": lambda r: r["hooks"]["write"]["median"],
    "build (CPU)": lambda r: r["build"]["median_cpu_seconds"],
    "baseline (CPU)": lambda r: r["baseline"]["median_cpu_seconds"],
    "hooks (CPU)": lambda r: r["hooks"]["cpu_total"]["median"],
    "pdf": lambda r: r["pdf"]["median_seconds"] if r["pdf"] and not r["pdf"].get("timed_out") else None,
    "peak memory (build)": lambda r: r["build"]["peak_rss_mb"],
    "search index": lambda r: r["site"]["search_index_bytes"],
    "largest generated page": lambda r: r["site"]["largest_page"]["bytes"],
}


def summarise(results: list[dict]) -> dict:
    summary: dict = {"marginal": [], "growth": None, "targets": []}
    ordered = sorted(results, key=lambda r: r["n"])
    for small, large in zip(ordered, ordered[1:]):
        extra_pages = large["source_pages"] - small["source_pages"]
        build = (large["build"]["median_seconds"] - small["build"]["median_seconds"]) / extra_pages
        base = (large["baseline"]["median_seconds"] - small["baseline"]["median_seconds"]) / extra_pages
        build_cpu = (large["build"]["median_cpu_seconds"] - small["build"]["median_cpu_seconds"]) / extra_pages
        base_cpu = (large["baseline"]["median_cpu_seconds"] - small["baseline"]["median_cpu_seconds"]) / extra_pages
        summary["marginal"].append({
            "from": small["n"], "to": large["n"],
            "build_ms_per_extra_page": 1000 * build, "baseline_ms_per_extra_page": 1000 * base,
            "ratio": build / base if base > 0 else None,
            "build_cpu_ms_per_extra_page": 1000 * build_cpu, "baseline_cpu_ms_per_extra_page": 1000 * base_cpu,
            "ratio_cpu": build_cpu / base_cpu if base_cpu > 0 else None,
        })
    by_n = {r["n"]: r for r in ordered}
    pair = (500, 2000) if {500, 2000} <= set(by_n) else (ordered[-2]["n"], ordered[-1]["n"]) if len(ordered) > 1 else None
    if pair:
        small, large = by_n[pair[0]], by_n[pair[1]]
        limit = TARGET_GROWTH_SLACK * pair[1] / pair[0]
        growth = {}
        for stage, value in STAGES.items():
            a, b = value(small), value(large)
            growth[stage] = None if not a or b is None else b / a
        pages = {}
        for page in large["site"]["watched_pages"]:
            a = small["site"]["watched_pages"].get(page)
            pages[page] = {"bytes": [a, large["site"]["watched_pages"][page]],
                           "ratio": large["site"]["watched_pages"][page] / a if a else None}
        summary["growth"] = {"from": pair[0], "to": pair[1], "limit": limit, "stages": growth, "pages": pages}
        for stage, ratio in growth.items():
            if ratio is not None and stage in ("build", "baseline", "hooks", "build (CPU)", "baseline (CPU)", "hooks (CPU)",
                                               "pdf", "peak memory (build)", "search index"):
                summary["targets"].append({"target": f"{stage} grows linearly ({pair[1]}/{pair[0]} <= {limit:.1f}x)",
                                           "value": f"{ratio:.2f}x", "met": ratio <= limit})
        # A page that is as big as the whole catalogue's list grows with N: flag
        # every watched page whose size grows by more than half the N ratio.
        growing = sorted(page for page, info in pages.items() if info["ratio"] and info["ratio"] > 0.5 * pair[1] / pair[0])
        summary["targets"].append({"target": "no generated page grows with N without bound",
                                   "value": ", ".join(f"{page} {pages[page]['ratio']:.2f}x" for page in growing) or "none",
                                   "met": not growing})
    for r in ordered:
        summary["targets"].append({"target": f"hooks <= 5% of the build (N={r['n']}; wall / CPU)",
                                   "value": f"{100 * r['hooks_share_of_build']:.1f}% / {100 * r['hooks_share_of_build_cpu']:.1f}%",
                                   "met": max(r["hooks_share_of_build"], r["hooks_share_of_build_cpu"]) <= TARGET_HOOKS_SHARE})
        summary["targets"].append({"target": f"build <= 5% more per page than the baseline (N={r['n']}; wall / CPU)",
                                   "value": f"{100 * (r['ratio_build_baseline'] - 1):+.1f}% / {100 * (r['ratio_build_baseline_cpu'] - 1):+.1f}%",
                                   "met": max(r["ratio_build_baseline"], r["ratio_build_baseline_cpu"]) <= 1 + TARGET_PER_PAGE_EXTRA})
        if "build_warm" in r and "cpu_total_warm" in r["hooks"]:
            warm_share = r["hooks"]["total_warm"]["median"] / r["build_warm"]["seconds"]
            warm_share_cpu = r["hooks"]["cpu_total_warm"]["median"] / r["build_warm"]["cpu_seconds"]
            summary["targets"].append({"target": f"hooks <= 5% of the build, warm cache (N={r['n']}; wall / CPU)",
                                       "value": f"{100 * warm_share:.1f}% / {100 * warm_share_cpu:.1f}%",
                                       "met": max(warm_share, warm_share_cpu) <= TARGET_HOOKS_SHARE})
            ratio = r["build_warm"]["seconds"] / r["baseline"]["median_seconds"]
            ratio_cpu = r["build_warm"]["cpu_seconds"] / r["baseline"]["median_cpu_seconds"]
            runs = r["build_warm"].get("runs", 1)
            summary["targets"].append({"target": f"build <= 5% more per page than the baseline, warm cache (N={r['n']}; wall / CPU; "
                                                 f"{'median of ' + str(runs) + ' runs' if runs > 1 else '1 run'})",
                                       "value": f"{100 * (ratio - 1):+.1f}% / {100 * (ratio_cpu - 1):+.1f}%",
                                       "met": max(ratio, ratio_cpu) <= 1 + TARGET_PER_PAGE_EXTRA})
    for marginal in summary["marginal"]:
        if marginal["ratio"] is not None and marginal.get("ratio_cpu") is not None:
            summary["targets"].append({"target": f"marginal cost per page, build vs baseline (N={marginal['from']}->{marginal['to']}; wall / CPU)",
                                       "value": f"{100 * (marginal['ratio'] - 1):+.1f}% / {100 * (marginal['ratio_cpu'] - 1):+.1f}%",
                                       "met": max(marginal["ratio"], marginal["ratio_cpu"]) <= 1 + TARGET_PER_PAGE_EXTRA})
    return summary


def pdf_cell(r: dict) -> str:
    if r["pdf"] and r["pdf"].get("timed_out"):
        return f"> {r['pdf']['timeout_seconds']:.0f} (stopped)"
    if r["pdf"]:
        return f"{r['pdf']['median_seconds']:.1f}"
    return "not run" if r.get("pdf_skipped") else "n/a"


def hooks_table(results: list[dict]) -> str:
    lines = ["| N | source pages | hooks s | load | generate | write | hooks CPU s | Markdown written |", "|---|---|---|---|---|---|---|---|"]
    for r in sorted(results, key=lambda r: r["n"]):
        h = r["hooks"]
        warm = f" (warm cache: {h['total_warm']['median']:.2f} s, load {h['load_warm']['median']:.2f} s)" if "total_warm" in h else ""
        lines.append(f"| {r['n']} | {r['source_pages']} | {h['total']['median']:.2f}{warm} | {h['load']['median']:.2f} | {h['generate']['median']:.2f} | "
                     f"{h['write']['median']:.2f} | {h['cpu_total']['median']:.2f} | {fmt_bytes(r['markdown_bytes'])} |")
    by_n = {r["n"]: r for r in results}
    if len(results) > 1:
        small, large = sorted(by_n)[-2], sorted(by_n)[-1]
        if {500, 2000} <= set(by_n):
            small, large = 500, 2000
        lines += ["", f"growth {large}/{small}: " + ", ".join(
            f"{stage} {by_n[large]['hooks'][stage]['median'] / by_n[small]['hooks'][stage]['median']:.2f}x"
            for stage in ("total", "load", "generate", "write", "cpu_total"))]
    return "\n".join(lines)


def fmt_bytes(value: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if abs(value) < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return str(value)


def table(results: list[dict], summary: dict) -> str:
    header = ["N", "pages", "hooks s (load/gen/write)", "build s", "baseline s", "build/base", "hooks/build",
              "ms/page build", "ms/page base", "peak MB build/base", "PDF s", "search index (per ex., gzip)", "largest generated page"]
    rows = []
    for r in sorted(results, key=lambda r: r["n"]):
        h = r["hooks"]
        site = r["site"]
        rows.append([
            str(r["n"]), str(r["source_pages"]),
            f"{h['total']['median']:.2f} ({h['load']['median']:.2f}/{h['generate']['median']:.2f}/{h['write']['median']:.2f})",
            f"{r['build']['median_seconds']:.1f}", f"{r['baseline']['median_seconds']:.1f}",
            f"{r['ratio_build_baseline']:.3f}", f"{100 * r['hooks_share_of_build']:.1f}%",
            f"{r['build_ms_per_page']:.1f}", f"{r['baseline_ms_per_page']:.1f}",
            f"{r['build']['peak_rss_mb']:.0f}/{r['baseline']['peak_rss_mb']:.0f}",
            pdf_cell(r),
            f"{fmt_bytes(site['search_index_bytes'])} ({fmt_bytes(r['search_index_bytes_per_example'])}, {fmt_bytes(site['search_index_gzip_bytes'])})",
            f"{fmt_bytes(site['largest_page']['bytes'])} {site['largest_page']['path']}",
        ])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    lines += ["", "CPU time (user + system; less sensitive to other load on the machine):", "",
              "| N | hooks CPU s | build CPU s | baseline CPU s | build/base (CPU) | hooks/build (CPU) |", "|---|---|---|---|---|---|"]
    for r in sorted(results, key=lambda r: r["n"]):
        lines.append(f"| {r['n']} | {r['hooks']['cpu_total']['median']:.2f} | {r['build']['median_cpu_seconds']:.1f} | "
                     f"{r['baseline']['median_cpu_seconds']:.1f} | {r['ratio_build_baseline_cpu']:.3f} | {100 * r['hooks_share_of_build_cpu']:.1f}% |")
    warm_rows = [r for r in sorted(results, key=lambda r: r["n"]) if "build_warm" in r and "cpu_total_warm" in r["hooks"]]
    if warm_rows:
        runs = warm_rows[0]["build_warm"].get("runs", 1)
        lines += ["", "With a warm cache of checked example files (every build after the first; the tables above are cold; "
                      f"{'median of ' + str(runs) + ' builds' if runs > 1 else 'one build'} per N):", "",
                  "| N | hooks s (load) | hooks CPU s | build s | build CPU s | build/base | build/base (CPU) | hooks/build | hooks/build (CPU) |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for r in warm_rows:
            h, b = r["hooks"], r["build_warm"]
            lines.append(f"| {r['n']} | {h['total_warm']['median']:.2f} ({h['load_warm']['median']:.2f}) | {h['cpu_total_warm']['median']:.2f} | "
                         f"{b['seconds']:.1f} | {b['cpu_seconds']:.1f} | {b['seconds'] / r['baseline']['median_seconds']:.3f} | "
                         f"{b['cpu_seconds'] / r['baseline']['median_cpu_seconds']:.3f} | {100 * h['total_warm']['median'] / b['seconds']:.1f}% | "
                         f"{100 * h['cpu_total_warm']['median'] / b['cpu_seconds']:.1f}% |")
    logged_rows = [r for r in sorted(results, key=lambda r: r["n"]) if r.get("hooks_in_build")]
    if logged_rows:
        lines += ["", "The hooks' own time inside the build, as the hook logs it (load, generate and write, in the MkDocs "
                      "process; medians):", "",
                  "| N | cold s | share of the cold build | warm s | share of the warm build |", "|---|---|---|---|---|"]
        for r in logged_rows:
            cold, warm = r["hooks_in_build"].get("cold"), r["hooks_in_build"].get("warm")
            cells = [f"{cold:.2f}", f"{100 * cold / r['build']['median_seconds']:.1f}%"] if cold is not None else ["–", "–"]
            cells += [f"{warm:.2f}", f"{100 * warm / r['build_warm']['seconds']:.1f}%"] if warm is not None else ["–", "–"]
            lines.append(f"| {r['n']} | " + " | ".join(cells) + " |")
    with_pdf = [r for r in sorted(results, key=lambda r: r["n"]) if r["pdf"]]
    if with_pdf:
        lines += ["", "| N | PDF s | s per example and language | full build incl. PDF s | peak MB incl. PDF | PDF files (size) | runs |",
                  "|---|---|---|---|---|---|---|"]
        for r in with_pdf:
            p = r["pdf"]
            if p.get("timed_out"):
                lines.append(f"| {r['n']} | stopped after {p['timeout_seconds']:.0f} s | – | – | {p['full_build_peak_rss_mb']:.0f} (when stopped) | – | {p['runs']} (timed out) |")
                continue
            languages = max(1, len({str(Path(name).parent) for name in p["files"]}))  # pdf/ and en/pdf/
            lines.append(f"| {r['n']} | {p['median_seconds']:.1f} | {p['median_seconds'] / r['n'] / languages:.2f} | "
                         f"{p['full_build_median_seconds']:.1f} | {p['full_build_peak_rss_mb']:.0f} | "
                         f"{len(p['files'])} ({fmt_bytes(p['bytes'])}) | {p['runs']} ({p['step']}) |")
    if summary["marginal"]:
        lines += ["", "Marginal cost of a page (difference between two sizes, so start-up and fixed pages cancel out):", "",
                  "| N | build ms per extra page | baseline ms per extra page | ratio | build CPU ms | baseline CPU ms | ratio (CPU) |",
                  "|---|---|---|---|---|---|---|"]
        for m in summary["marginal"]:
            ratio = f"{m['ratio']:.3f}" if m["ratio"] is not None else "n/a"
            ratio_cpu = f"{m['ratio_cpu']:.3f}" if m.get("ratio_cpu") is not None else "n/a"
            lines.append(f"| {m['from']} → {m['to']} | {m['build_ms_per_extra_page']:.1f} | {m['baseline_ms_per_extra_page']:.1f} | {ratio} | "
                         f"{m.get('build_cpu_ms_per_extra_page', float('nan')):.1f} | {m.get('baseline_cpu_ms_per_extra_page', float('nan')):.1f} | {ratio_cpu} |")
    growth = summary["growth"]
    if growth:
        lines += ["", f"| stage | growth {growth['to']}/{growth['from']} (linear: {growth['to'] / growth['from']:.1f}x, limit {growth['limit']:.1f}x) |", "|---|---|"]
        for stage, ratio in growth["stages"].items():
            lines.append(f"| {stage} | {'n/a' if ratio is None else f'{ratio:.2f}x'} |")
        lines += ["", f"| page (HTML) | N={growth['from']} | N={growth['to']} | growth |", "|---|---|---|---|"]
        for page, info in growth["pages"].items():
            a, b = info["bytes"]
            ratio = "n/a" if info["ratio"] is None else f"{info['ratio']:.2f}x"
            lines.append(f"| {page} | {fmt_bytes(a) if a else '–'} | {fmt_bytes(b)} | {ratio} |")
    lines += ["", "| target | value | met |", "|---|---|---|"]
    lines += [f"| {t['target']} | {t['value']} | {'yes' if t['met'] else 'NO'} |" for t in summary["targets"]]
    return "\n".join(lines)


def save_json(args, sizes, results, summary, report, final: bool) -> None:
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({
        "meta": {
            "date": datetime.datetime.now().isoformat(timespec="seconds"),
            "project": str(args.project),
            "git_commit": _git_commit(args.project),
            "hooks_sha256": _tree_hash(args.snapshot / "hooks"),
            "python": platform.python_version(),
            "packages": _versions(),
            "cpus": os.cpu_count(),
            "seed": args.seed, "words": args.words, "repeats": args.repeats, "sizes": sizes,
            "pdf_repeats": args.pdf_repeats, "pdf_timeout": args.pdf_timeout, "complete": final,
        },
        "results": results,
        "summary": summary,
        "table": report,
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _git_commit(project: Path) -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=project, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def _tree_hash(folder: Path) -> str:
    """A fingerprint of the hooks' code, to tell runs of different versions apart."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.py")):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "markdown", "pyyaml", "jsonschema", "weasyprint"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            pass
    return found
