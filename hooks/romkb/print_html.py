"""The print document of the knowledge base (or of a theme, or a part of
one): the context of ``templates/print.html.j2``, laid out by
``templates/print.css``.

It is a purpose-built HTML document, not the screen pages: a cover with
title, edition date and version, a table of contents with page numbers, the
start text, one chapter per theme with its introduction and its examples
(each on a new page), the tips checklist, the sources and an imprint.
WeasyPrint lays it out with CSS Paged Media (running headers, page counters,
``target-counter`` for the contents); see ``print_document``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown as markdown_module
from markupsafe import Markup

from .body import section_headings
from .catalogue import Catalogue
from .checklist import KINDS, checklist_items
from .examples import Example, SourceRef
from .print_links import PrintLinks
from .print_text import print_text, site_title
from .templating import TEMPLATES, render_html
from .ui_text import text as ui

_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")
# The print document's layout, given to WeasyPrint with the document (print_document).
PRINT_CSS = TEMPLATES / "print.css"
# The ids of the document's own parts (the template), besides tema-<id> and exempel-<slug>.
FIXED_IDS = frozenset({"innehall", "om", "tipslista", "kallor", "om-utskriften"})


@dataclass(frozen=True)
class Edition:
    date: str  # ISO date of the content (from git), not the clock
    version: str


def rendered(markdown_text: str, ids: frozenset[str], demote: int = 0) -> Markup:
    """Markdown (an example's or a theme's body) as HTML for print, its links
    resolved against the document's ``ids`` (print_links), headings
    ``demote`` levels lower (they sit under the chapter's and example's)."""
    html = markdown_module.markdown(markdown_text, extensions=["admonition", "attr_list", "md_in_html", "tables", PrintLinks(ids)])
    if demote:
        html = _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + demote, 6)}", html)
    return Markup(html)


def rendered_inline(markdown_text: str, ids: frozenset[str]) -> Markup:
    """One list item's Markdown as HTML, without the paragraph around it."""
    html = str(rendered(markdown_text, ids))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[len("<p>"): -len("</p>")]
    return Markup(html)


class PrintDocument:
    def __init__(self, catalogue: Catalogue, language: str, edition: Edition, start_intro: str = "", only_theme: str | None = None,
                 part: int = 1, parts: int = 1):
        self.catalogue = catalogue
        self.vocabularies = catalogue.vocabularies
        self.language = language
        self.edition = edition
        self.start_intro = start_intro
        self.only_theme = only_theme  # a theme's own PDF: that theme and all its examples (in the catalogue given)
        self.part, self.parts = part, parts  # a part of a theme's PDF split into parts (see pdf_plan)
        self.text = print_text(language)
        self.ids = FIXED_IDS | {f"tema-{theme}" for theme in self.themes()} | \
            {f"exempel-{example.slug}" for theme in self.themes() for example in self.chapter_examples(theme)}

    def themes(self) -> list[str]:
        return [self.only_theme] if self.only_theme else list(self.vocabularies.themes)

    def chapter_examples(self, theme_id: str) -> list[Example]:
        """The examples in a theme's chapter: each example once, under its main
        theme (in a theme's own PDF, every example of the theme), by title."""
        chosen = (e for e in self.catalogue.examples if (theme_id in e.themes if self.only_theme else e.main_theme == theme_id))
        return sorted(chosen, key=lambda e: e.text(self.language).title.casefold())

    def theme_title(self, theme_id: str) -> str:
        intro = self.catalogue.theme_intros.get((theme_id, self.language))
        return intro.title if intro else self.vocabularies.themes[theme_id].label(self.language)

    def sources(self, sources: list[SourceRef]) -> list[dict]:
        return [{"document": self.vocabularies.sources[ref.document], "pages": ref.pages} for ref in sources]

    def example(self, example: Example) -> dict:
        language, vocabularies = self.language, self.vocabularies
        example_text = example.text(language)
        facts = [
            (ui(language, "municipalities" if len(example.municipalities) > 1 else "municipality"),
             ", ".join(vocabularies.municipalities[m].name for m in example.municipalities)),
            (ui(language, "themes"), ", ".join(vocabularies.themes[t].label(language) for t in example.themes)),
            (ui(language, "target_groups"), ", ".join(vocabularies.target_groups[g].label(language) for g in example.target_groups)),
        ]
        if example_text.partners:
            facts.append((ui(language, "partners"), ", ".join(example_text.partners)))
        if example_text.period:
            facts.append((ui(language, "period"), example_text.period))
        return {
            "slug": example.slug, "text": example_text, "facts": facts, "headings": section_headings(example_text.language),
            "shown_language": example_text.language if example_text.language != language else None,
            "description": rendered(example_text.description, self.ids, demote=2),
            "factors": [{"name": item.name, "html": rendered_inline(item.text, self.ids)} for item in example_text.success_factors],
            "tips": [rendered_inline(item.text, self.ids) for item in example_text.tips],
            "sources": self.sources(example.sources),
        }

    def chapter(self, theme_id: str) -> dict:
        intro = self.catalogue.theme_intros.get((theme_id, self.language))
        secondary = [] if self.only_theme else [e for e in self.catalogue.examples_for_theme(theme_id) if e.main_theme != theme_id]
        return {"id": theme_id, "title": self.theme_title(theme_id), "intro": rendered(intro.markdown, self.ids, demote=1) if intro else None,
                "see_also": secondary, "examples": [self.example(example) for example in self.chapter_examples(theme_id)]}

    def checklist(self) -> list[dict]:
        """The checklist's parts (tips, success factors), each by theme: only
        the items whose example or theme is in this document."""
        items = checklist_items(self.catalogue, self.language)
        parts = []
        for kind, title_key in zip(KINDS, ("heading_tips", "heading_success_factors")):
            themes = []
            for theme_id, theme in self.vocabularies.themes.items():
                entries = [{"item": item, "html": rendered_inline(item.text, self.ids), "anchor": anchor} for item in items[theme_id][kind]
                           if (anchor := f"{'tema' if item.source_kind == 'theme' else 'exempel'}-{item.source_id}") in self.ids]
                if entries:
                    themes.append({"label": theme.label(self.language), "entries": entries})
            parts.append({"title": ui(self.language, title_key), "themes": themes})
        return parts

    def title_and_part(self) -> tuple[str, str]:
        title = site_title(self.language)
        if self.only_theme:
            title += " – " + self.vocabularies.themes[self.only_theme].label(self.language)
        part = self.text["part"].format(part=self.part, parts=self.parts) if self.parts > 1 else ""
        return (title + " – " + part if part else title), part

    def html(self) -> str:
        title, part = self.title_and_part()
        chapters = [self.chapter(theme_id) for theme_id in self.themes()]
        part_note = None
        if part and self.only_theme:
            part_note = self.text["part_note"].format(part=self.part, parts=self.parts, theme=self.vocabularies.themes[self.only_theme].label(self.language))
        return render_html("print.html.j2", {
            "language": self.language, "title": title, "part": part, "text": self.text, "ui": lambda key: ui(self.language, key),
            "edition": self.text["edition"].format(date=self.edition.date), "version": self.text["version"].format(version=self.edition.version),
            "date": self.edition.date, "about": rendered(self.start_intro, self.ids, demote=1), "chapters": chapters,
            "checklist": self.checklist(), "all_sources": list(self.vocabularies.sources.values()), "part_note": part_note,
        })
