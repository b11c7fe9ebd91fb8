"""Open data files, the map of Sweden, related examples, dates and citations:
all generated at build time from the same catalogue as the pages."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from urllib.parse import urljoin

import jsonschema
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from romkb.catalogue import load_catalogue
from romkb.pages import PageGenerator

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT)


def soup_of(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_examples_json_matches_the_examples(built_site, catalogue):
    data = json.loads((built_site.site / "oppna-data" / "examples.json").read_text(encoding="utf-8"))
    assert data["count"] == len(catalogue.examples) == len(data["examples"])
    schema = json.loads((built_site.site / "schema" / "example.schema.json").read_text(encoding="utf-8"))
    by_slug = {example.slug: example for example in catalogue.examples}
    for record in data["examples"]:
        example = by_slug[record["slug"]]
        assert record["title"] == {"sv": example.text("sv").title, "en": example.text("en").title}
        assert [m["id"] for m in record["municipalities"]] == example.municipalities
        assert [t["id"] for t in record["themes"]] == example.themes
        for _language, url in record["url"].items():
            assert (built_site.site / url / "index.html").is_file(), url
        # The front matter facts published here are valid against the published schema.
        front_matter = {
            "title": record["title"]["sv"], "summary": record["summary"]["sv"],
            "municipalities": [m["id"] for m in record["municipalities"]], "themes": [t["id"] for t in record["themes"]],
            "target_groups": [g["id"] for g in record["target_groups"]],
            "sources": [{"document": s["document"], "pages": s["pages"]} for s in record["sources"]],
            "profile": record["profile"],
            **({"last_reviewed": record["last_reviewed"]} if record["last_reviewed"] else {}),
            **({"builds_on": record["builds_on"]} if record["builds_on"] else {}),
        }
        jsonschema.validate(front_matter, schema)


def test_examples_csv_has_a_row_per_example(built_site, catalogue):
    rows = list(csv.DictReader(io.StringIO((built_site.site / "oppna-data" / "examples.csv").read_text(encoding="utf-8"))))
    assert sorted(row["slug"] for row in rows) == sorted(e.slug for e in catalogue.examples)
    gavle = next(row for row in rows if row["slug"] == "gavle-study-group")
    assert gavle["themes"] == "civilsamhallets-organisering;utbildning" and gavle["counties"] == "gavleborg"


def test_municipalities_json_lists_every_municipality_with_its_examples(built_site, catalogue):
    data = json.loads((built_site.site / "oppna-data" / "municipalities.json").read_text(encoding="utf-8"))
    assert data["count"] == len(catalogue.vocabularies.municipalities)
    for record in data["municipalities"]:
        assert record["examples"] == sorted(e.slug for e in catalogue.examples_for_municipality(record["id"]))
        assert record["county"]["id"] == catalogue.vocabularies.municipalities[record["id"]].county


def test_atom_feed_is_valid_and_lists_every_example(built_site, catalogue):
    feed = ElementTree.fromstring((built_site.site / "oppna-data" / "examples.atom").read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(catalogue.examples)
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)
    published = [entry.findtext(f"{ATOM}published") for entry in entries]
    assert published == sorted(published, reverse=True)  # newest first
    for entry in entries:
        href = entry.find(f"{ATOM}link[@hreflang='sv']").get("href")
        assert (built_site.site / href / "index.html").is_file()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_open_data_page_links_every_file(built_site, prefix):
    soup = soup_of(built_site.site, f"{prefix}oppna-data")
    hrefs = [a["href"] for a in soup.select("article a[href]")]
    for name in ("examples.json", "examples.csv", "municipalities.json", "examples.atom", "example.schema.json"):
        href = next(h for h in hrefs if h.endswith(name))
        target = urljoin(f"/{prefix}oppna-data/", href).lstrip("/")
        assert (built_site.site / target).is_file(), target
    assert "CC BY 4.0" in soup.select_one("article").get_text()


@pytest.mark.parametrize("path", ["kommuner", "en/kommuner", "kommuner/haninge", "en/kommuner/lund"])
def test_map_is_an_accessible_svg_whose_points_link_to_municipality_pages(built_site, catalogue, path):
    soup = soup_of(built_site.site, path)
    svg = soup.select_one("svg.kb-map")
    # A group of links, not role="img" (which would hide the links; axe: nested-interactive).
    assert svg is not None and svg["role"] == "group"
    labelled = svg["aria-labelledby"].split()
    assert all(soup.find(id=i) for i in labelled) and svg.find("title") is not None and svg.find("desc") is not None
    points = svg.find_all("a")
    assert len(points) == len(catalogue.vocabularies.municipalities)
    for point in points:
        assert point.get("aria-label")
        target = urljoin(f"/{path}/", point["href"]).lstrip("/")
        assert (built_site.site / target / "index.html").is_file(), point["href"]
    current = svg.select(".kb-map-point--current")
    on_municipality_page = not path.endswith("kommuner")
    assert len(current) == (1 if on_municipality_page else 0)
    for element in svg.find_all(True):
        for attribute, value in element.attrs.items():
            assert not str(value).startswith(("http://", "https://")) or attribute == "xmlns"


def test_map_has_a_text_alternative_listing_every_municipality_by_county(built_site, catalogue):
    article = soup_of(built_site.site, "kommuner").select_one("article")
    text = article.get_text(" ", strip=True)
    for municipality in catalogue.vocabularies.municipalities.values():
        assert municipality.name in text
    assert "Stockholms län" in [h.get_text(strip=True) for h in article.find_all("h2")]


def test_related_examples_share_themes_or_target_groups(built_site, catalogue):
    generator = PageGenerator(catalogue)
    by_slug = {example.slug: example for example in catalogue.examples}
    for example in catalogue.examples:
        related = generator.related(example)
        assert example not in related and len(related) <= 3
        scores = [2 * len(set(example.themes) & set(other.themes)) + len(set(example.target_groups) & set(other.target_groups)) for other in related]
        assert all(score > 0 for score in scores) and scores == sorted(scores, reverse=True)
        others = [o for o in catalogue.examples if o.slug != example.slug and o not in related]
        best_left = max((2 * len(set(example.themes) & set(o.themes)) + len(set(example.target_groups) & set(o.target_groups)) for o in others), default=0)
        assert not related or best_left <= scores[-1]
        section = soup_of(built_site.site, f"exempel/{example.slug}").find(id="liknande")
        if related:
            links = [a["href"] for a in section.find_next("ul").find_all("a")]
            slugs = [re.search(r"([a-z0-9-]+)/$", urljoin(f"/exempel/{example.slug}/", href)).group(1) for href in links]
            assert slugs == [o.slug for o in related]
            assert all(s in by_slug for s in slugs)


def test_example_pages_show_citation_and_last_update_from_git(built_site, catalogue):
    import subprocess

    for example in catalogue.examples[:3]:
        date = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cs", "--", f"examples/{example.slug}.md"],
                              capture_output=True, text=True).stdout.strip()
        soup = soup_of(built_site.site, f"exempel/{example.slug}")
        cite = soup.select_one(".kb-cite").get_text(" ", strip=True)
        assert example.text("sv").title in cite and "Romsk inkludering i praktiken" in cite
        if date:  # committed files carry their date from git
            assert soup.select_one(".kb-updated").get_text(strip=True) == f"Senast uppdaterad {date}."
            assert date in cite
        english = soup_of(built_site.site, f"en/exempel/{example.slug}").select_one(".kb-cite").get_text(" ", strip=True)
        assert "Cite this page" in english and "Roma inclusion in practice" in english


def test_examples_index_cards_carry_the_facet_data(built_site, catalogue):
    soup = soup_of(built_site.site, "exempel")
    cards = soup.select(".kb-card")
    assert len(cards) == len(catalogue.examples)
    form = soup.select_one("form.kb-filters")
    assert form.has_attr("hidden")  # without JavaScript the whole list shows and the form stays hidden
    for card in cards:
        slug = re.search(r"([a-z0-9-]+)/$", card.find("a")["href"]).group(1)
        example = next(e for e in catalogue.examples if e.slug == slug)
        assert card["data-tema"].split() == example.themes
        assert card["data-kommun"].split() == example.municipalities
    for fieldset in form.select("fieldset[data-facet]"):
        for box in fieldset.select("input[type=checkbox]"):
            count = int(form.find("label", attrs={"for": box["id"]}).select_one(".kb-count").get_text())
            facet = fieldset["data-facet"]
            assert count == sum(1 for card in cards if box["value"] in card[f"data-{facet}"].split())
