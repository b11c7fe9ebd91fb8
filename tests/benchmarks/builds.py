"""One timed ``mkdocs build --strict`` in a subprocess, and the figures read
from the built site (pages, search index, PDFs)."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import (
    RUN_SCRIPT,
    WATCHED_PAGES,
)


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
    command += [str(RUN_SCRIPT), "_mkdocs", pdf, str(times), "build", "--strict", "--site-dir", str(site)]
    # The build runs as a user's does (its temporary source folder where the
    # hook puts it); a stopped build's folder is removed below.
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
    """The hooks' temporary source folders (romkb-site-*) on this machine
    (/dev/shm: where versions before issue 14 made them)."""
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
