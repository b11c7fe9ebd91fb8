"""``--profile N``: per-page times (a timing hook added to a copy only) and a
cProfile of one build."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from builds import timed_build
from projects import commit_all, copy_project, make_corpus

PAGE_TIMER = '''"""Benchmark helper, added to a temporary copy of the project only:
the time MkDocs spends on each page (Markdown conversion, then the template
and the search plugin), in seconds, written as JSON after the build."""
import json
import os
import time

from mkdocs.plugins import event_priority

_started = {}
_times = {}


def _key(page, config):
    i18n = config.plugins.get("i18n")
    return f"{getattr(i18n, 'current_language', '') if i18n else ''}:{page.file.src_uri}"


def _start(page, config):
    _started[_key(page, config)] = time.perf_counter()


def _stop(page, config):
    key = _key(page, config)
    if key in _started:
        _times[key] = _times.get(key, 0.0) + time.perf_counter() - _started.pop(key)


@event_priority(10000)
def on_page_markdown(markdown, page, config, files):
    _start(page, config)
    return markdown


@event_priority(-10000)
def on_page_content(html, page, config, files):
    _stop(page, config)
    return html


@event_priority(10000)
def on_page_context(context, page, config, nav):
    _start(page, config)
    return context


@event_priority(-10000)
def on_post_page(output, page, config):
    _stop(page, config)
    return output


@event_priority(-10000)
def on_post_build(config):
    with open(os.environ["ROMKB_BENCH_PAGE_TIMES"], "w", encoding="utf-8") as out:
        json.dump(_times, out)
'''


def page_times(project: Path, work: Path, top: int = 12) -> dict:
    """Build a copy of ``project`` with a timing hook; the slowest pages."""
    timed = work / "page-times"
    shutil.copytree(project, timed, symlinks=True)
    (timed / "hooks" / "_bench_page_times.py").write_text(PAGE_TIMER, encoding="utf-8")
    config = (timed / "mkdocs.yml").read_text(encoding="utf-8")
    entry = "  - hooks/_bench_page_times.py\n"
    config = re.sub(r"^hooks\s*:\s*\n", lambda m: m.group(0) + entry, config, count=1, flags=re.M) \
        if re.search(r"^hooks\s*:\s*\n", config, re.M) else config + "\nhooks:\n" + entry
    (timed / "mkdocs.yml").write_text(config, encoding="utf-8")
    output = work / "page-times.json"
    os.environ["ROMKB_BENCH_PAGE_TIMES"] = str(output)
    try:
        build = timed_build(timed, work / "page-times-site", work / "page-times.log")
    finally:
        del os.environ["ROMKB_BENCH_PAGE_TIMES"]
    times = json.loads(output.read_text(encoding="utf-8"))
    total = sum(times.values())
    examples = sum(seconds for key, seconds in times.items() if re.match(r"^[a-z]*:exempel/(?!index)", key))
    slowest = sorted(times.items(), key=lambda item: -item[1])[:top]
    print(f"\nper-page time (Markdown + template + search), build {build['seconds']:.1f} s: "
          f"{total:.1f} s in {len(times)} pages; example pages {examples:.1f} s "
          f"({1000 * examples / max(1, sum(1 for key in times if re.match(r'^[a-z]*:exempel/(?!index)', key))):.1f} ms each)")
    for key, seconds in slowest:
        print(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f}%  {key}")
    return {"build_seconds": build["seconds"], "pages_seconds": total, "example_pages_seconds": examples,
            "slowest": [{"page": key, "seconds": seconds} for key, seconds in slowest]}


def profile(n: int, args, work: Path) -> None:
    import pstats

    project = work / f"profile-{n}" / "project"
    copy_project(args.snapshot, project)
    make_corpus(project, n, args)
    commit_all(project)
    output = args.json.with_name(f"benchmark-profile-{n}.prof")
    output.parent.mkdir(parents=True, exist_ok=True)
    timings = page_times(project, work / f"profile-{n}")
    output.with_suffix(".pages.json").write_text(json.dumps(timings, indent=2) + "\n", encoding="utf-8")
    print(f"profiling the build of N = {n} (cProfile slows it down) ...", flush=True)
    result = timed_build(project, work / f"profile-{n}" / "site", work / f"profile-{n}" / "build.log",
                         pdf="time" if args.profile_pdf else "skip", profile=output)
    print(f"build under cProfile: {result['seconds']:.1f} s; profile written to {output}")
    stats = pstats.Stats(str(output))
    by_package: dict[str, float] = {}
    romkb_rows = []
    for (filename, line, function), (calls, _, own, cumulative, _) in stats.stats.items():
        match = re.search(r"site-packages/([^/]+)", filename)
        if "/romkb/" in filename or filename.endswith("knowledge_base.py"):
            package = "romkb (the hooks)"
            romkb_rows.append((cumulative, own, calls, f"{Path(filename).name}:{line}({function})"))
        elif match:
            package = match.group(1)
        elif filename.startswith("~") or filename.startswith("<"):
            package = "builtins / C functions"
        else:
            package = "python stdlib"
        by_package[package] = by_package.get(package, 0.0) + own
    total = sum(by_package.values())
    print(f"\nown time by package (total {total:.1f} s):")
    for package, seconds in sorted(by_package.items(), key=lambda item: -item[1])[:15]:
        print(f"  {seconds:8.2f} s  {100 * seconds / total:5.1f}%  {package}")
    print("\nromkb functions by cumulative time:")
    for cumulative, own, calls, name in sorted(romkb_rows, reverse=True)[:25]:
        print(f"  {cumulative:8.2f} s cum  {own:8.2f} s own  {calls:8d} calls  {name}")
    print("\ntop 25 functions by own time:")
    stats.sort_stats("tottime").print_stats(25)
