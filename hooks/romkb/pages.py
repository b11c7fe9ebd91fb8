"""Generate the Markdown of every generated page, in every language.

Pure functions from the catalogue to ``{path: markdown}``. Paths are relative
to the site's source folder and carry the language suffix of
mkdocs-static-i18n's "suffix" structure (``exempel/x.md``, ``exempel/x.en.md``).
Links between pages are written as relative ``.md`` links, so that MkDocs
checks them and the i18n plugin points them at the same language.
"""

from __future__ import annotations

import json
import posixpath
import re
from typing import Iterable

import yaml

from .body import ListItem
from .catalogue import THEMES_FOLDER, Catalogue
from .examples import DEFAULT_LANGUAGE, Example, SourceRef
from .schema import example_schema
from .ui_text import example_count, text
from .vocabulary import LANGUAGES, Municipality

EXAMPLES_FOLDER = "exempel"
MUNICIPALITIES_FOLDER = "kommuner"
TARGET_GROUPS_PAGE = "malgrupper.md"
CHECKLIST_PAGE = "tipslista.md"
START_PAGE = "index.md"
SCHEMA_FILE = "schema/example.schema.json"
TRANSLATION_SCHEMA_FILE = "schema/example-translation.schema.json"

# Fixed anchors on example pages, so that links (the checklist) do not depend
# on how headings are turned into ids.
ANCHOR_DESCRIPTION = "beskrivning"
ANCHOR_FACTORS = "forutsattningar"
ANCHOR_TIPS = "tips"
ANCHOR_GENERAL_TIPS = "kommunernas-tips"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|!])")


