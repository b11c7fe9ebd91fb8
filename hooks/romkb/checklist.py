"""The tips checklist as plain data: every tip and success factor of the
examples (under each example's main theme) and the themes' general tips, with
where each comes from. The checklist pages and the print document both read it."""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Catalogue
from .examples import Example
from .ui_text import text

KINDS = ("tips", "factors")


@dataclass(frozen=True)
class ChecklistItem:
    id: str  # stable: the reader's ticks are stored under it
    name: str | None  # a success factor's name (bold before its text)
    text: str  # Markdown
    source_title: str  # the example's title, or "the theme page <theme>"
    source_kind: str  # "example" or "theme"
    source_id: str  # the example's slug or the theme's id


def checklist_items(catalogue: Catalogue, language: str, examples: list[Example] | None = None,
                    general: bool = True) -> dict[str, dict[str, list[ChecklistItem]]]:
    """theme -> {"tips": [...], "factors": [...]}. Each item appears once: an
    example's stand under its main theme. ``examples`` (default: all) and
    ``general`` (the themes' general tips) choose what one page holds."""
    result: dict[str, dict[str, list[ChecklistItem]]] = {theme: {kind: [] for kind in KINDS} for theme in catalogue.vocabularies.themes}
    for theme_id in catalogue.vocabularies.themes if general else ():
        intro = catalogue.theme_intros.get((theme_id, language))
        if intro is None:
            continue
        source = text(language, "general_tips_source", theme=intro.title)
        for number, item in enumerate(intro.tips, start=1):
            result[theme_id]["tips"].append(ChecklistItem(f"tip-{theme_id}-{number}", None, item.text, source, "theme", theme_id))
    for example in sorted(catalogue.examples if examples is None else examples, key=lambda e: e.slug):
        example_text = example.text(language)
        for number, item in enumerate(example_text.tips, start=1):
            result[example.main_theme]["tips"].append(ChecklistItem(f"tip-{example.slug}-{number}", None, item.text,
                                                                    example_text.title, "example", example.slug))
        for number, item in enumerate(example_text.success_factors, start=1):
            result[example.main_theme]["factors"].append(ChecklistItem(f"factor-{example.slug}-{number}", item.name, item.text,
                                                                       example_text.title, "example", example.slug))
    return result
