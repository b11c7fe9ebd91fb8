"""A static SVG map of Sweden with a linked point per municipality.

Drawn at build time from ``data/sweden-outline.json`` (Natural Earth, see
tools/extract_sweden_outline.py) and the municipalities' coordinates: no tile
server, no script, no request to another host. The SVG is an image with a
title and description; the points are links with accessible names, and every
page that shows the map also has the same information as a list.
"""

from __future__ import annotations

import html
import json
import math
from pathlib import Path

from .vocabulary import Municipality

OUTLINE_FILE = "sweden-outline.json"
_REFERENCE_LATITUDE = 62.0  # middle of Sweden: keeps the shape right with a simple projection
_SCALE = 40.0  # SVG units per degree of latitude


def load_outline(data_dir: Path) -> list[list[tuple[float, float]]]:
    path = data_dir / OUTLINE_FILE
    if not path.is_file():
        return []
    return [[(lon, lat) for lon, lat in ring] for ring in json.loads(path.read_text(encoding="utf-8"))["rings"]]


def _project(lon: float, lat: float) -> tuple[float, float]:
    return lon * math.cos(math.radians(_REFERENCE_LATITUDE)) * _SCALE, -lat * _SCALE


def sweden_map_svg(
    outline: list[list[tuple[float, float]]],
    municipalities: list[Municipality],
    hrefs: dict[str, str],
    title: str,
    description: str,
    highlight: str | None = None,
    svg_id: str = "karta",
) -> str:
    points = [_project(lon, lat) for ring in outline for lon, lat in ring]
    points += [_project(m.lon, m.lat) for m in municipalities if m.lat is not None and m.lon is not None]
    if not points:
        return ""
    margin = 8.0
    min_x = min(x for x, _ in points) - margin
    min_y = min(y for _, y in points) - margin
    width = max(x for x, _ in points) - min_x + margin
    height = max(y for _, y in points) - min_y + margin

    def xy(lon: float, lat: float) -> str:
        x, y = _project(lon, lat)
        return f"{x - min_x:.1f},{y - min_y:.1f}"

    paths = " ".join("M" + " L".join(xy(lon, lat) for lon, lat in ring) + " Z" for ring in outline)
    # With links to municipality pages the map is a group of links, not one
    # image: role="img" would hide the links from assistive technology (axe:
    # nested-interactive).
    role = "group" if any(hrefs.get(m.id) for m in municipalities) else "img"
    parts = [
        f'<svg class="kb-map" id="{svg_id}" viewBox="0 0 {width:.0f} {height:.0f}" role="{role}" '
        f'aria-labelledby="{svg_id}-title {svg_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{svg_id}-title">{html.escape(title)}</title>',
        f'<desc id="{svg_id}-desc">{html.escape(description)}</desc>',
        f'<path class="kb-map-land" d="{paths}"/>' if paths else "",
    ]
    # Highlighted point last, so that it is drawn on top.
    ordered = sorted((m for m in municipalities if m.lat is not None and m.lon is not None), key=lambda m: (m.id == highlight, m.id))
    for municipality in ordered:
        assert municipality.lon is not None and municipality.lat is not None  # (ordered holds only these)
        x, y = (float(value) for value in xy(municipality.lon, municipality.lat).split(","))
        css_class = "kb-map-point kb-map-point--current" if municipality.id == highlight else "kb-map-point"
        radius = 5.5 if municipality.id == highlight else 3.5
        circle = f'<circle class="{css_class}" cx="{x:.1f}" cy="{y:.1f}" r="{radius}"/>'
        href = hrefs.get(municipality.id)
        name = html.escape(municipality.name)
        if href:
            parts.append(f'<a href="{html.escape(href)}" aria-label="{name}"><title>{name}</title>{circle}</a>')
        else:
            parts.append(f"<g><title>{name}</title>{circle}</g>")
    parts.append("</svg>")
    return "".join(parts)
