#!/usr/bin/env python3
"""Builds the world map the web app's talk view draws, with no tile server: country outlines
from world-atlas's countries-110m.json (TopoJSON of Natural Earth's 1:110m countries, public
domain; npm package world-atlas 2.0.2, ISC), keyed by ISO 3166-1 alpha-2 code through the
numeric codes in i18n-iso-countries' codes.json (npm package i18n-iso-countries 7.14.0, MIT).

Usage: tools/world-map.py countries-110m.json codes.json > src/main/resources/web/static/world.json

Output: {"countries": {"RU": {"name": "Russia", "box": [minLon, -maxLat, maxLon, -minLat],
"d": "M..Z"}, ...}, "unnamed": "M..Z"} where paths use plain longitude/latitude (x = lon,
y = -lat) rounded to 0.1 degree, so the browser needs no projection code and a marker at
(lon, -lat) lands on the outline; 0.1 degree (about 11 km) is finer than 1:110m data. "box"
bounds the country's largest polygon, so Russia's box is not stretched across the antimeridian.
"""
import json
import sys


def arcs_of(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, 1), round(-(y * sy + ty), 1)))
        decoded.append(points)
    return decoded


def ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    # A ring that crosses the antimeridian (Russia, Fiji) jumps by about 360 degrees there;
    # unwrap it so it does not draw a line across the whole map.
    unwrapped, shift = [], 0.0
    for i, (x, y) in enumerate(points):
        if i and x + shift - unwrapped[-1][0] > 180:
            shift -= 360
        elif i and x + shift - unwrapped[-1][0] < -180:
            shift += 360
        unwrapped.append((round(x + shift, 1), y))
    deduplicated = [p for i, p in enumerate(unwrapped) if i == 0 or p != unwrapped[i - 1]]
    return deduplicated if len(deduplicated) >= 3 else []


def copies(points):
    """The ring, plus its copy one turn over when unwrapping pushed it past the map's edge."""
    if not points:
        return []
    xs = [p[0] for p in points]
    if max(xs) > 180:
        return [points, [(round(x - 360, 1), y) for x, y in points]]
    if min(xs) < -180:
        return [points, [(round(x + 360, 1), y) for x, y in points]]
    return [points]


def number(v):
    return ("%.1f" % v).rstrip("0").rstrip(".")


def path(points):
    return "M" + "L".join(number(x) + " " + number(y) for x, y in points) + "Z" if points else ""


def main():
    topology = json.load(open(sys.argv[1]))
    alpha2 = {numeric: a2 for a2, _, numeric, _ in json.load(open(sys.argv[2]))}
    arcs = arcs_of(topology)
    countries, unnamed = {}, []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [[ring(arcs, r) for r in polygon] for polygon in polygons]
        d = "".join(path(c) for polygon in rings for r in polygon for c in copies(r))
        code = alpha2.get(geometry.get("id"))
        if code is None:
            unnamed.append(d)
            continue
        largest = max((polygon[0] for polygon in rings if polygon and polygon[0]), key=len)
        xs, ys = [p[0] for p in largest], [p[1] for p in largest]
        countries[code] = {"name": geometry["properties"]["name"], "box": [min(xs), min(ys), max(xs), max(ys)], "d": d}
    json.dump({"countries": countries, "unnamed": "".join(unnamed)}, sys.stdout, separators=(",", ":"), sort_keys=True)


main()
