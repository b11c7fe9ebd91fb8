"""The PDFs: one print document per planned PDF (``pdf_plan``: the whole
knowledge base, the themes, or the parts of the themes in a large knowledge
base), made from ``print_html`` and written by WeasyPrint as a tagged
PDF/UA-1 with the document language, title and bookmarks from the headings.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path

from .catalogue import Catalogue
from .examples import Example
from .gc_pause import cycle_collection_rare
from .languages import LANGUAGES
from .pdf_plan import PART_LIMIT, WHOLE_PDF_LIMIT, PdfPlanEntry, pdf_folder, pdf_plan
from .print_html import PRINT_CSS, Edition, PrintDocument
from .pydyf_patch import cache_page_references

def edition_from_git(root: Path) -> Edition:
    """The edition: the build date (from git or SOURCE_DATE_EPOCH, see
    build_info, never the clock alone) and the short hash of the commit, so
    that two builds of the same commit are identical."""
    from .build_info import build_date, ensure_source_date_epoch
    from .git import run_git

    epoch = ensure_source_date_epoch(root)
    version = (run_git(root, "rev-parse", "--short", "HEAD", timeout=20) or "").strip()
    return Edition(date=build_date(epoch) if epoch is not None else "–", version=version or "–")


def document_catalogue(catalogue: Catalogue, entry: PdfPlanEntry, by_slug: dict[str, Example] | None = None) -> Catalogue:
    """The catalogue a planned document is made from: the vocabularies, the
    theme introductions and only the document's own examples."""
    if entry.theme is None and len(entry.slugs) == len(catalogue.examples):
        return catalogue
    by_slug = by_slug or {example.slug: example for example in catalogue.examples}
    return dataclasses.replace(catalogue, examples=[by_slug[slug] for slug in entry.slugs], problems=[])


def render_pdf(catalogue: Catalogue, entry: PdfPlanEntry, edition: Edition, start_intro: str, target: Path, base_url: str) -> Path:
    """Render one planned document (``catalogue``: see document_catalogue) to ``target``."""
    from weasyprint import CSS, HTML

    cache_page_references()
    with cycle_collection_rare():
        source = PrintDocument(catalogue, entry.language, edition, start_intro, only_theme=entry.theme,
                               part=entry.part, parts=entry.parts).html()
        stylesheet = PRINT_CSS.read_text(encoding="utf-8")
        identifier = hashlib.sha256((source + stylesheet).encode("utf-8")).hexdigest()[:32].encode("ascii")
        HTML(string=source, base_url=base_url).write_pdf(target, stylesheets=[CSS(string=stylesheet)], pdf_variant="pdf/ua-1", pdf_identifier=identifier, custom_metadata=True)
    return target


def _render_pdf(job: tuple) -> Path:
    """Render one PDF (runs in a worker process)."""
    return render_pdf(*job)


def _job_name(entry: PdfPlanEntry) -> str:
    if entry.theme is None:
        return entry.language
    return f"{entry.language}/{entry.theme}" + (f"/{entry.part}" if entry.parts > 1 else "")


def write_pdfs(catalogue: Catalogue, edition: Edition, start_intros: dict[str, str], site_dir: Path,
               languages=LANGUAGES, themes: bool = True, workers: int | None = None,
               whole_limit: int = WHOLE_PDF_LIMIT, part_limit: int = PART_LIMIT) -> dict[str, Path]:
    """Render the documents of ``pdf_plan`` into ``site_dir`` (``pdf/…`` for
    the default language, ``<lang>/pdf/…`` for the others), on every core:
    for a small knowledge base one PDF of the whole per language and one per
    theme, for a large one the parts of the themes' PDFs. Returns
    name -> path (``sv``, ``sv/<theme>``, ``sv/<theme>/<part>``).

    Each job carries only the examples of its document (the vocabularies and
    theme introductions besides), so that neither sending the jobs to the
    workers nor building a document grows with the whole catalogue."""
    from concurrent.futures import ProcessPoolExecutor

    plan = pdf_plan(catalogue, languages=languages, themes=themes, whole_limit=whole_limit, part_limit=part_limit)
    by_slug = {example.slug: example for example in catalogue.examples}
    jobs: dict[str, tuple] = {}
    for entry in plan:
        folder = site_dir / pdf_folder(entry.language)
        folder.mkdir(parents=True, exist_ok=True)
        jobs[_job_name(entry)] = (document_catalogue(catalogue, entry, by_slug), entry, edition, start_intros.get(entry.language, ""),
                                  folder / entry.file_name, str(site_dir))
    # The largest documents first, so that no core waits for one long job at the end.
    order = sorted(jobs, key=lambda name: -len(jobs[name][1].slugs))
    workers = workers or min(len(jobs), os.cpu_count() or 1)
    if workers <= 1:
        return {name: _render_pdf(jobs[name]) for name in order}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        written = dict(zip(order, pool.map(_render_pdf, [jobs[name] for name in order])))
    return {name: written[name] for name in jobs}
