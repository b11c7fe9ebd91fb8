"""Practice profiles: every example has every field with an allowed value; the
definitions page lists every level; reuse shows on both pages; a value outside
the vocabulary fails with a clear message; the dossier holds exactly the chosen
examples and their tips; and each theme has its own PDF."""

from __future__ import annotations

import re
import subprocess
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT
from romkb.cli import main
from test_finding import page  # noqa: F401 - the browser page fixture
from test_validation import VALID, VALID_EN, write

PROFILE = yaml.safe_load((ROOT / "data" / "profile.yml").read_text(encoding="utf-8"))


def swedish_examples() -> dict[str, dict]:
    result = {}
    for path in sorted((ROOT / "examples").glob("*.md")):
        if not path.name.endswith(".en.md"):
            result[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
    return result


def test_every_example_has_every_profile_field_with_an_allowed_value():
    for slug, meta in swedish_examples().items():
        profile = meta["profile"]
        assert set(profile) == {field["field"] for field in PROFILE}, slug
        for field in PROFILE:
            allowed = {level["id"] for level in field["levels"]}
            values = profile[field["field"]] if field.get("multiple") else [profile[field["field"]]]
            assert isinstance(profile[field["field"]], list) == bool(field.get("multiple")), (slug, field["field"])
            assert values and set(values) <= allowed, (slug, field["field"], values)
        if profile["review_status"] == "granskad-mot-kallan":
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["last_reviewed"])


