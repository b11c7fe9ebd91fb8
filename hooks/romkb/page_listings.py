"""The contexts of the listing pages: the examples index (with the facet
form), the theme, municipality and target-group pages. A long list goes on
numbered pages (``listing_page_path``) linked by the pager widget."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .body import theme_tips_heading
from .examples import Example
from .facets import facet_labels, facet_legend, facet_names
from .site_paths import (DOSSIER_PAGE, EXAMPLES_INDEX, MUNICIPALITIES_INDEX, TARGET_GROUPS_PAGE, THEMES_INDEX, listing_page_path,
                         municipality_path, target_group_path, theme_path)
from .ui_text import text

if TYPE_CHECKING:  # the page functions get the generator as `site`
    from .pages import PageGenerator

PAGER_NEIGHBOURS = 2  # page links shown either side of the current page
ANCHOR_GENERAL_TIPS = "kommunernas-tips"  # the general tips on a theme page (the checklist links there)


def pager(site: PageGenerator, first: str, number: int, total: int, language: str) -> dict | None:
    """Previous, next, the first and last pages and the ones near this one
    (a bounded number of links); None for a listing of one page."""
    if total <= 1:
        return None
    shown = sorted({1, total, *range(max(1, number - PAGER_NEIGHBOURS), min(total, number + PAGER_NEIGHBOURS) + 1)})

    def url(other: int) -> str:
        return site.url(listing_page_path(first, other), language)

    items: list[dict] = []
    if number > 1:
        items.append({"label": text(language, "pager_previous"), "url": url(number - 1)})
    previous = 0
    for other in shown:
        if other - previous > 1:
            items.append({"gap": True})
        items.append({"current": other} if other == number else
                     {"label": str(other), "url": url(other), "aria": text(language, "pager_page", number=other)})
        previous = other
    if number < total:
        items.append({"label": text(language, "pager_next"), "url": url(number + 1)})
    return {"label": text(language, "pager_label"), "status": text(language, "pager_status", number=number, total=total), "items": items}


def card_listing(site: PageGenerator, first: str, title: str, examples: list[Example], language: str, template: str, meta: dict | None = None,
                 widgets_of_first_page: dict[str, dict | None] | None = None, **context: object) -> dict[str, str]:
    """A page of example cards, on numbered pages when the list is long; the
    template shows its head and tail (and ``widgets_of_first_page``) on the
    first page only (``number``)."""
    chunks = site.chunks(site.sorted_by_title(examples, language))
    first_page_widgets = widgets_of_first_page or {}
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        page = listing_page_path(first, number)
        page_title = site.paged_title(title, number, len(chunks), language)
        widgets = {"pager": pager(site, first, number, len(chunks), language), **(first_page_widgets if number == 1 else {})}
        pages[page] = site.render(template, page, language, {"title": page_title, **(meta or {}), "kb": _present(widgets)},
                                  title=page_title, number=number, examples=chunk, has_pager=widgets["pager"] is not None,
                                  has_download=widgets.get("download") is not None, has_map=widgets.get("map") is not None, **context)
    return pages


def _present(widgets: dict) -> dict | None:
    present = {name: data for name, data in widgets.items() if data is not None}
    return present or None


def facet_form(site: PageGenerator, language: str, first: str, total: int) -> dict:
    """The facet form's data (overrides/partials/kb/facets.html), with counts from the build."""
    counts, labels = site.facet_counts, facet_labels(site.vocabularies, language)
    facets = []
    for facet in facet_names(site.vocabularies):
        present = [{"value": value, "label": label, "count": counts[facet][value]} for value, label in labels[facet].items() if counts[facet].get(value)]
        if len(present) >= 2:  # a facet with one value filters nothing
            facets.append({"name": facet, "legend": facet_legend(site.vocabularies, facet, language), "options": present})
    strings = {key: text(language, name) for key, name in (("label", "filter_label"), ("choose", "dossier_select"), ("partial", "filter_partial"),
               ("text", "filter_text"), ("reset", "filter_reset"), ("make_shown", "dossier_make_shown"), ("make", "dossier_make"),
               ("status", "filter_status"))}
    # Where the listing's pages are (first page, and a pattern for page n),
    # so that the script can load them all and a filter covers every example.
    return {**strings, "dossier_url": site.url(DOSSIER_PAGE, language), "page_count": total, "first_url": site.url(first, language),
            "page_pattern": site.url(listing_page_path(first, 99999), language).replace("99999", "{n}"), "facets": facets}


