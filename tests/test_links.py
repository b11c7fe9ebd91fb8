"""A link checker over the built site: every internal href and src (relative or
site-absolute) leads to a file of the site, and every #anchor to an id on the
target page. External links are listed in a report (external-links.txt in the
test's temporary folder, and printed), never fetched."""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src",
                   "iframe": "src", "video": "src", "audio": "src", "image": "href", "use": "href"}


def _page_url(site: Path, html: Path) -> str:
    relative = html.relative_to(site).as_posix()
    if relative == "404.html":
        return "/"  # served for any missing path: its links are written from the root
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def _target_file(site: Path, path: str) -> Path | None:
    candidate = site / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


@lru_cache(maxsize=None)
def _ids(html: Path) -> frozenset[str]:
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    return frozenset([*(element["id"] for element in soup.find_all(id=True)),
                      *(element["name"] for element in soup.find_all("a", attrs={"name": True}))])


def test_every_internal_link_and_anchor_resolves(built_site, tmp_path):
    site = built_site.site
    broken: list[str] = []
    external: dict[str, set[str]] = defaultdict(set)
    checked = 0
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for html in pages:
        page_url = _page_url(site, html)
        relative = html.relative_to(site).as_posix()
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in LINK_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                value = element.get(attribute) or element.get("xlink:href")
                if value is None:
                    continue
                parts = urlsplit(value)
                if parts.scheme or parts.netloc:
                    if parts.scheme in ("http", "https", "mailto", "tel") or parts.netloc:
                        external[value].add(relative)
                    else:
                        broken.append(f"{relative}: <{tag} {attribute}={value!r}>: unexpected scheme")
                    continue
                checked += 1
                target = urlsplit(urljoin(page_url, value))
                target_file = _target_file(site, target.path)
                if target_file is None:
                    broken.append(f"{relative}: <{tag} {attribute}={value!r}>: no file {target.path}")
                    continue
                fragment = unquote(target.fragment)
                if fragment and target_file.suffix == ".html" and fragment not in _ids(target_file):
                    broken.append(f"{relative}: <{tag} {attribute}={value!r}>: no id '{fragment}' in {target.path}")
    report = tmp_path / "external-links.txt"
    report.write_text("".join(f"{url}\n    on {', '.join(sorted(where)[:5])}{' …' if len(where) > 5 else ''}\n"
                              for url, where in sorted(external.items())), encoding="utf-8")
    print(f"\n{len(external)} external link(s), not fetched; listed in {report}:")
    print(report.read_text(encoding="utf-8"))
    assert checked > 1000
    assert broken == [], f"{len(broken)} broken link(s):\n" + "\n".join(broken[:60])


def test_every_search_result_leads_to_a_page_and_anchor(built_site):
    site = built_site.site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    broken = []
    for document in index["docs"]:
        target = urlsplit("/" + document["location"])
        target_file = _target_file(site, target.path)
        if target_file is None:
            broken.append(f"{document['location']}: no page")
        elif target.fragment and unquote(target.fragment) not in _ids(target_file):
            broken.append(f"{document['location']}: no id")
    assert broken == []