@pytest.mark.parametrize("prefix, language", [("", "sv"), ("en/", "en")])
def test_definitions_page_lists_every_level(built_site, prefix, language):
    soup = BeautifulSoup((built_site.site / prefix / "profil" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    for field in PROFILE:
        heading = article.find(id=field["field"].replace("_", "-"))
        assert heading is not None and field[language] in heading.get_text()
        items = " ".join(li.get_text(" ", strip=True) for li in heading.find_next("ul").find_all("li"))
        for level in field["levels"]:
            assert level[language] in items and level[f"{language}_definition"] in items


def test_profile_card_shows_every_field_in_words(built_site):
    soup = BeautifulSoup((built_site.site / "exempel" / "haninge-traffpunkt" / "index.html").read_text(encoding="utf-8"), "html.parser")
    card = soup.select_one(".kb-profile")
    text = card.get_text(" ", strip=True)
    for field in PROFILE:
        assert field["sv"] in text
    assert "Övertaget av en organisation" in text and "Pågått i flera år" in text
    # Icons are decoration beside the words, not the only carrier of meaning.
    assert len(card.select(".twemoji")) == len(PROFILE)
    help_link = card.select_one(".kb-profile-title a")
    assert urljoin("/exempel/haninge-traffpunkt/", help_link["href"]) == "/profil/"


def test_reuse_shows_on_both_pages_and_on_the_municipality_page(built_site):
    site = built_site.site
    boras = BeautifulSoup((site / "exempel" / "boras-enskilt-stod" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Bygger på: Brobyggare" in boras.select_one(".kb-facts").get_text(" ", strip=True)
    bridge = BeautifulSoup((site / "exempel" / "brobyggare" / "index.html").read_text(encoding="utf-8"), "html.parser")
    facts = bridge.select_one(".kb-facts").get_text(" ", strip=True)
    assert "Har återanvänts i:" in facts and "Enskilt stöd (Borås)" in facts
    municipality = BeautifulSoup((site / "kommuner" / "boras" / "index.html").read_text(encoding="utf-8"), "html.parser")
    reused = municipality.find(id="ateranvant")
    assert reused is not None and "Enskilt stöd bygger på Brobyggare" in reused.find_next("ul").get_text(" ", strip=True)


@pytest.mark.parametrize("change, expected", [
    (("maturity: beskrivet", "maturity: lovande"), "examples/nytt.md:11: profile.maturity: 'lovande' is not a known level of how far has the practice come; allowed: beskrivet"),
    (("staff: [ej-angivet]", "staff: [larare, ej-angivet]"), "examples/nytt.md:14: profile.staff: 'ej-angivet' (not stated) cannot be combined with other values"),
    (("  review_status: ej-granskad\n", "  review_status: granskad-mot-kallan\n"), "examples/nytt.md:2: last_reviewed: missing required field"),
    (("  cost: ej-angivet\n", ""), "examples/nytt.md:10: profile.cost: missing required field"),
])
def test_profile_value_outside_the_vocabulary_fails_clearly(project_copy, capsys, change, expected):
    text = VALID
    old, new = change
    assert old in text
    write(project_copy, "nytt.md", text.replace(old, new))
    write(project_copy, "nytt.en.md", VALID_EN)
    code = main(["validate", "--root", str(project_copy), str(project_copy / "examples" / "nytt.md")])
    output = capsys.readouterr()
    assert code == 1
    assert expected in output.out, output.out


def test_dossier_holds_exactly_the_chosen_examples_and_their_tips(built_site, site_url, page):  # noqa: F811
    from romkb.catalogue import load_catalogue

    catalogue = load_catalogue(ROOT)
    chosen = ["gavle-study-group", "haninge-traffpunkt"]
    page.goto(site_url + "dossier/?ex=" + ",".join(chosen))
    page.wait_for_selector(".kb-dossier[data-ready='true']", timeout=15000)
    sections = page.locator(".kb-dossier-example")
    assert sections.count() == 2
    titles = [sections.nth(i).locator("h1").inner_text().strip() for i in range(2)]
    expected = [next(e for e in catalogue.examples if e.slug == slug) for slug in chosen]
    assert titles == [e.text("sv").title for e in expected]
    labels = page.locator(".kb-dossier-checklist label").all_inner_texts()
    wanted = [item.text for e in expected for item in e.text("sv").tips]
    wanted += [item.text for e in expected for item in e.text("sv").success_factors]
    assert len(labels) == len(wanted)
    for text in wanted:
        first_words = " ".join(re.sub(r"[*_`]", "", text).split()[:6])
        assert any(first_words in label for label in labels), text


def test_dossier_from_the_examples_index(site_url, page):  # noqa: F811
    page.goto(site_url + "exempel/")
    page.check("#f-tema-bostad")
    page.click(".kb-dossier-shown")
    page.wait_for_selector(".kb-dossier[data-ready='true']", timeout=15000)
    assert "ex=gavle-utbildning-av-kommunalt-bostadsbolag" in page.url
    assert page.locator(".kb-dossier-example h1").all_inner_texts() == ["Utbildning av kommunalt bostadsbolag"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_theme_has_its_own_pdf_with_exactly_its_examples(built_site, prefix):
    from pypdf import PdfReader
    from romkb.catalogue import load_catalogue

    catalogue = load_catalogue(ROOT)
    language = "en" if prefix else "sv"
    for theme_id in catalogue.vocabularies.themes:
        pdf = built_site.site / prefix / "pdf" / f"tema-{theme_id}.pdf"
        reader = PdfReader(pdf)
        nested = []
        for entry in reader.outline:
            if isinstance(entry, list):
                nested += [child.title for child in entry if not isinstance(child, list)]
        expected = sorted(e.text(language).title for e in catalogue.examples_for_theme(theme_id))
        intro_title = catalogue.theme_intros[(theme_id, language)].title
        top = [entry.title for entry in reader.outline if not isinstance(entry, list)]
        assert intro_title in top
        examples_in_outline = sorted(t for t in nested if t in {e.text(language).title for e in catalogue.examples})
        assert examples_in_outline == expected, theme_id
        theme_page = (built_site.site / prefix / "teman" / theme_id / "index.html").read_text(encoding="utf-8")
        assert f'pdf/tema-{theme_id}.pdf"' in theme_page
    info = subprocess.run(["pdfinfo", str(built_site.site / prefix / "pdf" / "tema-utbildning.pdf")], capture_output=True, text=True).stdout
    assert "Tagged:          yes" in info
