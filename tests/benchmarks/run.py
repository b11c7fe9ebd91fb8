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
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import gzip
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (tests/benchmarks/corpus.py)

PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides", "templates")
DEFAULT_SIZES = (100, 500, 2000)
QUICK_SIZES = (20, 50)
TARGET_HOOKS_SHARE = 0.05
TARGET_PER_PAGE_EXTRA = 0.05
TARGET_GROWTH_SLACK = 1.1  # 2000/500: at most 4 x 1.1 = 4.4
# Pages whose HTML size is watched for growth with N (sv and en).
WATCHED_PAGES = {
    "examples index": "exempel/index.html",
    "target groups": "malgrupper/index.html",
    "checklist": "tipslista/index.html",
    "themes index": "teman/index.html",
    "municipalities index": "kommuner/index.html",
    "start page": "index.html",
}


# ---------------------------------------------------------------------------
# workers: run in a fresh interpreter with the copy's hooks/ first on sys.path
# ---------------------------------------------------------------------------

def _worker(argv: list[str]) -> int:
    """``run.py _worker hooks|assemble PROJECT TARGET``: time (or just run) the
    hook's own steps, print JSON on stdout."""
    import inspect

    mode, project, target = argv[0], Path(argv[1]), Path(argv[2])
    given_target = target
    sys.path.insert(0, str(project / "hooks"))
    import romkb  # noqa: F401
    from romkb.catalogue import load_catalogue
    from romkb.site_sources import assemble, write_tree

    docs = (project / "docs").resolve()
    # A cold build's hook checks every file and writes the cache of checked
    # files (on the disk, as .cache/ is): so does this load, into an empty folder.
    caching = "cache_dir" in inspect.signature(load_catalogue).parameters
    cache_dir = given_target.parent / (given_target.name + "-cache")
    shutil.rmtree(cache_dir, ignore_errors=True)
    try:  # since session 3 the hook loads and generates with the cyclic GC paused, then freezes the result
        from romkb.gc_pause import cycle_collection_paused

        freeze = gc.freeze
    except ImportError:
        cycle_collection_paused, freeze = contextlib.nullcontext, lambda: None
    cpu = [time.process_time()]
    start = time.perf_counter()
    with cycle_collection_paused():
        catalogue = load_catalogue(project.resolve(), docs_dir=docs, **({"cache_dir": cache_dir} if caching else {}))
        loaded = time.perf_counter()
        cpu.append(time.process_time())
        if catalogue.errors:
            print(json.dumps({"errors": [str(problem) for problem in catalogue.errors[:20]]}))
            return 1
        assembled_sources = assemble(catalogue, docs, project.resolve(), **_assemble_options(project, assemble))
        freeze()
    # Since session 3 assemble() returns SiteSources (files and start texts); before, path -> bytes.
    files = getattr(assembled_sources, "files", assembled_sources)
    assembled = time.perf_counter()
    cpu.append(time.process_time())
    if mode == "hooks":
        # What the hook writes: the pages' Markdown stays in memory where this
        # version of the hook hands it to MkDocs directly (split_for_build).
        import romkb.site_sources as site_sources

        written_files = site_sources.split_for_build(files)[0] if hasattr(site_sources, "split_for_build") else files
        if hasattr(site_sources, "scratch_parent"):  # where the hook makes its folder (/dev/shm when there is room)
            target = Path(tempfile.mkdtemp(prefix="romkb-bench-", dir=site_sources.scratch_parent()))
    else:
        written_files = files
    write_tree(target, written_files)
    written = time.perf_counter()
    cpu.append(time.process_time())
    if target != given_target:
        shutil.rmtree(target, ignore_errors=True)
        given_target.mkdir(parents=True, exist_ok=True)  # the caller removes it
    # The same load with a warm cache of checked files (romkb.file_cache), as
    # in every build after the first (mkdocs serve, a contributor's rebuilds).
    warm = {}
    if caching:
        cpu_start, start_warm = time.process_time(), time.perf_counter()
        load_catalogue(project.resolve(), docs_dir=docs, cache_dir=cache_dir)
        warm = {"load_warm": time.perf_counter() - start_warm, "cpu_load_warm": time.process_time() - cpu_start}
        warm["total_warm"] = warm["load_warm"] + (written - loaded)
        warm["cpu_total_warm"] = warm["cpu_load_warm"] + (cpu[3] - cpu[1])
        shutil.rmtree(cache_dir, ignore_errors=True)
    # Generated: every page that is not a hand-written docs/ file copied as it is.
    generated = sorted(path for path in files if path.endswith(".md")
                       and not ((docs / path).is_file() and (docs / path).read_bytes() == files[path]))
    print(json.dumps({
        "romkb": str(Path(romkb.__file__).parent),
        "examples": len(catalogue.examples),
        "problems": len(catalogue.problems),
        "load": loaded - start,
        "generate": assembled - loaded,
        "write": written - assembled,
        "total": written - start,
        "cpu_load": cpu[1] - cpu[0],
        "cpu_generate": cpu[2] - cpu[1],
        "cpu_write": cpu[3] - cpu[2],
        "cpu_total": cpu[3] - cpu[0],
        **warm,
        "files": len(files),
        "pages": sum(1 for path in files if path.endswith(".md")),
        "generated_pages": generated,
        "markdown_bytes": sum(len(content) for content in files.values()),
    }))
    return 0


