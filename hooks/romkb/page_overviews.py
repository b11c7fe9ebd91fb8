"""The contexts of the overview pages: the start page, the themes and
municipalities indexes, the checklist, the profile page, the dossier and the
open-data page."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from .checklist import KINDS, checklist_items
from .open_data import LICENSE, LICENSE_URL
from .page_example import ANCHOR_FACTORS, ANCHOR_TIPS, icon_shortcode
from .page_listings import ANCHOR_GENERAL_TIPS, map_widget, municipality_roles, pager
from .site_paths import (CHECKLIST_PAGE, DOSSIER_PAGE, EXAMPLES_CSV, EXAMPLES_INDEX, EXAMPLES_JSON, FEED, MUNICIPALITIES_INDEX,
                         MUNICIPALITIES_JSON, OPEN_DATA_PAGE, PROFILE_PAGE, SCHEMA_FILE, START_PAGE, TARGET_GROUPS_PAGE, THEMES_INDEX,
                         TRANSLATION_SCHEMA_FILE, example_path, listing_page_path, relative_url, theme_path)
from .ui_text import text

if TYPE_CHECKING:  # the page functions get the generator as `site`
    from .pages import PageGenerator


def start_page(site: PageGenerator, language: str, title: str, intro_markdown: str) -> dict[str, str]:
    figures = {"examples": len(site.catalogue.examples), "with_examples": len(site.catalogue.municipalities_with_examples()),
               "municipalities": sum(1 for m in site.vocabularies.municipalities.values() if m.network_member),
               "themes": len(site.vocabularies.themes)}
    links = [("start_link_examples", EXAMPLES_INDEX), ("start_link_themes", THEMES_INDEX), ("start_link_municipalities", MUNICIPALITIES_INDEX),
             ("start_link_target_groups", TARGET_GROUPS_PAGE), ("start_link_checklist", CHECKLIST_PAGE)]
    meta = {"title": title, "kb": {"download": site.downloads.for_page(language)}}
    return {START_PAGE: site.render("start.md.j2", START_PAGE, language, meta, title=title, intro_markdown=intro_markdown.strip(),
                                    figures=figures, links=links)}


def themes_index(site: PageGenerator, language: str) -> dict[str, str]:
    themes = [{"id": theme_id, "label": theme.label(language), "path": theme_path(theme_id),
               "count": len(site.catalogue.examples_for_theme(theme_id))} for theme_id, theme in site.vocabularies.themes.items()]
    return {THEMES_INDEX: site.render("themes_index.md.j2", THEMES_INDEX, language, {"title": text(language, "themes_title")}, themes=themes)}


def municipalities_index(site: PageGenerator, language: str) -> dict[str, str]:
    counties = site.vocabularies.counties
    by_county: dict[str, list] = {}
    for municipality in site.vocabularies.municipalities.values():
        by_county.setdefault(municipality.county, []).append(municipality)
    groups = []
    for county_id in sorted(by_county, key=lambda c: counties[c].label(language)):
        entries = [{"municipality": m, "count": len(site.catalogue.examples_for_municipality(m.id)), "roles": municipality_roles(m, language)}
                   for m in sorted(by_county[county_id], key=lambda m: m.name)]
        groups.append({"id": county_id, "label": counties[county_id].label(language), "entries": entries})
    meta = {"title": text(language, "municipalities_title"), "kb": {"map": map_widget(site, language)}}
    return {MUNICIPALITIES_INDEX: site.render("municipalities_index.md.j2", MUNICIPALITIES_INDEX, language, meta, counties=groups,
                                              has_map=bool(site.outline))}


def checklist_pages(site: PageGenerator, language: str) -> dict[str, str]:
    """The general tips and every example's tips and success factors, by
    theme; on numbered pages of ``page_size`` examples each (in theme order)
    when there are many. Ticks are kept per item, so they hold across pages."""
    theme_order = {theme_id: index for index, theme_id in enumerate(site.vocabularies.themes)}
    ordered = sorted(site.catalogue.examples, key=lambda e: (theme_order.get(e.main_theme, len(theme_order)), e.slug))
    chunks = site.chunks(ordered)
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        page = listing_page_path(CHECKLIST_PAGE, number)
        title = site.paged_title(text(language, "checklist_title"), number, len(chunks), language)
        items = checklist_items(site.catalogue, language, chunk, general=number == 1)
        widgets = {"download": site.downloads.for_page(language), "pager": pager(site, CHECKLIST_PAGE, number, len(chunks), language)}
        meta = {"title": title, "kb": {name: data for name, data in widgets.items() if data is not None}}
        pages[page] = site.render("checklist.md.j2", page, language, meta, title=title, items=items, kinds=KINDS,
                                  has_pager=widgets["pager"] is not None, targets=_checklist_target)
    return pages


def _checklist_target(item) -> tuple[str, str]:
    """(page, anchor) where a checklist item comes from."""
    if item.source_kind == "theme":
        return theme_path(item.source_id), ANCHOR_GENERAL_TIPS
    return example_path(item.source_id), ANCHOR_TIPS if item.id.startswith("tip-") else ANCHOR_FACTORS


def profile_page(site: PageGenerator, language: str) -> dict[str, str]:
    """Every profile field and level with its definition, and how many examples have it."""
    fields = []
    for name, profile_field in site.vocabularies.profile.items():
        levels = [{"label": level.label(language), "definition": level.definition(language),
                   "count": sum(1 for example in site.catalogue.examples if level_id in example.profile_levels(name))}
                  for level_id, level in profile_field.levels.items()]
        fields.append({"anchor": name.replace("_", "-"), "icon": icon_shortcode(profile_field), "label": profile_field.label(language), "levels": levels})
    return {PROFILE_PAGE: site.render("profile.md.j2", PROFILE_PAGE, language, {"title": text(language, "profile_page_title")}, fields=fields)}


def dossier_page(site: PageGenerator, language: str) -> dict[str, str]:
    """A print-ready page of chosen examples, assembled in the reader's
    browser from the example pages (assets/dossier.js)."""
    meta = {"title": text(language, "dossier_title"), "search": {"exclude": True}}
    return {DOSSIER_PAGE: site.render("dossier.md.j2", DOSSIER_PAGE, language, meta, index=EXAMPLES_INDEX,
                                      examples_base=relative_url(DOSSIER_PAGE, EXAMPLES_INDEX, site.directory_urls), page_suffix="/" if site.directory_urls else ".html")}


def open_data_page(site: PageGenerator, language: str) -> dict[str, str]:
    described = [(EXAMPLES_JSON, "open_data_examples_json"), (EXAMPLES_CSV, "open_data_examples_csv"),
                 (MUNICIPALITIES_JSON, "open_data_municipalities_json"), (FEED, "open_data_feed"),
                 (SCHEMA_FILE, "open_data_schema"), (TRANSLATION_SCHEMA_FILE, "open_data_translation_schema")]
    files = [{"path": path, "name": posixpath.basename(path), "key": key} for path, key in described]
    return {OPEN_DATA_PAGE: site.render("open_data.md.j2", OPEN_DATA_PAGE, language, {"title": text(language, "open_data_title")},
                                        files=files, license=LICENSE, license_url=LICENSE_URL)}
