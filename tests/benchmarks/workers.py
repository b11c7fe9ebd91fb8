"""Code that runs inside the benchmark's subprocesses (``run.py _worker`` and
``run.py _mkdocs``): the hook's own steps timed in a fresh interpreter, and
MkDocs with the PDF step skipped or timed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from common import (
    RUN_SCRIPT,
)


def _settings(project: Path):
    """The settings and MkDocs options the hook would use, from the copy's
    mkdocs.yml read by MkDocs itself (with its !ENV values)."""
    from mkdocs.config import load_config
    from romkb.settings import read_settings

    config = load_config(str(project / "mkdocs.yml"))
    settings = read_settings(config.extra.get("romkb"))
    return settings, bool(config.use_directory_urls) and not settings.offline


def worker(argv: list[str]) -> int:
    """``run.py _worker hooks|assemble PROJECT TARGET``: time (or just run) the
    hook's own steps, as romkb.project.load_project runs them (load with a
    fresh cache, start text, git dates, generate), then write the source
    folder; print JSON on stdout."""
    mode, project, target = argv[0], Path(argv[1]).resolve(), Path(argv[2])
    sys.path.insert(0, str(project / "hooks"))
    import romkb
    from romkb.catalogue import load_catalogue
    from romkb.git_dates import file_dates
    from romkb.site_sources import assemble, read_start_intro, write_tree

    settings, directory_urls = _settings(project)
    docs = project / "docs"
    # A cold build's hook checks every file and writes the cache of checked
    # files (on the disk, as .cache/ is): so does this load, into an empty folder.
    cache_dir = target.parent / (target.name + "-cache")
    shutil.rmtree(cache_dir, ignore_errors=True)
    cpu = [time.process_time()]
    start = time.perf_counter()
    catalogue = load_catalogue(project, docs_dir=docs, cache_dir=cache_dir)
    start_intros, start_problems = read_start_intro(docs, project)
    loaded = time.perf_counter()
    cpu.append(time.process_time())
    errors = [problem for problem in catalogue.errors + start_problems if problem.severity == "error"]
    if errors:
        print(json.dumps({"errors": [str(problem) for problem in errors[:20]]}))
        return 1
    files = assemble(catalogue, docs, project, start_intros, settings, directory_urls=directory_urls, dates=file_dates(project)).files
    assembled = time.perf_counter()
    cpu.append(time.process_time())
    write_tree(target, files)
    written = time.perf_counter()
    cpu.append(time.process_time())
    # The same load with a warm cache of checked files (romkb.file_cache), as
    # in every build after the first (mkdocs serve, a contributor's rebuilds).
    cpu_start, start_warm = time.process_time(), time.perf_counter()
    load_catalogue(project, docs_dir=docs, cache_dir=cache_dir)
    warm = {"load_warm": time.perf_counter() - start_warm, "cpu_load_warm": time.process_time() - cpu_start}
    warm["total_warm"] = warm["load_warm"] + (written - loaded)
    warm["cpu_total_warm"] = warm["cpu_load_warm"] + (cpu[3] - cpu[1])
    shutil.rmtree(cache_dir, ignore_errors=True)
    # Generated: every page that is not a hand-written docs/ file copied as it is.
    generated = sorted(path for path in files if path.endswith(".md")
                       and not ((docs / path).is_file() and (docs / path).read_bytes() == files[path]))
    print(json.dumps({
        "romkb": str(Path(romkb.__file__).parent),
        "mode": mode,
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


def mkdocs_with_pdf_step(argv: list[str]) -> int:
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


def run_worker(mode: str, project: Path, target: Path) -> dict:
    environment = {**os.environ, "PYTHONPATH": str(project / "hooks")}
    process = subprocess.run([sys.executable, str(RUN_SCRIPT), "_worker", mode, str(project), str(target)],
                             capture_output=True, text=True, env=environment, cwd=project)
    if process.returncode != 0:
        raise SystemExit(f"the hooks failed on the synthetic corpus:\n{process.stdout}\n{process.stderr}")
    return json.loads(process.stdout)