def _mkdocs(argv: list[str]) -> int:
    """``run.py _mkdocs skip|time TIMES_FILE <mkdocs arguments>``: run MkDocs with
    the hook's PDF step (romkb.print_document.write_pdfs) skipped or timed, so
    that the HTML build and the PDF are measured apart. Without that function
    (no PDF in this version of the project) MkDocs runs unchanged."""
    pdf_mode, times_file, arguments = argv[0], Path(argv[1]), argv[2:]
    try:
        import romkb.print_document as print_document
    except ImportError:
        print_document = None
    if print_document is not None and hasattr(print_document, "write_pdfs"):
        original = print_document.write_pdfs

        def write_pdfs(*args, **kwargs):
            if pdf_mode == "skip":
                with times_file.open("a") as record:
                    record.write("skipped\n")
                return {}
            start = time.perf_counter()
            result = original(*args, **kwargs)
            with times_file.open("a") as record:
                record.write(f"{time.perf_counter() - start}\n")
            return result

        print_document.write_pdfs = write_pdfs  # the hook imports it from here when MkDocs loads it
    from mkdocs.__main__ import cli

    sys.argv = ["mkdocs", *arguments]
    return cli()


def _assemble_options(project: Path, assemble) -> dict:
    """The keyword arguments the hook passes to assemble() (as far as this
    version of assemble() takes them), read from mkdocs.yml as MkDocs would."""
    import inspect

    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    parameters = inspect.signature(assemble).parameters
    options = {}
    if "site_url" in parameters:
        match = re.search(r"^site_url\s*:\s*(.*?)\s*(?:#.*)?$", config, re.M)
        value = match.group(1).strip("'\"") if match else ""
        environment = re.fullmatch(r"!ENV\s*\[?\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:,\s*(.*?))?\s*\]?", value)
        if environment:  # !ENV [NAME, default]
            default = (environment.group(2) or "").strip("'\"")
            value = os.environ.get(environment.group(1), "" if default in ("null", "~") else default)
        options["site_url"] = value
    if "directory_urls" in parameters:
        options["directory_urls"] = not re.search(r"^use_directory_urls\s*:\s*false", config, re.M | re.I)
    return options


def _run_worker(mode: str, project: Path, target: Path) -> dict:
    environment = {**os.environ, "PYTHONPATH": str(project / "hooks")}
    process = subprocess.run([sys.executable, str(Path(__file__).resolve()), "_worker", mode, str(project), str(target)],
                             capture_output=True, text=True, env=environment, cwd=project)
    if process.returncode != 0:
        raise SystemExit(f"the hooks failed on the synthetic corpus:\n{process.stdout}\n{process.stderr}")
    return json.loads(process.stdout)


# ---------------------------------------------------------------------------
# project copies
# ---------------------------------------------------------------------------

