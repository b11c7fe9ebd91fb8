"""Assemble the folder MkDocs builds from: the hand-written ``docs/`` plus the
generated pages, written to a separate folder so that the build never writes
into ``docs/`` or ``examples/``.

The hand-written theme introductions and start text are read from ``docs/``
and replaced in the assembled folder by the complete generated pages.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue
from .examples import read_document
from .git_dates import FileDates
from .map_svg import load_outline
from .pages import START_PAGE, PageGenerator, localized
from .problems import Problem
from .settings import Settings
from .vocabulary import LANGUAGES


class SiteSourceError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


def read_start_intro(docs_dir: Path, root: Path) -> tuple[dict[str, tuple[str, str]], list[Problem]]:
    intros, problems = {}, []
    for language in LANGUAGES:
        path = docs_dir / localized(START_PAGE, language)
        display = os.path.relpath(path, root)
        if not path.exists():
            problems.append(Problem(display, None, None, "the start page text is missing"))
            continue
        document, read_problems = read_document(path, display)
        problems.extend(read_problems)
        if document is None or not document.data or not isinstance(document.data.get("title"), str):
            problems.append(Problem(display, 1, "title", "missing required field; write the site's title"))
            continue
        intros[language] = (document.data["title"], document.body)
    return intros, problems


@dataclass
class SiteSources:
    """The site's source folder, in memory until it is written: ``files``
    maps a path to its bytes (generated pages in UTF-8); ``start_intros`` is
    the hand-written start text (title, Markdown) per language, which the
    PDFs print too."""

    files: dict[str, bytes]
    start_intros: dict[str, tuple[str, str]]


def assemble(catalogue: Catalogue, docs_dir: Path, root: Path, start_intros: dict[str, tuple[str, str]],
             settings: Settings | None = None, directory_urls: bool = True, dates: dict[str, FileDates] | None = None) -> SiteSources:
    """Every file of the site's source folder: the hand-written files of
    ``docs_dir`` and the generated pages (UTF-8). Raises SiteSourceError when
    a hand-written file has the path of a generated page."""
    settings = settings or Settings()
    generator = PageGenerator(catalogue, directory_urls, dates=dates, outline=load_outline(root / "data"), site_url=settings.site_url,
                              page_size=settings.page_size, related_limit=settings.related_limit,
                              pdf_plan_options=settings.pdf_plan_options)
    generated = generator.generate(start_intros)
    replaced = {localized(START_PAGE, language) for language in LANGUAGES}
    replaced |= {intro.path for intro in catalogue.theme_intros.values()}
    files: dict[str, bytes] = {}
    collisions = []
    for path in sorted(docs_dir.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(docs_dir).as_posix()
        if os.path.relpath(path, root) in replaced or relative in replaced:
            continue
        if relative in generated:
            collisions.append(Problem(os.path.relpath(path, root), None, None,
                                      f"this hand-written file has the same path as a generated page ({relative}); rename or remove it"))
            continue
        files[relative] = path.read_bytes()
    if collisions:
        raise SiteSourceError(collisions)
    for relative, content in generated.items():
        files[relative] = content.encode("utf-8")
    return SiteSources(files, start_intros)


def write_tree(target: Path, files: dict[str, bytes]) -> None:
    """Make ``target`` hold exactly ``files``; unchanged files are not touched,
    so that a watching server does not see spurious changes. (os functions
    rather than pathlib: thousands of files, and a fresh folder is common.)"""
    fresh = not target.exists() or not any(target.iterdir())
    folders = {os.path.dirname(relative) for relative in files}
    for folder in sorted(folders):
        os.makedirs(os.path.join(target, folder), exist_ok=True)
    for relative, content in files.items():
        path = os.path.join(target, relative)
        if not fresh:
            try:
                with open(path, "rb") as existing:
                    if existing.read() == content:
                        continue
            except OSError:
                pass
        with open(path, "wb") as output:
            output.write(content)
    if fresh:
        return
    wanted = {os.path.normpath(relative) for relative in files}
    for folder, _subfolders, names in os.walk(target, topdown=False):
        relative_folder = os.path.relpath(folder, target)
        for name in names:
            relative = os.path.normpath(os.path.join(relative_folder, name))
            if relative not in wanted:
                os.unlink(os.path.join(folder, name))
        if folder != str(target) and not os.listdir(folder):
            os.rmdir(folder)


def remove_tree(target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)


