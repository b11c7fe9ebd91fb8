"""The HTML widgets of the generated pages: download links, the pager, the
facet form and the map. A page's Markdown holds a marker where each widget
goes and its front matter (``kb:``) holds the widget's data; the theme renders
the data with ``overrides/partials/kb/<widget>.html`` when MkDocs has turned
the page into HTML (the hook's ``on_page_content``), as Material's blog
plugin renders a post's metadata. URLs in the data are built URLs relative to
the site's root (``site_paths.built_url``); the partials make them relative
to the page with MkDocs' ``url`` filter.
"""

from __future__ import annotations

import re
from typing import Callable

from .map_svg import sweden_map_svg

WIDGETS = ("download", "pager", "facets", "map")
_MARKER = re.compile(r'<div data-kb-widget="([a-z]+)"></div>')


class WidgetError(Exception):
    pass


def marker(name: str) -> str:
    """What a page's Markdown holds where the widget ``name`` goes (a raw HTML block)."""
    if name not in WIDGETS:
        raise WidgetError(f"unknown widget {name!r}; known: {', '.join(WIDGETS)}")
    return f'<div data-kb-widget="{name}"></div>'


def fill_widgets(html: str, widgets: dict[str, object] | None, render: Callable[[str, object], str]) -> str:
    """Replace every marker in a page's HTML by ``render(name, data)``, the
    data being ``widgets[name]`` (the page's ``kb`` front matter)."""
    if "data-kb-widget" not in html:
        return html

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if not widgets or name not in widgets:
            raise WidgetError(f"the page has a {name!r} widget but no data for it in its front matter (kb.{name})")
        return render(name, widgets[name]).strip()

    return _MARKER.sub(replace, html)


def map_svg(outline: list, municipalities: list, widget: dict, relative_url: Callable[[str], str]) -> str:
    """The map widget's SVG (``kb.map`` data), its points linked to the
    municipalities' pages; ``relative_url`` makes a built URL relative to the
    page that shows the map (MkDocs' normalize_url, in the hook)."""
    hrefs = {m.id: relative_url(widget["municipality_url"].replace("{id}", m.id)) for m in municipalities}
    return sweden_map_svg(outline, municipalities, hrefs, widget["title"], widget["description"], widget.get("highlight"))