def copy_project(source: Path, target: Path) -> None:
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        path = source / part
        if path.is_dir():
            shutil.copytree(path, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        elif path.exists():
            shutil.copy2(path, target / part)


def make_corpus(project: Path, n: int, args) -> dict:
    """N examples in the copy's examples/: the real examples that the
    hand-written docs/ link to (so that their links resolve in a strict
    build), copied from the project, and N minus those synthetic ones."""
    linked = sorted({match.group(1) for path in (project / "docs").rglob("*.md")
                     for match in re.finditer(r"exempel/([a-z0-9-]+)(?:\.[a-z]{2})?\.md", path.read_text(encoding="utf-8"))})
    stats = corpus.generate_corpus(project / "examples", n - len(linked), project / "data", seed=args.seed, words=args.words)
    for slug in linked:
        for path in (args.snapshot / "examples").glob(f"{slug}*.md"):
            if re.fullmatch(rf"{re.escape(slug)}(?:\.[a-z]{{2}})?\.md", path.name):
                shutil.copy2(path, project / "examples" / path.name)
    return {**stats, "examples": n, "real_examples_linked_from_docs": linked}


def commit_all(project: Path) -> bool:
    """Make the copy a git repository with one commit, as the real project is:
    the hooks read dates from git (one ``git log``), and would skip that
    work outside a repository."""
    if shutil.which("git") is None:
        return False
    environment = {**os.environ, "GIT_AUTHOR_NAME": "benchmark", "GIT_AUTHOR_EMAIL": "benchmark@example.invalid",
                   "GIT_COMMITTER_NAME": "benchmark", "GIT_COMMITTER_EMAIL": "benchmark@example.invalid",
                   "GIT_AUTHOR_DATE": "2025-01-01T12:00:00", "GIT_COMMITTER_DATE": "2025-01-01T12:00:00"}
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "--no-gpg-sign", "-m", "benchmark corpus"]):
        if subprocess.run(command, cwd=project, env=environment, capture_output=True).returncode != 0:
            return False
    return True


def without_hooks(config_text: str) -> str:
    """mkdocs.yml without its top-level ``hooks:`` entry."""
    lines, out, skipping = config_text.split("\n"), [], False
    for line in lines:
        if re.match(r"^hooks\s*:", line):
            skipping = not re.match(r"^hooks\s*:\s*\[.*\]\s*(#.*)?$", line)
            continue
        if skipping:
            if line.strip() == "" or line.startswith((" ", "\t", "-", "#")):
                continue
            skipping = False
        out.append(line)
    return "\n".join(out)


def docs_dir_of(config_text: str) -> str:
    match = re.search(r"^docs_dir\s*:\s*['\"]?([^'\"\s#]+)", config_text, re.M)
    return match.group(1) if match else "docs"


def make_baseline(project: Path, target: Path) -> dict:
    """A project that builds the same pages as ``project`` without the hooks."""
    target.mkdir(parents=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    stripped = without_hooks(config)
    if re.search(r"^hooks\s*:", stripped, re.M):
        raise SystemExit("could not remove the hooks: entry from mkdocs.yml")
    (target / "mkdocs.yml").write_text(stripped, encoding="utf-8")
    for part in PROJECT_PARTS:
        if part in ("mkdocs.yml", "docs", "hooks", "examples") or not (project / part).exists():
            continue
        shutil.copytree(project / part, target / part)
    return _run_worker("assemble", project, target / docs_dir_of(config))


# ---------------------------------------------------------------------------
# measuring a build
# ---------------------------------------------------------------------------

def timed_build(project: Path, site: Path, log: Path, pdf: str = "skip", profile: Path | None = None,
                timeout: float | None = None) -> dict:
    """``mkdocs build --strict`` in a subprocess: wall time, CPU time, peak RSS,
    with the PDF step skipped (``pdf="skip"``) or run and timed (``"time"``).
    A build still running after ``timeout`` seconds is stopped and reported
    as timed out (only that build's own process group is signalled)."""
    times = log.with_suffix(".pdf-times")
    times.unlink(missing_ok=True)
    command = [sys.executable]
    if profile:
        command += ["-m", "cProfile", "-o", str(profile)]
    command += [str(Path(__file__).resolve()), "_mkdocs", pdf, str(times), "build", "--strict", "--site-dir", str(site)]
    # The build runs as a user's does (its temporary source folder where the
    # hook puts it: /dev/shm when there is one); a stopped build's folder is
    # removed below.
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    environment.pop("TMPDIR", None)
    before = set(_hook_folders())
    with open(log, "wb") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=environment, stdout=output, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG if timeout else 0)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                timed_out = True
                os.killpg(process.pid, signal.SIGKILL)  # the build's own session only
                _, status, usage = os.wait4(process.pid, 0)
                for folder in set(_hook_folders()) - before:  # atexit did not run
                    shutil.rmtree(folder, ignore_errors=True)
                break
            time.sleep(0.2)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if timed_out:
        return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024,
                "timed_out": True, "timeout_seconds": timeout, "pdf_step": pdf}
    text = log.read_text(encoding="utf-8", errors="replace")
    if process.returncode != 0 or "WARNING" in text:
        raise SystemExit(f"the build of {project} failed (exit {process.returncode}):\n{text[-4000:]}")
    result = {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss / 1024,  # Linux: KiB
    }
    # Since session 3 the hook logs how long its own work took inside the build.
    logged = re.search(r"pages generated in ([0-9.]+) s", text)
    if logged:
        result["hooks_in_build_seconds"] = float(logged.group(1))
    recorded = times.read_text().split() if times.exists() else []
    result["pdf_step"] = "none" if not recorded else "skipped" if recorded[0] == "skipped" else "timed"
    if result["pdf_step"] == "timed":
        result["pdf_seconds"] = sum(float(value) for value in recorded)
    return result