def examples_index(site: PageGenerator, language: str) -> dict[str, str]:
    """The examples with the facet form, on numbered pages; the form filters
    across every page (the script loads the other pages' cards)."""
    chunks = site.chunks(site.sorted_by_title(site.catalogue.examples, language))
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        page = listing_page_path(EXAMPLES_INDEX, number)
        title = site.paged_title(text(language, "examples_title"), number, len(chunks), language)
        widgets = {"facets": facet_form(site, language, EXAMPLES_INDEX, len(chunks)), "pager": pager(site, EXAMPLES_INDEX, number, len(chunks), language)}
        cards = [{"example": example, "data": " ".join(f'data-{facet}="{" ".join(values)}"' for facet, values in site.facet_values[example.slug].items())}
                 for example in chunk]
        # A listing of every example would outrank the examples themselves in search.
        meta = {"title": title, "search": {"exclude": True}, "kb": _present(widgets)}
        pages[page] = site.render("examples_index.md.j2", page, language, meta, title=title, cards=cards, has_pager=widgets["pager"] is not None,
                                  index_links={"themes": THEMES_INDEX, "municipalities": MUNICIPALITIES_INDEX, "groups": TARGET_GROUPS_PAGE})
    return pages


def theme_pages(site: PageGenerator, language: str) -> dict[str, str]:
    pages = {}
    for theme_id in site.vocabularies.themes:
        intro = site.catalogue.theme_intros.get((theme_id, language))
        if intro is None:
            continue
        # Give the general tips a fixed anchor, so the checklist can link to it.
        markdown = _anchor_general_tips(intro.markdown, theme_tips_heading(language))
        pages.update(card_listing(site, theme_path(theme_id), intro.title, site.catalogue.examples_for_theme(theme_id), language,
                                  "theme.md.j2", intro_markdown=markdown, sources=intro.sources,
                                  widgets_of_first_page={"download": site.downloads.for_theme(language, theme_id)}))
    return pages


def _anchor_general_tips(markdown: str, heading: str) -> str:
    """The theme page's general tips heading with a fixed anchor, so the checklist can link to it."""
    def anchored(match: re.Match) -> str:
        line = match.group(1)
        return f"{line} {{ #{ANCHOR_GENERAL_TIPS} }}" if line.lstrip("#").strip().casefold() == heading.casefold() else match.group(0)

    return re.sub(r"^(##\s+.+?)\s*$", anchored, markdown, flags=re.M)


def municipality_roles(municipality, language: str) -> list[str]:
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


def map_widget(site: PageGenerator, language: str, highlight=None) -> dict | None:
    """The map's data (overrides/partials/kb/map.html); None without Sweden's outline."""
    if not site.outline:
        return None
    if highlight:
        county = site.vocabularies.counties[highlight.county].label(language)
        title = text(language, "map_title_one", name=highlight.name)
        description = text(language, "map_description_one", name=highlight.name, county=county)
    else:
        title, description = text(language, "map_title"), text(language, "map_description")
    return {"title": title, "description": description, "highlight": highlight.id if highlight else None,
            "municipality_url": site.url(municipality_path("{id}"), language)}


def municipality_pages(site: PageGenerator, language: str) -> dict[str, str]:
    pages = {}
    for municipality in site.vocabularies.municipalities.values():
        examples_here = site.catalogue.examples_for_municipality(municipality.id)
        reuse = [(example, site.by_slug[other]) for example in examples_here for other in example.builds_on if other in site.by_slug]
        pages.update(card_listing(site, municipality_path(municipality.id), municipality.name, examples_here, language, "municipality.md.j2",
                                  municipality=municipality, roles=municipality_roles(municipality, language), reuse=reuse,
                                  widgets_of_first_page={"map": map_widget(site, language, municipality)}))
    return pages


def target_group_pages(site: PageGenerator, language: str) -> dict[str, str]:
    """Every target group with its examples. A group with more examples than
    fit on one page gets pages of its own (``malgrupper/<group>.md``), linked
    from here, so that this page stays small."""
    pages, groups = {}, []
    for group_id, group in site.vocabularies.target_groups.items():
        examples = site.catalogue.examples_for_target_group(group_id)
        if not examples:
            continue
        own_page = target_group_path(group_id) if len(examples) > site.page_size else None
        groups.append({"id": group_id, "label": group.label(language), "count": len(examples), "page": own_page,
                       "examples": site.sorted_by_title(examples, language)})
        if own_page:
            pages.update(card_listing(site, own_page, group.label(language), examples, language, "target_group.md.j2", meta={"search": {"exclude": True}}))
    title = text(language, "target_groups_title")
    pages[TARGET_GROUPS_PAGE] = site.render("target_groups.md.j2", TARGET_GROUPS_PAGE, language, {"title": title, "search": {"exclude": True}}, groups=groups)
    return pages
