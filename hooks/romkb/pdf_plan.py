"""Which PDF documents a build makes, and which examples each one holds.

A pure function of the catalogue, shared by the pages (which link to the
PDFs) and by the renderer (``print_document.write_pdfs``), so that the links
always point at files that are written.

The time WeasyPrint needs for one document grows faster than the document
(layout, tagging and garbage collection all get slower per page as the
document grows), and one document of thousands of examples needs gigabytes of
memory. So no document may grow without bound:

* a small knowledge base (at most ``WHOLE_PDF_LIMIT`` examples) gets what it
  always had: one PDF of the whole knowledge base per language, and one PDF
  per theme and language;
* a larger one gets no whole-knowledge-base PDF, and each theme's PDF is split
  into parts of at most ``PART_LIMIT`` examples (``tema-<theme>-del-<k>.pdf``,
  "Del k av n" on the cover). A theme that fits in one part keeps its name
  ``tema-<theme>.pdf``.

Every document then holds at most ``max(WHOLE_PDF_LIMIT, PART_LIMIT)``
examples, and the total work grows with the number of (example, theme) pairs,
that is linearly with the number of examples.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .catalogue import Catalogue
from .languages import LANGUAGES
from .site_paths import language_prefix

PDF_FOLDER = "pdf"
PDF_FILE_NAMES = {"sv": "romsk-inkludering-i-praktiken.pdf", "en": "roma-inclusion-in-practice.pdf"}
# Above this many examples there is no whole-knowledge-base PDF.
WHOLE_PDF_LIMIT = 150
# The most examples in one part of a theme's PDF (when the whole PDF is not made).
PART_LIMIT = 100


def theme_pdf_name(theme: str, part: int = 1, parts: int = 1) -> str:
    """``tema-<theme>.pdf``, or ``tema-<theme>-del-<part>.pdf`` for a theme split into parts."""
    return f"tema-{theme}.pdf" if parts <= 1 else f"tema-{theme}-del-{part}.pdf"


def pdf_folder(language: str) -> str:
    """The folder of a language's PDFs, relative to the site root."""
    return language_prefix(language) + PDF_FOLDER


@dataclass(frozen=True)
class PdfPlanEntry:
    """One PDF document to render."""

    language: str
    file_name: str  # inside the language's PDF folder
    theme: str | None  # None: the whole knowledge base
    part: int  # 1-based
    parts: int  # how many parts the theme's PDF has (1: not split)
    slugs: tuple[str, ...]  # the examples in the document (a theme's: in title order)

    @property
    def path(self) -> str:
        """Relative to the site root: ``pdf/x.pdf`` or ``en/pdf/x.pdf``."""
        return f"{pdf_folder(self.language)}/{self.file_name}"

    @property
    def page_path(self) -> str:
        """Relative to the language's root (what the pages link to): ``pdf/x.pdf``."""
        return f"{PDF_FOLDER}/{self.file_name}"


def _title_order(examples, language: str) -> list:
    # The order of a theme's chapter in print_document (by title), with the
    # slug as a tie-breaker so that parts do not depend on input order.
    return sorted(examples, key=lambda e: (e.text(language).title.casefold(), e.slug))


def pdf_plan(catalogue: Catalogue, languages=LANGUAGES, themes: bool = True,
             whole_limit: int = WHOLE_PDF_LIMIT, part_limit: int = PART_LIMIT) -> list[PdfPlanEntry]:
    """The PDF documents of a build, whole-knowledge-base PDFs first, then the
    themes in vocabulary order and their parts in order. A split theme's
    examples are ordered by title (in the language) and cut into
    ``ceil(n / part_limit)`` parts of nearly equal size (differing by at most
    one example), so that no part is a small remainder."""
    if part_limit < 1:
        raise ValueError("part_limit must be at least 1")
    examples = catalogue.examples
    whole = len(examples) <= whole_limit
    by_theme: dict[str, list] = {theme: [] for theme in catalogue.vocabularies.themes}
    for example in examples:
        for theme in example.themes:
            if theme in by_theme:
                by_theme[theme].append(example)
    plan: list[PdfPlanEntry] = []
    for language in languages:
        if whole:
            plan.append(PdfPlanEntry(language, PDF_FILE_NAMES[language], None, 1, 1, tuple(e.slug for e in examples)))
        if not themes:
            continue
        for theme, theme_examples in by_theme.items():
            ordered = [e.slug for e in _title_order(theme_examples, language)]
            parts = 1 if whole else max(1, math.ceil(len(ordered) / part_limit))
            size, extra = divmod(len(ordered), parts)
            start = 0
            for part in range(1, parts + 1):
                end = start + size + (1 if part <= extra else 0)
                plan.append(PdfPlanEntry(language, theme_pdf_name(theme, part, parts), theme, part, parts, tuple(ordered[start:end])))
                start = end
    return plan


class PdfIndex:
    """Lookups in a plan: the whole PDF of a language, the parts of a theme,
    and the part of an example's main theme that holds it."""

    def __init__(self, plan: list[PdfPlanEntry], main_themes: dict[str, str] | None = None):
        self.plan = plan
        self._whole = {entry.language: entry for entry in plan if entry.theme is None}
        self._theme_parts: dict[tuple[str, str], list[PdfPlanEntry]] = {}
        self._holding: dict[tuple[str, str, str], PdfPlanEntry] = {}
        for entry in plan:
            if entry.theme is None:
                continue
            self._theme_parts.setdefault((entry.language, entry.theme), []).append(entry)
            for slug in entry.slugs:
                self._holding[(entry.language, entry.theme, slug)] = entry
        self._main_themes = main_themes or {}

    def whole(self, language: str) -> PdfPlanEntry | None:
        return self._whole.get(language)

    def theme_parts(self, language: str, theme: str) -> list[PdfPlanEntry]:
        return self._theme_parts.get((language, theme), [])

    def themes(self, language: str) -> list[str]:
        """The themes with a PDF, in plan order."""
        return [theme for (lang, theme) in self._theme_parts if lang == language]

    def for_example(self, language: str, slug: str) -> PdfPlanEntry | None:
        """The PDF to offer on an example's page: the whole PDF when there is
        one, else the part of its main theme's PDF that holds it."""
        if language in self._whole:
            return self._whole[language]
        theme = self._main_themes.get(slug)
        return self._holding.get((language, theme, slug)) if theme else None


def pdf_index(catalogue: Catalogue, **plan_options) -> PdfIndex:
    return PdfIndex(pdf_plan(catalogue, **plan_options), {e.slug: e.main_theme for e in catalogue.examples})
