"""The built site: every page in both languages, generated indexes that list
exactly the right examples, a checklist with every tip once, no third-party
requests, and a build that never writes into docs/ or examples/."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

LANGUAGES = {"sv": "", "en": "en/"}


def read_front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def example_files() -> dict[str, dict]:
    """slug -> front matter, read straight from examples/ (independently of romkb)."""
    return {
        path.name[:-3]: read_front_matter(path)
        for path in sorted((ROOT / "examples").glob("*.md"))
        if not path.name.endswith(".en.md")
    }


def english_titles() -> dict[str, str]:
    titles = {}
    for slug in example_files():
        path = ROOT / "examples" / f"{slug}.en.md"
        if path.exists():
            titles[slug] = read_front_matter(path)["title"]
    return titles


def vocabulary(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def page(site: Path, url_path: str) -> BeautifulSoup:
    path = site / url_path / "index.html" if not url_path.endswith(".html") else site / url_path
    assert path.exists(), f"missing page {path.relative_to(site)}"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def linked_examples(element, page_url: str) -> set[str]:
    """Slugs of the example pages linked from a part of the page at ``page_url``."""
    slugs = set()
    for anchor in element.find_all("a", href=True):
        match = re.fullmatch(r"/(?:en/)?exempel/([a-z0-9-]+)/(?:#.*)?", urljoin(page_url, anchor["href"]))
        if match:
            slugs.add(match.group(1))
    return slugs


def section_after(soup: BeautifulSoup, heading_id: str):
    """The elements after the heading with this id, up to the next h2, as one soup."""
    heading = soup.find(id=heading_id)
    assert heading is not None, f"no heading #{heading_id}"
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(str(sibling))
    return BeautifulSoup("".join(parts), "html.parser")


def test_strict_build_passes_without_warnings(built_site):
    assert built_site.returncode == 0, built_site.output
    assert "WARNING" not in built_site.output, built_site.output
    assert "Traceback" not in built_site.output


def test_build_leaves_docs_and_examples_untouched(built_site):
    assert built_site.sources_unchanged


def test_every_example_has_a_page_in_both_languages(built_site):
    examples = example_files()
    assert len(examples) >= 13
    titles_en = english_titles()
    for slug, meta in examples.items():
        soup_sv = page(built_site.site, f"exempel/{slug}")
        soup_en = page(built_site.site, f"en/exempel/{slug}")
        assert soup_sv.html["lang"] == "sv"
        assert soup_en.html["lang"] == "en"
        assert article(soup_sv).h1.get_text(strip=True) == meta["title"]
        assert article(soup_en).h1.get_text(strip=True) == titles_en[slug]
        # The language switcher leads to the same page in the other language.
        switch = {a["hreflang"]: a["href"] for a in soup_sv.select("a[hreflang]")}
        assert urljoin(f"/exempel/{slug}/", switch["en"]) == f"/en/exempel/{slug}/"
        switch = {a["hreflang"]: a["href"] for a in soup_en.select("a[hreflang]")}
        assert urljoin(f"/en/exempel/{slug}/", switch["sv"]) == f"/exempel/{slug}/"


def test_example_pages_show_their_facts(built_site):
    municipalities = {m["id"]: m["name"] for m in vocabulary("municipalities")}
    themes = {t["id"]: t for t in vocabulary("themes")}
    for slug, meta in example_files().items():
        facts = article(page(built_site.site, f"exempel/{slug}")).select_one(".kb-facts").get_text(" ", strip=True)
        for municipality in meta["municipalities"]:
            assert municipalities[municipality] in facts
        for theme in meta["themes"]:
            assert themes[theme]["sv"] in facts
        facts_en = article(page(built_site.site, f"en/exempel/{slug}")).select_one(".kb-facts").get_text(" ", strip=True)
        for theme in meta["themes"]:
            assert themes[theme]["en"] in facts_en


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_theme_page_lists_exactly_its_examples(built_site, language):
    examples = example_files()
    for theme in vocabulary("themes"):
        soup = page(built_site.site, f"{LANGUAGES[language]}teman/{theme['id']}")
        expected = {slug for slug, meta in examples.items() if theme["id"] in meta["themes"]}
        assert linked_examples(section_after(soup, "exempel"), f"/{LANGUAGES[language]}teman/{theme['id']}/") == expected, theme["id"]
        assert article(soup).h1.get_text(strip=True) == theme[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_municipality_page_lists_exactly_its_examples(built_site, language):
    examples = example_files()
    for municipality in vocabulary("municipalities"):
        soup = page(built_site.site, f"{LANGUAGES[language]}kommuner/{municipality['id']}")
        expected = {slug for slug, meta in examples.items() if municipality["id"] in meta["municipalities"]}
        assert linked_examples(section_after(soup, "exempel"), f"/{LANGUAGES[language]}kommuner/{municipality['id']}/") == expected, municipality["id"]


def test_municipality_pages_state_roles_from_the_seeds(built_site):
    soup = page(built_site.site, "kommuner/malmo")
    facts = soup.select_one(".kb-facts").get_text(" ", strip=True)
    assert "Pilotkommun 2012–2015" in facts and "Skåne län" in facts
    facts = page(built_site.site, "en/kommuner/haninge").select_one(".kb-facts").get_text(" ", strip=True)
    assert "Development municipality 2016–2020" in facts and "since 2013" in facts
    facts = page(built_site.site, "kommuner/nykoping").select_one(".kb-facts").get_text(" ", strip=True)
    assert "Medlem i det nationella nätverket" in facts and "sedan" not in facts


@pytest.mark.parametrize("language", LANGUAGES)
def test_municipality_index_groups_every_municipality_by_county(built_site, language):
    soup = article(page(built_site.site, f"{LANGUAGES[language]}kommuner"))
    counties = {c["id"]: c for c in vocabulary("counties")}
    for municipality in vocabulary("municipalities"):
        heading = soup.find(id=f"lan-{municipality['county']}")
        assert heading is not None and heading.get_text(strip=True) == counties[municipality["county"]][language]
        listed = section_after(soup, f"lan-{municipality['county']}")
        assert listed.find("a", href=re.compile(rf"{municipality['id']}/$")), municipality["id"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_target_group_page_lists_every_example_under_each_of_its_groups(built_site, language):
    soup = article(page(built_site.site, f"{LANGUAGES[language]}malgrupper"))
    for group in vocabulary("target_groups"):
        expected = {slug for slug, meta in example_files().items() if group["id"] in meta["target_groups"]}
        if expected:
            assert linked_examples(section_after(soup, group["id"]), f"/{LANGUAGES[language]}malgrupper/") == expected
        else:
            assert soup.find(id=group["id"]) is None


def _tips_in_sources(language: str) -> Counter:
    """The visible text of every tip and success factor in examples/ and docs/teman/."""
    import markdown
    from romkb.catalogue import load_catalogue

    def visible(item_markdown: str) -> str:
        html = markdown.markdown(item_markdown)
        return " ".join(BeautifulSoup(html, "html.parser").get_text(" ", strip=True).split())

    catalogue = load_catalogue(ROOT)
    texts = Counter()
    for example in catalogue.examples:
        example_text = example.text(language)
        texts.update(visible(item.text) for item in example_text.tips)
        texts.update(visible(f"**{item.name}.** {item.text}" if item.name else item.text) for item in example_text.success_factors)
    for (_theme, lang), intro in catalogue.theme_intros.items():
        if lang == language:
            texts.update(visible(item.text) for item in intro.tips)
    return texts


@pytest.mark.parametrize("language", LANGUAGES)
def test_checklist_holds_every_tip_once_with_a_working_link(built_site, language):
    site = built_site.site
    url = f"/{LANGUAGES[language]}tipslista/"
    soup = article(page(site, f"{LANGUAGES[language]}tipslista"))
    items = soup.select("ul.kb-checklist > li")
    expected = _tips_in_sources(language)
    assert len(items) == sum(expected.values()) > 40
    found = Counter()
    for item in items:
        box = item.find("input", type="checkbox")
        label = item.find("label")
        assert box is not None and label is not None and label["for"] == box["id"]
        text = " ".join(label.get_text(" ", strip=True).split())
        found[text] += 1
        source = item.select_one(".kb-from a")
        target = urlsplit(urljoin(url, source["href"]))
        target_file = site / unquote(target.path).lstrip("/") / "index.html"
        assert target_file.exists(), source["href"]
        target_soup = BeautifulSoup(target_file.read_text(encoding="utf-8"), "html.parser")
        assert target_soup.find(id=target.fragment) is not None, source["href"]
    assert found == expected
    ids = [box["id"] for box in soup.select("ul.kb-checklist input")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("language", LANGUAGES)
def test_start_page_counts_match_the_content(built_site, language):
    examples = example_files()
    with_examples = {m for meta in examples.values() for m in meta["municipalities"]}
    figures = article(page(built_site.site, LANGUAGES[language])).select_one(".kb-figures").get_text(" ", strip=True)
    numbers = [int(n) for n in re.findall(r"\d+", figures)]
    network = [m for m in vocabulary("municipalities") if m.get("network_member")]
    assert numbers == [len(examples), len(with_examples), len(network), len(vocabulary("themes"))]


@pytest.mark.parametrize("language", LANGUAGES)
def test_examples_index_has_a_card_for_every_example(built_site, language):
    soup = article(page(built_site.site, f"{LANGUAGES[language]}exempel"))
    assert linked_examples(soup, f"/{LANGUAGES[language]}exempel/") == set(example_files())


def test_navigation_has_the_generated_pages_in_both_languages(built_site):
    for language, prefix in LANGUAGES.items():
        soup = page(built_site.site, prefix)
        nav_links = {a["href"] for a in soup.select("nav.md-nav--primary a[href]")}
        for target in ("exempel/", "teman/", "teman/utbildning/", "kommuner/", "malgrupper/", "tipslista/", "bakgrund/strategin/"):
            assert any(href.rstrip("/").endswith(target.rstrip("/")) for href in nav_links), (language, target)


def test_no_request_to_another_host(built_site):
    """Scripts, styles, images, fonts and frames all come from the site itself."""
    offenders = []
    for html in built_site.site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for element in soup.find_all(tag):
                value = element.get(attribute, "")
                if tag == "link" and "stylesheet" not in element.get("rel", []) and "preload" not in element.get("rel", []) and "icon" not in element.get("rel", []):
                    continue
                if re.match(r"^(?:https?:)?//", value):
                    offenders.append(f"{html.relative_to(built_site.site)}: <{tag} {attribute}={value}>")
    for css in built_site.site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text(encoding="utf-8")):
            offenders.append(f"{css.relative_to(built_site.site)}: {url}")
    for css in built_site.site.rglob("*.css"):
        assert "@import url(http" not in css.read_text(encoding="utf-8")
    assert offenders == []


def test_search_index_covers_both_languages(built_site):
    index = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["sv", "en"]
    locations = {doc["location"] for doc in index["docs"]}
    for slug in example_files():
        assert f"exempel/{slug}/" in locations
        assert f"en/exempel/{slug}/" in locations
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "läxhjälp" in text.lower() and "homework" in text.lower()


def test_published_json_schema_lists_the_vocabularies(built_site):
    import jsonschema

    schema = json.loads((built_site.site / "schema" / "example.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["themes"]["items"]["enum"] == [t["id"] for t in vocabulary("themes")]
    assert "haninge" in schema["properties"]["municipalities"]["items"]["enum"]
    for _slug, meta in example_files().items():
        jsonschema.validate(meta, schema)


def test_a_build_prints_only_log_lines(built_site):
    """No warning of a library (WeasyPrint's HarfBuzz-Subset notice, say) and no
    traceback: every line of a clean build is one of MkDocs' log lines."""
    assert built_site.returncode == 0
    stray = [line for line in built_site.output.splitlines() if line.strip() and not line.startswith("INFO    -  ")]
    assert stray == []
