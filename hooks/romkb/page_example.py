"""The context of an example's page (``templates/example.md.j2``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .body import section_headings
from .examples import Example
from .site_paths import PROFILE_PAGE, absolute_url, example_path
from .vocabulary import NOT_STATED

if TYPE_CHECKING:  # the page functions get the generator as `site`
    from .pages import PageGenerator

# Fixed anchors on example pages, so that links (the checklist) do not depend
# on how headings are turned into ids.
ANCHOR_DESCRIPTION = "beskrivning"
ANCHOR_FACTORS = "forutsattningar"
ANCHOR_TIPS = "tips"


def icon_shortcode(profile_field) -> str:
    """The field's Material icon (data/profile.yml) as an emoji shortcode: an
    inline SVG, nothing fetched; the text beside it carries the meaning."""
    return f":{profile_field.icon}:" if profile_field.icon else ""


def profile_lines(site: PageGenerator, example: Example, language: str) -> list[dict]:
    """The practice profile at a glance: icon, the field's name and the value
    in words, so that nothing depends on the icon or colour."""
    lines = []
    for name, profile_field in site.vocabularies.profile.items():
        value = example.profile.get(name, [])
        levels = [profile_field.levels[level] for level in example.profile_levels(name) if level in profile_field.levels]
        label = profile_field.label(language)
        lines.append({
            "icon": icon_shortcode(profile_field),
            "label": label if label.endswith("?") else label + ":",
            "values": [level.label(language) for level in levels],
            "reviewed": example.last_reviewed if name == "review_status" and value != NOT_STATED else None,
            "not_stated": all(level.id == NOT_STATED for level in levels),
        })
    return lines


def example_page(site: PageGenerator, example: Example, language: str) -> dict[str, str]:
    page = example_path(example.slug)
    example_text = example.text(language)
    dates = site.dates.get(f"examples/{example.slug}.md")
    context = {
        "example": example,
        "text": example_text,
        "shown_language": example_text.language,  # "sv" when the translation is missing
        "headings": section_headings(example_text.language),
        "anchors": {"description": ANCHOR_DESCRIPTION, "factors": ANCHOR_FACTORS, "tips": ANCHOR_TIPS},
        "municipalities": [site.vocabularies.municipalities[m] for m in example.municipalities],
        "builds_on": [site.by_slug[slug] for slug in example.builds_on if slug in site.by_slug],
        "reused_in": site.reused_in.get(example.slug, []),
        "profile": profile_lines(site, example, language) if site.vocabularies.profile else None,
        "profile_page": PROFILE_PAGE,
        "related": site.related[example.slug],
        "updated": dates.updated if dates else None,
        "address": absolute_url(page, language, site.site_url),
    }
    # Examples first in search results: they are what readers look for.
    meta = {"title": example_text.title, "search": {"boost": 2},
            "kb": {"download": site.downloads.for_page(language, example.slug)}}
    return {page: site.render("example.md.j2", page, language, meta, **context)}