def md_escape(value: str) -> str:
    """Escape text so that Markdown shows it as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def localized(path: str, language: str) -> str:
    """``a/b.md`` -> ``a/b.en.md`` for a non-default language."""
    if language == DEFAULT_LANGUAGE:
        return path
    stem, extension = posixpath.splitext(path)
    return f"{stem}.{language}{extension}"


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative link between two language-neutral source paths."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return target + (f"#{anchor}" if anchor else "")


def example_path(slug: str) -> str:
    return f"{EXAMPLES_FOLDER}/{slug}.md"


def theme_path(theme: str) -> str:
    return f"{THEMES_FOLDER}/{theme}.md"


def municipality_path(municipality: str) -> str:
    return f"{MUNICIPALITIES_FOLDER}/{municipality}.md"


def _front_matter(**fields: object) -> str:
    data = {key: value for key, value in fields.items() if value is not None}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def _join(parts: Iterable[str]) -> str:
    return "\n".join(parts).rstrip() + "\n"


class PageGenerator:
    """Turns a catalogue into the generated pages of one site build."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.vocabularies = catalogue.vocabularies

    # ---- shared pieces -------------------------------------------------

    def _municipality_names(self, example: Example, page: str) -> str:
        return ", ".join(
            f"[{md_escape(self.vocabularies.municipalities[m].name)}]({link(page, municipality_path(m))})"
            for m in example.municipalities
        )

    def _theme_links(self, themes: list[str], page: str, language: str) -> str:
        return ", ".join(
            f"[{md_escape(self.vocabularies.themes[t].label(language))}]({link(page, theme_path(t))})" for t in themes
        )

    def _example_card(self, example: Example, page: str, language: str, heading_level: int = 3) -> str:
        example_text = example.text(language)
        themes = ", ".join(md_escape(self.vocabularies.themes[t].label(language)) for t in example.themes)
        municipalities = ", ".join(md_escape(self.vocabularies.municipalities[m].name) for m in example.municipalities)
        return _join([
            f"{'#' * heading_level} [{md_escape(example_text.title)}]({link(page, example_path(example.slug))})",
            "",
            f"{municipalities} · {themes}",
            "{ .kb-card-meta }",
            "",
            md_escape(example_text.summary),
            "",
        ])

    def _example_list(self, examples: list[Example], page: str, language: str) -> str:
        """A compact list: title, municipality."""
        lines = []
        for example in sorted(examples, key=lambda e: e.text(language).title.casefold()):
            title = md_escape(example.text(language).title)
            municipalities = ", ".join(md_escape(self.vocabularies.municipalities[m].name) for m in example.municipalities)
            lines.append(f"- [{title}]({link(page, example_path(example.slug))}) – {municipalities}")
        return _join(lines)

    def _source_lines(self, sources: list[SourceRef], language: str) -> list[str]:
        lines = []
        for ref in sources:
            document = self.vocabularies.sources[ref.document]
            identifier = f", {document.identifier}" if document.identifier else ""
            lines.append(f"- {md_escape(document.title)}. {md_escape(document.publisher)}, {document.year}{identifier}, {text(language, 'pages')} {md_escape(ref.pages)}.")
        return lines

    def _sorted_examples(self, language: str) -> list[Example]:
        return sorted(self.catalogue.examples, key=lambda e: e.text(language).title.casefold())

    # ---- pages ---------------------------------------------------------

    def example_page(self, example: Example, language: str) -> str:
        page = example_path(example.slug)
        example_text = example.text(language)
        lang = example_text.language  # "sv" when the translation is missing
        vocabularies = self.vocabularies
        label = lambda key: text(language, key)  # noqa: E731
        facts = [
            f"- **{label('municipalities') if len(example.municipalities) > 1 else label('municipality')}:** {self._municipality_names(example, page)}",
            f"- **{label('themes')}:** {self._theme_links(example.themes, page, language)}",
            f"- **{label('target_groups')}:** "
            + ", ".join(md_escape(vocabularies.target_groups[g].label(language)) for g in example.target_groups),
        ]
        # A fallback page shows Swedish text inside an English page: mark it (WCAG 3.1.2).
        in_own_language = (lambda value: value) if lang == language else (lambda value: f'<span lang="{lang}">{value}</span>')
        if example_text.partners:
            facts.append(f"- **{label('partners')}:** " + in_own_language(", ".join(md_escape(p) for p in example_text.partners)))
        if example_text.period:
            facts.append(f"- **{label('period')}:** {in_own_language(md_escape(example_text.period))}")
        headings = {
            "sv": ("Beskrivning", "Förutsättningar för att arbetet ska lyckas", "Tips"),
            "en": ("Description", "Conditions for success", "Tips"),
        }[lang]
        title_attributes = "" if lang == language else f" {{ lang={lang} }}"
        content = [f"# {md_escape(example_text.title)}{title_attributes}", ""]
        if not example_text.translated:
            content += [f'!!! note "{label("not_translated")}"', ""]
        content += ['<div class="kb-facts" markdown>', "", *facts, "", "</div>", ""]
        body = [f"{md_escape(example_text.summary)}", "{ .kb-summary }", "",
                f"## {headings[0]} {{ #{ANCHOR_DESCRIPTION} }}", "", example_text.description, ""]
        if example_text.success_factors:
            body += [f"## {headings[1]} {{ #{ANCHOR_FACTORS} }}", ""]
            body += [self._factor_line(item) for item in example_text.success_factors] + [""]
        if example_text.tips:
            body += [f"## {headings[2]} {{ #{ANCHOR_TIPS} }}", ""]
            body += [f"- {item.text}" for item in example_text.tips] + [""]
        if lang != language:
            content += [f'<div lang="{lang}" markdown>', "", *body, "</div>", ""]
        else:
            content += body
        content += [f"## {label('sources')} {{ #kallor }}", "", *self._source_lines(example.sources, language), ""]
        return _front_matter(title=example_text.title) + _join(content)

    @staticmethod
    def _factor_line(item: ListItem) -> str:
        if item.name:
            return f"- **{md_escape(item.name)}.** {item.text}"
        return f"- {item.text}"

    def examples_index(self, language: str) -> str:
        page = f"{EXAMPLES_FOLDER}/index.md"
        parts = [f"# {text(language, 'examples_title')}", "", text(language, "examples_intro"), ""]
        parts += [self._example_card(example, page, language, 2) for example in self._sorted_examples(language)]
        return _front_matter(title=text(language, "examples_title")) + _join(parts)

    def themes_index(self, language: str) -> str:
        page = f"{THEMES_FOLDER}/index.md"
        parts = [f"# {text(language, 'themes_title')}", "", text(language, "themes_intro"), ""]
        for theme_id, theme in self.vocabularies.themes.items():
            count = len(self.catalogue.examples_for_theme(theme_id))
            parts.append(f"- [{md_escape(theme.label(language))}]({link(page, theme_path(theme_id))}) – {example_count(language, count)}")
        return _front_matter(title=text(language, "themes_title")) + _join(parts)

    def theme_page(self, theme_id: str, language: str) -> str:
        page = theme_path(theme_id)
        intro = self.catalogue.theme_intros[(theme_id, language)]
        markdown = intro.markdown
        # Give the general tips a fixed anchor, so the checklist can link to it.
        markdown = re.sub(r"^(##\s+.+?)\s*$", lambda m: f"{m.group(1)} {{ #{ANCHOR_GENERAL_TIPS} }}" if _is_tips_heading(m.group(1), language) else m.group(0), markdown, flags=re.M)
        examples = self.catalogue.examples_for_theme(theme_id)
        parts = [f"# {md_escape(intro.title)}", "", markdown, "", f"## {text(language, 'examples_in_theme')} {{ #exempel }}", ""]
        if examples:
            parts += [self._example_card(example, page, language, 3) for example in sorted(examples, key=lambda e: e.text(language).title.casefold())]
        else:
            parts += [text(language, "no_examples_theme"), ""]
        if intro.sources:
            parts += [f"## {text(language, 'sources')} {{ #kallor }}", "", *self._source_lines(intro.sources, language)]
        return _front_matter(title=intro.title) + _join(parts)

    def _roles(self, municipality: Municipality, language: str) -> list[str]:
        roles = []
        if municipality.pilot:
            roles.append(text(language, "role_pilot"))
        if municipality.development:
            roles.append(text(language, "role_development"))
        if municipality.network_initiator:
            roles.append(text(language, "role_initiator"))
        if municipality.network_member:
            roles.append(text(language, "role_network_since", year=municipality.network_joined) if municipality.network_joined else text(language, "role_network"))
        return roles

    def municipality_page(self, municipality_id: str, language: str) -> str:
        page = municipality_path(municipality_id)
        municipality = self.vocabularies.municipalities[municipality_id]
        county = self.vocabularies.counties[municipality.county].label(language)
        parts = [f"# {md_escape(municipality.name)}", "", '<div class="kb-facts" markdown>', ""]
        parts.append(f"- **{text(language, 'county')}:** [{md_escape(county)}]({link(page, f'{MUNICIPALITIES_FOLDER}/index.md', 'lan-' + municipality.county)})")
        if municipality.kind == "region":
            parts.append(f"- **{text(language, 'kind_region')}**")
        if municipality.code:
            parts.append(f"- **{text(language, 'code')}:** {municipality.code}")
        roles = self._roles(municipality, language)
        if roles:
            parts.append(f"- **{text(language, 'role')}:** " + "; ".join(roles))
        parts += ["", "</div>", ""]
        sources = []
        if municipality.pilot or municipality.development:
            sources.append(text(language, "role_source_grants"))
        if municipality.network_member:
            sources.append(text(language, "role_source_network"))
        parts += [" ".join(sources), "{ .kb-source-note }", ""] if sources else []
        parts += [f"## {text(language, 'examples_in_municipality')} {{ #exempel }}", ""]
        examples = self.catalogue.examples_for_municipality(municipality_id)
        if examples:
            parts += [self._example_card(example, page, language, 3) for example in sorted(examples, key=lambda e: e.text(language).title.casefold())]
        else:
            parts += [text(language, "no_examples"), ""]
        return _front_matter(title=municipality.name) + _join(parts)

    def municipalities_index(self, language: str) -> str:
        page = f"{MUNICIPALITIES_FOLDER}/index.md"
        parts = [f"# {text(language, 'municipalities_title')}", "", text(language, "municipalities_intro"), ""]
        by_county: dict[str, list[Municipality]] = {}
        for municipality in self.vocabularies.municipalities.values():
            by_county.setdefault(municipality.county, []).append(municipality)
        for county_id in sorted(by_county, key=lambda c: self.vocabularies.counties[c].label(language)):
            parts += [f"## {md_escape(self.vocabularies.counties[county_id].label(language))} {{ #lan-{county_id} }}", ""]
            for municipality in sorted(by_county[county_id], key=lambda m: m.name):
                count = len(self.catalogue.examples_for_municipality(municipality.id))
                roles = self._roles(municipality, language)
                role_text = f" – {'; '.join(roles)}" if roles else ""
                parts.append(f"- [{md_escape(municipality.name)}]({link(page, municipality_path(municipality.id))}) ({example_count(language, count)}){role_text}")
            parts.append("")
        return _front_matter(title=text(language, "municipalities_title")) + _join(parts)

    def target_groups_page(self, language: str) -> str:
        page = TARGET_GROUPS_PAGE
        parts = [f"# {text(language, 'target_groups_title')}", "", text(language, "target_groups_intro"), ""]
        for group_id, group in self.vocabularies.target_groups.items():
            examples = self.catalogue.examples_for_target_group(group_id)
            if not examples:
                continue
            parts += [f"## {md_escape(group.label(language))} {{ #{group_id} }}", "", self._example_list(examples, page, language)]
        return _front_matter(title=text(language, "target_groups_title")) + _join(parts)

    def checklist_items(self, language: str) -> dict[str, dict[str, list[tuple[str, str, str, str]]]]:
        """theme -> {"tips"|"factors": [(id, markdown, link target, source title)]}.

        Each tip appears once: an example's tips stand under its main theme.
        """
        result: dict[str, dict[str, list[tuple[str, str, str, str]]]] = {
            theme: {"tips": [], "factors": []} for theme in self.vocabularies.themes
        }
        for theme_id in self.vocabularies.themes:
            intro = self.catalogue.theme_intros.get((theme_id, language))
            if intro:
                for number, item in enumerate(intro.tips, start=1):
                    result[theme_id]["tips"].append((f"tip-{theme_id}-{number}", item.text, link(CHECKLIST_PAGE, theme_path(theme_id), ANCHOR_GENERAL_TIPS), text(language, "general_tips_source", theme=intro.title)))
        for example in sorted(self.catalogue.examples, key=lambda e: e.slug):
            example_text = example.text(language)
            target = example_path(example.slug)
            for number, item in enumerate(example_text.tips, start=1):
                result[example.main_theme]["tips"].append((f"tip-{example.slug}-{number}", item.text, link(CHECKLIST_PAGE, target, ANCHOR_TIPS), example_text.title))
            for number, item in enumerate(example_text.success_factors, start=1):
                markdown = f"**{md_escape(item.name)}.** {item.text}" if item.name else item.text
                result[example.main_theme]["factors"].append((f"factor-{example.slug}-{number}", markdown, link(CHECKLIST_PAGE, target, ANCHOR_FACTORS), example_text.title))
        return result

    def checklist_page(self, language: str) -> str:
        items = self.checklist_items(language)
        parts = [f"# {text(language, 'checklist_title')}", "", text(language, "checklist_intro"), ""]
        for section, key, anchor in (("checklist_tips", "tips", "tips"), ("checklist_factors", "factors", "forutsattningar")):
            parts += [f"## {text(language, section)} {{ #{anchor} }}", ""]
            for theme_id, theme in self.vocabularies.themes.items():
                entries = items[theme_id][key]
                if not entries:
                    continue
                parts += [f"### {md_escape(theme.label(language))} {{ #{anchor}-{theme_id} }}", "", '<ul class="kb-checklist" markdown>']
                for item_id, markdown, target, source in entries:
                    parts.append(
                        f'<li markdown><input type="checkbox" id="{item_id}" data-kb-check="{item_id}">'
                        f'<label for="{item_id}" markdown>{markdown}</label> '
                        f'<span class="kb-from">{text(language, "checklist_from")}: [{md_escape(source)}]({target})</span></li>'
                    )
                parts += ["</ul>", ""]
        return _front_matter(title=text(language, "checklist_title")) + _join(parts)

    def start_page(self, intro_markdown: str, intro_title: str, language: str) -> str:
        page = START_PAGE
        figures = text(
            language, "figures",
            examples=len(self.catalogue.examples),
            with_examples=len(self.catalogue.municipalities_with_examples()),
            municipalities=sum(1 for m in self.vocabularies.municipalities.values() if m.network_member),
            themes=len(self.vocabularies.themes),
        )
        links = [
            ("start_link_examples", f"{EXAMPLES_FOLDER}/index.md"),
            ("start_link_themes", f"{THEMES_FOLDER}/index.md"),
            ("start_link_municipalities", f"{MUNICIPALITIES_FOLDER}/index.md"),
            ("start_link_target_groups", TARGET_GROUPS_PAGE),
            ("start_link_checklist", CHECKLIST_PAGE),
        ]
        parts = [f"# {md_escape(intro_title)}", "", intro_markdown.strip(), "",
                 f"## {text(language, 'figures_title')} {{ #siffror }}", "", figures, "{ .kb-figures }", "",
                 f"## {text(language, 'start_links_title')} {{ #hitta }}", ""]
        parts += [f"- [{text(language, key)}]({link(page, target)})" for key, target in links]
        return _front_matter(title=intro_title) + _join(parts)

    # ---- everything ----------------------------------------------------

    def generate(self, start_intro: dict[str, tuple[str, str]]) -> dict[str, str]:
        """Every generated file: path -> content. ``start_intro`` maps a
        language to the (title, Markdown) of the hand-written start text."""
        pages: dict[str, str] = {}
        for language in LANGUAGES:
            def put(path: str, content: str) -> None:
                pages[localized(path, language)] = content

            for example in self.catalogue.examples:
                put(example_path(example.slug), self.example_page(example, language))
            put(f"{EXAMPLES_FOLDER}/index.md", self.examples_index(language))
            put(f"{THEMES_FOLDER}/index.md", self.themes_index(language))
            for theme_id in self.vocabularies.themes:
                if (theme_id, language) in self.catalogue.theme_intros:
                    put(theme_path(theme_id), self.theme_page(theme_id, language))
            put(f"{MUNICIPALITIES_FOLDER}/index.md", self.municipalities_index(language))
            for municipality_id in self.vocabularies.municipalities:
                put(municipality_path(municipality_id), self.municipality_page(municipality_id, language))
            put(TARGET_GROUPS_PAGE, self.target_groups_page(language))
            put(CHECKLIST_PAGE, self.checklist_page(language))
            if language in start_intro:
                title, markdown = start_intro[language]
                put(START_PAGE, self.start_page(markdown, title, language))
        pages[SCHEMA_FILE] = json.dumps(example_schema(self.vocabularies), ensure_ascii=False, indent=2) + "\n"
        pages[TRANSLATION_SCHEMA_FILE] = json.dumps(example_schema(self.vocabularies, translation=True), ensure_ascii=False, indent=2) + "\n"
        return pages


def _is_tips_heading(heading_line: str, language: str) -> bool:
    from .body import THEME_TIPS_HEADINGS

    return heading_line.lstrip("#").strip().casefold() == THEME_TIPS_HEADINGS[language].casefold()
