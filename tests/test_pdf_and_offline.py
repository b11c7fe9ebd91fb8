"""The PDFs of the whole knowledge base (one per language), inspected with
poppler's pdfinfo/pdftotext/pdffonts and pypdf; and the offline build opened
from file:// in headless Chromium."""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from conftest import ROOT, run_build
from romkb.catalogue import load_catalogue
from test_finding import search

PDFS = {"sv": "pdf/romsk-inkludering-i-praktiken.pdf", "en": "en/pdf/roma-inclusion-in-practice.pdf"}
TITLES = {"sv": "Romsk inkludering i praktiken", "en": "Roma inclusion in practice"}


def normalise(text: str) -> str:
    # pdftotext joins a word broken at a line-end hyphen ("bridge-|builders" ->
    # "bridgebuilders"), so hyphens are left out of the comparison.
    return " ".join(text.replace("\u00ad", "").replace("-", "").split())


def visible(markdown_text: str) -> str:
    """What a reader sees of an inline Markdown text."""
    return normalise(re.sub(r"\*\*|__|\*|`|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", markdown_text))


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT)


@pytest.mark.parametrize("language", PDFS)
def test_pdf_metadata_language_tagging_and_fonts(built_site, language):
    pdf = built_site.site / PDFS[language]
    assert pdf.is_file()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Title"].strip() == TITLES[language]
    assert fields["Tagged"].strip() == "yes"
    assert int(fields["Pages"]) > 30
    assert fields["Page size"].strip().startswith("595.276 x 841.89")  # A4
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == language
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column


@pytest.mark.parametrize("language", PDFS)
def test_pdf_text_has_every_example_title_and_tip(built_site, catalogue, language):
    text = normalise(subprocess.run(["pdftotext", str(built_site.site / PDFS[language]), "-"],
                                    capture_output=True, text=True, check=True).stdout)
    missing = []
    for example in catalogue.examples:
        example_text = example.text(language)
        if normalise(example_text.title) not in text:
            missing.append(example_text.title)
        for item in example_text.tips + example_text.success_factors:
            if visible(item.text) not in text:
                missing.append(item.text[:60])
    for (_theme, lang), intro in catalogue.theme_intros.items():
        if lang == language:
            missing += [item.text[:60] for item in intro.tips if visible(item.text) not in text]
    assert missing == []


@pytest.mark.parametrize("language", PDFS)
def test_pdf_outline_lists_every_theme_and_example(built_site, catalogue, language):
    reader = PdfReader(built_site.site / PDFS[language])
    outline: dict[str, list[str]] = {}
    current = None
    for entry in reader.outline:
        if isinstance(entry, list):
            outline[current] = [child.title for child in entry if not isinstance(child, list)]
        else:
            current = entry.title
            outline[current] = []
    for theme_id, _theme in catalogue.vocabularies.themes.items():
        title = catalogue.theme_intros[(theme_id, language)].title
        expected = sorted(e.text(language).title for e in catalogue.examples if e.main_theme == theme_id)
        assert sorted(outline[title]) == expected, title


@pytest.mark.parametrize("language", PDFS)
def test_pdf_internal_links_resolve(built_site, language):
    reader = PdfReader(built_site.site / PDFS[language])
    destinations = set(reader.named_destinations)
    links = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            links += 1
            action = annotation.get("/A")
            destination = annotation.get("/Dest") if action is None else action.get("/D")
            if action is not None and action.get("/S") == "/URI":
                continue
            assert destination is not None
            if isinstance(destination, str):
                assert destination in destinations, destination
    assert links > 100  # the contents and the checklist's page references


def test_pdf_table_of_contents_has_page_numbers(built_site):
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-layout", str(built_site.site / PDFS["sv"]), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Innehåll" in text
    numbers = [int(n) for n in re.findall(r"\.\s*(\d+)\s*$", text, flags=re.M)]
    assert len(numbers) > 20 and numbers == sorted(numbers) and numbers[0] > 2


def test_example_pages_link_to_the_pdf_of_their_language(built_site):
    for language, prefix in (("sv", ""), ("en", "en/")):
        html = (built_site.site / prefix / "exempel" / "brobyggare" / "index.html").read_text(encoding="utf-8")
        href = re.search(r'class="kb-download"[^>]*><a href="([^"]+)"', html).group(1)
        assert (built_site.site / prefix / "exempel" / "brobyggare" / href).resolve() == (built_site.site / PDFS[language]).resolve()


def test_print_stylesheet_hides_screen_furniture():
    css = (ROOT / "overrides" / "assets" / "kb.css").read_text(encoding="utf-8")
    print_rules = css[css.index("@media print"):]
    for selector in (".kb-download", ".md-header", ".md-sidebar", ".md-footer"):
        assert selector in print_rules


# ---- offline build, opened from file:// -------------------------------------

@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    build = run_build(ROOT, tmp_path_factory.mktemp("offline") / "site", env={"ROMKB_OFFLINE": "true"})
    assert build.returncode == 0, build.output
    return build.site


def test_offline_site_needs_no_server_and_no_other_host(offline_site):
    for html in offline_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, html
    assert (offline_site / "exempel" / "brobyggare.html").is_file()  # file URLs, not folders


@pytest.mark.parametrize("start, word, expected", [
    ("index.html", "läxhjälp", "Study group"),
    ("en/index.html", "homework", "Study group"),
])
def test_offline_site_navigates_and_searches_from_file_url(offline_site, browser_page, start, word, expected):
    page = browser_page
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((offline_site / start).as_uri())
    page.click("nav.md-nav--primary a[href$='exempel/index.html']")
    page.wait_for_load_state()
    assert page.url.endswith("exempel/index.html")
    assert page.locator("article h2").count() >= 13
    search(page, word)
    assert expected in " ".join(page.locator(".md-search-result__item").all_inner_texts())
    assert all(url.startswith(("file://", "data:", "blob:", "about:")) for url in requests), requests
