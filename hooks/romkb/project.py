"""The one load path of the build and of ``romkb validate``: everything that
is checked before MkDocs runs, in one function, so that the command reports
exactly what the build would stop on.

    vocabularies (data/) -> examples (each file checked, the cache used when
    the settings allow) -> theme introductions -> start page -> the generated
    pages and the files of docs/ (a collision of the two is a problem)

The pages are generated only when nothing before has an error (a page of a
broken catalogue means nothing). No MkDocs imports here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import Catalogue, load_catalogue
from .file_cache import CACHE_FOLDER
from .git_dates import dates_warning, file_dates
from .problems import ERROR, Problem
from .settings import Settings
from .site_sources import SiteSourceError, SiteSources, assemble, read_start_intro
from .vocabulary import VocabularyError


@dataclass
class LoadedProject:
    catalogue: Catalogue | None
    sources: SiteSources | None  # None when there are errors
    problems: list[Problem]  # errors and warnings, sorted as they are reported
    notes: list[str] = field(default_factory=list)  # about the build itself (e.g. dates from a shallow clone)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == ERROR]


def load_project(root: Path, settings: Settings | None = None, docs_dir: Path | None = None, directory_urls: bool = True) -> LoadedProject:
    """Check everything under ``root`` and, without errors, generate the site's sources."""
    settings = settings or Settings()
    docs_dir = docs_dir or root / "docs"
    try:
        catalogue = load_catalogue(root, docs_dir=docs_dir, cache_dir=root / CACHE_FOLDER if settings.cache else None)
    except VocabularyError as error:
        return LoadedProject(None, None, list(error.problems))
    start_intros, start_problems = read_start_intro(docs_dir, root)
    problems = catalogue.problems + start_problems
    if any(problem.severity == ERROR for problem in problems):
        return LoadedProject(catalogue, None, problems)
    dates = file_dates(root)
    warning = dates_warning(root, dates)
    try:
        sources = assemble(catalogue, docs_dir, root, start_intros, settings, directory_urls=directory_urls, dates=dates)
    except SiteSourceError as error:
        return LoadedProject(catalogue, None, problems + error.problems)
    return LoadedProject(catalogue, sources, problems, [warning] if warning else [])
