"""Long listings go on numbered pages, so that no page grows with the
knowledge base: the pure page plan (every example once, bounded pages, pager
links that resolve) on the real catalogue with a tiny page size, and a real
build of 120 synthetic examples with the facet filter reaching across pages
in Chromium."""

from __future__ import annotations

import importlib.util
import posixpath
import re
import shutil
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, run_build
from romkb.catalogue import load_catalogue
from romkb.pages import CHECKLIST_PAGE, PageGenerator, listing_page_path
from romkb.vocabulary import LANGUAGES

PAGE_SIZE = 4
LINK = re.compile(r"\]\(([^)\s#]+\.md)(?:#[^)]*)?\)")


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT, docs_dir=ROOT / "docs")


@pytest.fixture(scope="module")
def small_pages(catalogue) -> dict[str, str]:
    intros = {language: ("Titel", "Text.") for language in LANGUAGES}
    return PageGenerator(catalogue, page_size=PAGE_SIZE).generate(intros)


def _example_links(markdown: str, page: str) -> list[str]:
    """The example pages a listing page links to in its cards (### or ## headings)."""
    found = []
    for match in re.finditer(r"^#{2,3} \[[^\]]*\]\(([^)]+)\)", markdown, re.M):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match.group(1)))
        found.append(target)
    return found


def _pages_of(pages: dict[str, str], first: str, language: str) -> list[str]:
    from romkb.pages import localized

    found, number = [], 1
    while localized(listing_page_path(first, number), language) in pages:
        found.append(localized(listing_page_path(first, number), language))
        number += 1
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_examples_index_lists_every_example_once_on_bounded_pages(catalogue, small_pages, language):
    listing = _pages_of(small_pages, "exempel/index.md", language)
    expected_pages = -(-len(catalogue.examples) // PAGE_SIZE)
    assert len(listing) == expected_pages > 1
    linked = []
    for page in listing:
        cards = _example_links(small_pages[page], page.replace(".en.md", ".md"))
        assert 1 <= len(cards) <= PAGE_SIZE, page
        linked += cards
    assert sorted(linked) == sorted(f"exempel/{example.slug}.md" for example in catalogue.examples)
    # Later pages say which page they are, in the title and the heading.
    second = small_pages[listing[1]]
    assert ("sida 2 av" if language == "sv" else "page 2 of") in second.split("\n# ", 1)[1].split("\n", 1)[0]


def test_every_markdown_link_of_a_generated_page_points_at_a_page(small_pages):
    """Pager links, card links and the intro's links resolve from every page
    (from a page on /sida/ too), in both languages."""
    hand_written = {path.relative_to(ROOT / "docs").as_posix() for path in (ROOT / "docs").rglob("*.md")}
    existing = set(small_pages) | hand_written
    for page, content in small_pages.items():
        if not page.endswith(".md"):
            continue
        neutral = page.replace(".en.md", ".md")
        for target in LINK.findall(content):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(neutral), target))
            assert resolved in existing or resolved.replace(".md", ".en.md") in existing, f"{page}: {target}"


def test_pager_marks_the_current_page_and_stays_bounded(catalogue):
    intros = {language: ("Titel", "Text.") for language in LANGUAGES}
    pages = PageGenerator(catalogue, page_size=1).generate(intros)  # 14 pages of one example
    middle = pages[listing_page_path("exempel/index.md", 7)]
    pager = middle[middle.index('<nav class="kb-pager"'):]
    assert '<span aria-current="page">7</span>' in pager
    numbers = re.findall(r"^- \[(\d+)\]", pager, re.M)
    assert numbers == ["1", "5", "6", "8", "9", "14"]  # first, last, and two either side
    assert pager.count("- …") == 2
    assert 'aria-label="Sida 6"' in pager


@pytest.mark.parametrize("language", LANGUAGES)
def test_checklist_pages_hold_every_item_once(catalogue, small_pages, language):
    listing = _pages_of(small_pages, CHECKLIST_PAGE, language)
    assert len(listing) > 1
    ids = [item for page in listing for item in re.findall(r'data-kb-check="([^"]+)"', small_pages[page])]
    expected = [item for theme in PageGenerator(catalogue).checklist_items(language).values() for kind in theme.values() for item, *_ in kind]
    assert sorted(ids) == sorted(expected)
    assert len(ids) == len(set(ids))


