"""Generate every page of the site's source folder, in every language.

Each page kind has a template in ``templates/`` (``*.md.j2``) and a function
that builds its context (``page_example``, ``page_listings``,
``page_overviews``); this module holds what they share and runs them all.
Paths carry mkdocs-static-i18n's suffix (``exempel/x.md``, ``exempel/x.en.md``);
links between pages are relative ``.md`` links, so that MkDocs checks them and
the i18n plugin points them at the same language.
"""

from __future__ import annotations

import functools
import json

from .catalogue import Catalogue
from .downloads import Downloads
from .examples import Example
from .facets import facet_counts, facet_values
from .git_dates import FileDates
from .languages import LANGUAGES
from .open_data import open_data_files
from .pdf_plan import PdfIndex, pdf_index
from . import site_paths
from .page_example import example_page
from .page_listings import examples_index, municipality_pages, target_group_pages, theme_pages
from .page_overviews import checklist_pages, dossier_page, municipalities_index, open_data_page, profile_page, start_page, themes_index
from .related import RELATED_LIMIT, related_examples
from .schema import example_schema
from .site_paths import SCHEMA_FILE, TRANSLATION_SCHEMA_FILE, built_url, link, localized
from .templating import MarkdownText, md_escape, render_page
from .ui_text import example_count, text
from .widgets import marker

# Listing pages (the examples index, theme, municipality and target-group
# lists, the checklist) hold at most this many examples each; longer lists go
# on numbered pages, so that no page grows with the knowledge base.
LIST_PAGE_SIZE = 50


def in_pages(items: list, size: int) -> list[list]:
    """``items`` in consecutive pages of at most ``size``; always one page at least."""
    return [items[start : start + size] for start in range(0, len(items), size)] or [[]]


def theme_title(catalogue: Catalogue, theme: str, language: str) -> str:
    """The theme page's title (its introduction's), or the theme's label."""
    intro = catalogue.theme_intros.get((theme, language))
    return intro.title if intro else catalogue.vocabularies.themes[theme].label(language)


class PageGenerator:
    """The catalogue and the build's settings, with what several pages share."""

    def __init__(self, catalogue: Catalogue, directory_urls: bool = True, dates: dict[str, FileDates] | None = None,
                 outline: list | None = None, site_url: str = "", page_size: int = LIST_PAGE_SIZE,
                 related_limit: int = RELATED_LIMIT, pdf_plan_options: dict[str, int] | None = None):
        self.catalogue = catalogue
        self.related_limit = related_limit
        self.pdf_plan_options = pdf_plan_options or {}  # the limits of pdf_plan, as the PDF step uses them
        self.vocabularies = catalogue.vocabularies
        self.page_size = page_size
        self.directory_urls = directory_urls  # False in the offline (file://) build
        self.dates = dates or {}  # examples/<slug>.md -> dates from git
        self.outline = outline or []  # Sweden's outline: no map without it
        self.site_url = site_url

    @functools.cached_property
    def by_slug(self) -> dict[str, Example]:
        return {example.slug: example for example in self.catalogue.examples}

    @functools.cached_property
    def reused_in(self) -> dict[str, list[Example]]:
        """slug -> the examples that build on it, in slug order."""
        result: dict[str, list[Example]] = {}
        for example in sorted(self.catalogue.examples, key=lambda e: e.slug):
            for other in example.builds_on:
                result.setdefault(other, []).append(example)
        return result

    @functools.cached_property
    def related(self) -> dict[str, list[Example]]:
        return related_examples(self.catalogue.examples, self.related_limit)

    @functools.cached_property
    def pdfs(self) -> PdfIndex:
        """The PDFs that the build writes (``pdf_plan``)."""
        return pdf_index(self.catalogue, **self.pdf_plan_options)

    @functools.cached_property
    def downloads(self) -> Downloads:
        # A function of the catalogue, not a bound method: the generator must
        # not be in a reference cycle (the hook freezes what it makes).
        return Downloads(self.pdfs, functools.partial(theme_title, self.catalogue), self.directory_urls)

    @functools.cached_property
    def facet_values(self) -> dict[str, dict[str, list[str]]]:
        return {example.slug: facet_values(example, self.vocabularies) for example in self.catalogue.examples}

    @functools.cached_property
    def facet_counts(self) -> dict[str, dict[str, int]]:
        return facet_counts(self.catalogue, self.facet_values)

    paths = site_paths  # for the templates: where each page is

    def theme_title(self, theme: str, language: str) -> str:
        return theme_title(self.catalogue, theme, language)

    def url(self, page: str, language: str) -> str:
        return built_url(page, language, self.directory_urls)

    def sorted_by_title(self, examples: list[Example], language: str) -> list[Example]:
        return sorted(examples, key=lambda e: e.text(language).title.casefold())

    def chunks(self, items: list) -> list[list]:
        return in_pages(items, self.page_size)

    def paged_title(self, title: str, number: int, total: int, language: str) -> str:
        return title if number == 1 else text(language, "pager_title", title=title, number=number, total=total)

    def municipality_names(self, example: Example) -> str:
        return ", ".join(self.vocabularies.municipalities[m].name for m in example.municipalities)

    def theme_labels(self, themes: list[str], language: str) -> str:
        return ", ".join(self.vocabularies.themes[theme].label(language) for theme in themes)

    def target_group_labels(self, groups: list[str], language: str) -> str:
        return ", ".join(self.vocabularies.target_groups[group].label(language) for group in groups)

    @staticmethod
    def example_count(language: str, count: int) -> str:
        return example_count(language, count)

    def render(self, template: str, page: str, language: str, meta: dict, **context: object) -> str:
        """A page from its template; every template gets ``t`` (UI text, its
        values escaped for Markdown), ``link`` (relative to the page),
        ``widget`` (a widget's marker) and the generator as ``site``."""
        def t(key: str, **values: object) -> MarkdownText:
            escaped = {name: value if isinstance(value, MarkdownText) or not isinstance(value, str) else md_escape(value)
                       for name, value in values.items()}
            return MarkdownText(text(language, key, **escaped))

        def page_link(target: str, anchor: str = "") -> MarkdownText:
            return MarkdownText(link(page, target, anchor))

        def widget(name: str) -> MarkdownText:
            return MarkdownText(marker(name))

        return render_page(template, meta, {"t": t, "link": page_link, "widget": widget, "site": self, "paths": site_paths,
                                            "vocabularies": self.vocabularies, "language": language, **context})

    def generate(self, start_intro: dict[str, tuple[str, str]]) -> dict[str, str]:
        """Every generated file: path -> content. ``start_intro`` maps a
        language to the (title, Markdown) of the hand-written start text."""
        pages: dict[str, str] = {}
        for language in LANGUAGES:
            generated: dict[str, str] = {}
            for example in self.catalogue.examples:
                generated.update(example_page(self, example, language))
            for build in (examples_index, themes_index, theme_pages, municipalities_index, municipality_pages,
                          target_group_pages, checklist_pages):
                generated.update(build(self, language))
            if language in start_intro:
                generated.update(start_page(self, language, *start_intro[language]))
            pages.update({localized(path, language): content for path, content in generated.items()})
        for language in LANGUAGES:
            for build in (open_data_page, profile_page, dossier_page):
                pages.update({localized(path, language): content for path, content in build(self, language).items()})
        pages.update(open_data_files(self.catalogue, self.dates, self.site_url))
        for path, translation in ((SCHEMA_FILE, False), (TRANSLATION_SCHEMA_FILE, True)):
            pages[path] = json.dumps(example_schema(self.vocabularies, translation=translation), ensure_ascii=False, indent=2) + "\n"
        return pages
