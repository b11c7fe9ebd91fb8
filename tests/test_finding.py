"""Finding the right example, as a reader does it in a real browser (headless
Chromium): Material's search with realistic Swedish and English queries, and
the facet filters on the examples index (combining, counts, the address,
the keyboard)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

# The browser fixtures (site_url, chromium, browser_page) are in conftest.py.


@pytest.fixture
def page(browser_page):
    return browser_page


# Query, the page to search from, and the expected first result's title.
SEARCHES = [
    ("läxhjälp", "", "Läxhjälpsverksamhet – Study group"),
    ("föräldrar skola", "", "Stötta föräldranätverk"),
    ("äldre", "", "Träffpunkt"),
    ("bostadsbolag", "", "Utbildning av kommunalt bostadsbolag"),
    ("hälsa unga", "", "Bättre hälsa för unga romer"),
    ("homework", "en/", "Homework help – Study group"),
    ("housing company", "en/", "Training for a municipal housing company"),
    ("elderly", "en/", "Meeting place"),
]


@pytest.mark.parametrize("query, prefix, expected", SEARCHES)
def test_search_returns_the_right_example_first(site_url, page, query, prefix, expected):
    page.goto(site_url + prefix)
    first = search(page, query)
    title = first.locator("h1").first.inner_text().strip()
    assert title == expected


def search(page, query: str):
    """Type a query into Material's search and return the first result. The
    search worker builds its index after the page loads; a query typed before
    it is ready gets no answer, so the query is typed again until one comes."""
    first = page.locator(".md-search-result__item").first
    for _attempt in range(4):
        page.fill("input.md-search__input", "")
        # Typed key by key: Material's search reacts to key events, not only to
        # a changed value.
        page.type("input.md-search__input", query)
        try:
            first.wait_for(timeout=15000)
            return first
        except Exception:  # noqa: BLE001 - playwright's TimeoutError; try again
            continue
    first.wait_for(timeout=15000)
    return first


def _visible_titles(page) -> list[str]:
    return page.locator(".kb-card:visible h2").all_inner_texts()


def test_facets_combine_count_and_are_kept_in_the_address(site_url, page):
    page.goto(site_url + "exempel/")
    assert page.locator("form.kb-filters").is_visible()
    everything = page.locator(".kb-card").count()
    assert len(_visible_titles(page)) == everything
    page.check("#f-tema-utbildning")
    education = _visible_titles(page)
    assert 0 < len(education) < everything
    assert parse_qs(urlsplit(page.url).query) == {"tema": ["utbildning"]}
    assert page.locator(".kb-filter-status").inner_text().startswith(f"{len(education)} ")
    # Within a facet values combine with OR, across facets with AND.
    page.check("#f-tema-bostad")
    assert len(_visible_titles(page)) > len(education)
    page.uncheck("#f-tema-bostad")
    page.check("#f-kommun-haninge")
    both = _visible_titles(page)
    assert both == ["Stötta föräldranätverk"]
    # Counts say how many examples each value would show with the other facets.
    assert page.locator("label[for='f-kommun-gavle'] .kb-count").inner_text() == "1"
    assert page.locator("label[for='f-tema-utbildning'] .kb-count").inner_text() == "1"
    shared = page.url
    # The address restores the same view.
    other = page.context.new_page()
    other.goto(shared)
    assert _visible_titles(other) == both and other.is_checked("#f-kommun-haninge")
    other.close()
    page.click("form.kb-filters button[type=reset]")
    page.wait_for_function("document.querySelectorAll('.kb-card[hidden]').length === 0")
    assert urlsplit(page.url).query == ""


def test_free_text_filter(site_url, page):
    page.goto(site_url + "en/exempel/")
    page.fill("#kb-q", "library")
    titles = _visible_titles(page)
    assert "Homework help – Study group" in titles and len(titles) < page.locator(".kb-card").count()
    assert parse_qs(urlsplit(page.url).query) == {"q": ["library"]}


def test_facets_work_with_the_keyboard(site_url, page):
    page.goto(site_url + "exempel/")
    page.focus("#kb-q")
    page.keyboard.press("Tab")  # to the first checkbox of the first facet
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("f-tema-")
    page.keyboard.press("Space")
    assert page.is_checked(f"#{focused}")
    assert page.locator(".kb-filter-status").get_attribute("role") == "status"
    label = page.evaluate(f"document.querySelector(\"label[for='{focused}']\").textContent")
    assert label.strip()
