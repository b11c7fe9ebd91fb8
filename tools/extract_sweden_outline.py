"""Extract Sweden's outline from Natural Earth (via the npm package world-atlas)
into data/sweden-outline.json, the data the build draws the map from.

Natural Earth is in the public domain; world-atlas (ISC licence, Mike Bostock)
packages it as TopoJSON. The outline is committed so that building the site
needs neither npm nor the network. To refresh it:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 tools/extract_sweden_outline.py package/countries-50m.json data/sweden-outline.json
"""

from __future__ import annotations

import json
import sys


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topology["transform"]["scale"]
    translate_x, translate_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def ring(arc_indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def main(source: str, target: str) -> None:
    topology = json.load(open(source, encoding="utf-8"))
    arcs = decode_arcs(topology)
    sweden = next(g for g in topology["objects"]["countries"]["geometries"] if g.get("properties", {}).get("name") == "Sweden")
    polygons = sweden["arcs"] if sweden["type"] == "MultiPolygon" else [sweden["arcs"]]
    rings = [[[round(lon, 3), round(lat, 3)] for lon, lat in ring(polygon[0], arcs)] for polygon in polygons]
    data = {
        "source": "Natural Earth 1:50m admin 0 countries (public domain), via the npm package world-atlas 2.0.2 (countries-50m.json)",
        "country": "Sweden",
        "rings": rings,  # outer rings only, [longitude, latitude]
    }
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(data, handle, separators=(",", ":"))
        handle.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