def _hook_folders() -> list[str]:
    """The hooks' temporary source folders (romkb-site-*) on this machine."""
    import glob

    return [path for base in ("/dev/shm", tempfile.gettempdir()) for path in glob.glob(os.path.join(base, "romkb-site-*"))]


def html_path(source: str) -> str:
    """Source path in the assembled folder -> built page (suffix i18n structure)."""
    language = ""
    match = re.fullmatch(r"(.+)\.([a-z]{2})\.md", source)
    if match and match.group(2) != "sv":
        source, language = match.group(1) + ".md", match.group(2) + "/"
    stem = source[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return f"{language}{stem}.html"
    return f"{language}{stem}/index.html"


def pdf_figures(site: Path, build_started: float) -> dict | None:
    """The PDF(s) of a build, and an estimate of their rendering time: for each
    PDF, its modification time minus that of the newest other file written
    before it (a PDF is rendered after the pages it prints)."""
    pdfs = sorted(site.rglob("*.pdf"))
    if not pdfs:
        return None
    seconds = 0.0
    for pdf in pdfs:
        written = pdf.stat().st_mtime
        before = [path.stat().st_mtime for path in site.rglob("*") if path.is_file() and path != pdf]
        before = [moment for moment in before if moment <= written]
        seconds += written - max(before, default=build_started)
    return {
        "files": [str(path.relative_to(site)) for path in pdfs],
        "bytes": sum(path.stat().st_size for path in pdfs),
        "seconds": seconds,
    }


def site_figures(site: Path, generated: list[str], examples: int) -> dict:
    index = site / "search" / "search_index.json"
    raw = index.read_bytes()
    pages = {}
    for source in generated:
        path = site / html_path(source)
        if path.exists():
            pages[html_path(source)] = path.stat().st_size
    largest = max(pages, key=pages.get)
    watched = {}
    for name, path in WATCHED_PAGES.items():
        for prefix in ("", "en/"):
            if (site / prefix / path).exists():
                watched[f"{name}{' (en)' if prefix else ''}"] = (site / prefix / path).stat().st_size
    for kind, folder in (("largest theme page", "teman/"), ("largest municipality page", "kommuner/"),
                         ("largest example page", "exempel/")):
        candidates = {path: size for path, size in pages.items()
                      if path.startswith(folder) and not path.endswith(("teman/index.html", "kommuner/index.html", "exempel/index.html"))}
        if candidates:
            watched[kind] = max(candidates.values())
    built_examples = len(list((site / "exempel").glob("*/index.html"))) + len(list((site / "en" / "exempel").glob("*/index.html")))
    if built_examples != 2 * examples:
        raise SystemExit(f"expected {2 * examples} example pages, found {built_examples}")
    return {
        "html_pages": sum(1 for _ in site.rglob("*.html")),
        "site_bytes": sum(path.stat().st_size for path in site.rglob("*") if path.is_file()),
        "search_index_bytes": len(raw),
        "search_index_gzip_bytes": len(gzip.compress(raw, 6)),
        "search_index_entries": len(json.loads(raw)["docs"]),
        "largest_page": {"path": largest, "bytes": pages[largest]},
        "watched_pages": watched,
    }


# ---------------------------------------------------------------------------
# one size
# ---------------------------------------------------------------------------

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
        hooks_runs.append(_run_worker("hooks", project, target))
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


# ---------------------------------------------------------------------------
# summary
# ---------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------
# profile
# ---------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_worker":
        return _worker(argv[1:])
    if argv and argv[0] == "_mkdocs":
        return _mkdocs(argv[1:])
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


if __name__ == "__main__":
    sys.exit(main())