def test_a_large_target_group_gets_pages_of_its_own(catalogue, small_pages):
    overview = small_pages["malgrupper.md"]
    large = [group for group in catalogue.vocabularies.target_groups if len(catalogue.examples_for_target_group(group)) > PAGE_SIZE]
    assert large, "the real catalogue should have a target group with more than four examples"
    for group in large:
        assert f"](malgrupper/{group}.md)" in overview
        listing = _pages_of(small_pages, f"malgrupper/{group}.md", "sv")
        linked = [link for page in listing for link in _example_links(small_pages[page], page)]
        assert sorted(linked) == sorted(f"exempel/{example.slug}.md" for example in catalogue.examples_for_target_group(group))


def test_the_default_page_size_keeps_todays_site_on_single_pages(catalogue):
    pages = PageGenerator(catalogue).generate({language: ("Titel", "Text.") for language in LANGUAGES})
    assert not [path for path in pages if "/sida/" in path]
    assert "kb-pager" not in pages["exempel/index.md"]


# ---- a real build with more examples than fit on a page ---------------------------


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("benchmark_corpus", ROOT / "tests" / "benchmarks" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = corpus
    spec.loader.exec_module(corpus)
    project = copy_project(tmp_path_factory.mktemp("large") / "project")
    shutil.rmtree(project / "examples")
    corpus.generate_corpus(project / "examples", 120, ROOT / "data", words=400)
    # The hand-written pages link to some real examples: keep those.
    for path in (ROOT / "examples").glob("*.md"):
        (project / "examples" / path.name).write_bytes(path.read_bytes())
    build = run_build(project, project / "site")
    assert build.returncode == 0, build.output[-3000:]
    return project / "site"


def test_large_build_splits_the_listings_in_both_languages(large_site):
    for prefix in ("", "en/"):
        for listing in ("exempel", "tipslista"):
            assert (large_site / prefix / listing / "sida" / "2" / "index.html").is_file(), (prefix, listing)
        cards = []
        number = 1
        while True:
            path = large_site / prefix / "exempel" / ("index.html" if number == 1 else f"sida/{number}/index.html")
            if not path.is_file():
                break
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            page_cards = soup.select(".kb-card")
            assert len(page_cards) <= 50
            cards += [card.h2.a["href"].rstrip("/").rsplit("/", 1)[-1] for card in page_cards]
            number += 1
        assert len(cards) == len(set(cards)) == 134  # 120 synthetic + 14 real, each once


def test_facet_filter_reaches_examples_on_other_pages(large_site, chromium):
    from browser_support import serve

    last_page = BeautifulSoup((large_site / "exempel" / "sida" / "3" / "index.html").read_text(encoding="utf-8"), "html.parser")
    wanted = last_page.select(".kb-card h2 a")[-1].get_text(strip=True)
    with serve(large_site) as url:
        page = chromium.new_page()
        try:
            page.goto(url + "exempel/")
            assert page.locator(".kb-card:visible").count() == 50
            page.fill("#kb-q", wanted)
            page.wait_for_function("document.querySelector('.kb-pager').hidden === true")
            page.wait_for_function("Array.from(document.querySelectorAll('.kb-card')).filter(c => !c.hidden).length >= 1")
            visible = page.locator(".kb-card:visible h2 a")
            titles = [visible.nth(index).inner_text() for index in range(visible.count())]
            assert wanted in titles
            # The loaded card links to the example itself, not relative to page 3.
            href = page.locator(".kb-card:visible h2 a", has_text=wanted).first.get_attribute("href")
            assert page.request.get(href).ok
            page.fill("#kb-q", "")
            page.wait_for_function("document.querySelector('.kb-pager').hidden === false")
            assert page.locator(".kb-card:visible").count() == 50
        finally:
            page.close()
