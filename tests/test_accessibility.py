"""Accessibility (WCAG 2.1 AA) in a real browser: axe-core on every page type
in both languages and on open search results, keyboard use (skip link, visible
focus, the checklist ticked without a mouse), and the language of every page.

The built site is served on 127.0.0.1 and opened in Debian's Chromium driven by
Playwright; axe-core comes from npm (package.json, `npm ci`)."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from browser_support import LANGUAGES, describe, page_types, run_axe

PAGE_TYPES = page_types()
SEARCH_WORDS = {"sv": "läxhjälp", "en": "homework"}

# What document.activeElement is, and whether its focus can be seen.
FOCUSED = """() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) {
        return null;
    }
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        className: typeof element.className === "string" ? element.className : "",
        href: element.getAttribute("href"),
        text: (element.innerText || element.value || element.getAttribute("aria-label") || "").trim().slice(0, 60),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        boxShadow: style.boxShadow !== "none",
        rendered: element.getClientRects().length > 0 && rect.width > 0 && rect.height > 0,
        inContent: !!element.closest(".md-content"),
        checkbox: element.matches("input[type=checkbox][data-kb-check]"),
        checked: !!element.checked,
    };
}"""


def url(site_url: str, language: str, path: str) -> str:
    return site_url + LANGUAGES[language] + path


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_axe_finds_no_violations(browser_page, site_url, page_type, language):
    response = browser_page.goto(url(site_url, language, PAGE_TYPES[page_type]))
    assert response is not None and response.ok, f"{page_type} ({language}) did not load"
    violations = run_axe(browser_page)
    assert violations == [], f"{page_type} ({language}):\n{describe(violations)}"


def test_axe_finds_no_violations_on_the_not_found_page(browser_page, site_url):
    browser_page.goto(site_url + "404.html")
    violations = run_axe(browser_page)
    assert violations == [], describe(violations)


def _search(page, word: str) -> None:
    """Open Material's search with the keyboard and type a word, as a reader would."""
    page.keyboard.press("s")  # Material's shortcut: focus the search box
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    page.keyboard.type(word, delay=20)
    page.wait_for_selector(".md-search-result__item")


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violations_with_search_results_open(browser_page, site_url, language):
    browser_page.goto(url(site_url, language, ""))
    _search(browser_page, SEARCH_WORDS[language])
    assert browser_page.locator(".md-search-result__item").count() > 0
    violations = run_axe(browser_page)
    assert violations == [], f"search results ({language}):\n{describe(violations)}"


@pytest.mark.parametrize("language, word, other", [("sv", "homework", "en"), ("en", "läxhjälp", "sv")])
def test_search_results_carry_the_language_of_their_page(browser_page, site_url, language, word, other):
    """The index holds both languages, so results in the other language must say
    so (WCAG 3.1.2): every result is marked with its page's language."""
    browser_page.goto(url(site_url, language, ""))
    _search(browser_page, word)
    results = browser_page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(item => [item.getAttribute('lang'), item.querySelector('a').href])",
    )
    assert results
    for lang, href in results:
        path = urlsplit(href).path
        assert lang == ("en" if path.startswith("/en/") else "sv"), (lang, href)
    assert any(lang == other for lang, _ in results), results


def _focused(page) -> dict | None:
    return page.evaluate(FOCUSED)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", ["start", "example", "checklist", "accessibility statement"])
def test_skip_link_comes_first_and_moves_focus_to_the_content(browser_page, site_url, page_type, language):
    browser_page.goto(url(site_url, language, PAGE_TYPES[page_type]))
    browser_page.keyboard.press("Tab")
    first = _focused(browser_page)
    assert first is not None and "md-skip" in first["className"], f"the first Tab stop is {first}"
    assert first["rendered"] and (first["outline"] or first["boxShadow"]), f"the skip link's focus is not visible: {first}"
    target = first["href"]
    assert target.startswith("#") and len(target) > 1
    assert browser_page.evaluate("id => !!document.getElementById(id)?.closest('.md-content')", target[1:]), target
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("location.hash") == target
    browser_page.keyboard.press("Tab")
    after = _focused(browser_page)
    assert after is not None and after["inContent"], f"after the skip link, Tab goes to {after}, not into the content"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", ["start", "checklist"])
def test_every_tab_stop_shows_where_the_focus_is(browser_page, site_url, page_type, language):
    """Tab through the whole page: every focused element is rendered and has an
    outline or a box shadow (WCAG 2.4.7)."""
    browser_page.goto(url(site_url, language, PAGE_TYPES[page_type]))
    seen, invisible = 0, []
    for _ in range(600):
        browser_page.keyboard.press("Tab")
        focused = _focused(browser_page)
        if focused is None:
            continue  # the focus left the page (after the last stop)
        if seen and "md-skip" in focused["className"]:
            break  # round the page once
        seen += 1
        if not (focused["rendered"] and (focused["outline"] or focused["boxShadow"])):
            invisible.append(focused)
    else:
        pytest.fail("the Tab order never came back to the skip link")
    assert seen > 5
    assert invisible == [], "focus not visible on:\n" + "\n".join(map(str, invisible))


@pytest.mark.parametrize("language", LANGUAGES)
def test_checklist_can_be_ticked_with_the_keyboard_and_the_tick_survives_a_reload(browser_page, site_url, language):
    page = browser_page
    page.goto(url(site_url, language, PAGE_TYPES["checklist"]))
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if focused and focused["checkbox"]:
            break
    else:
        pytest.fail("Tab never reached a checkbox of the checklist")
    box = focused["id"]
    assert not focused["checked"]
    assert focused["outline"] or focused["boxShadow"], "the checkbox's focus is not visible"
    page.keyboard.press("Space")
    assert page.is_checked(f"#{box}")
    stored = page.evaluate("JSON.parse(localStorage.getItem('romkb-checklist') || '{}')")
    assert stored == {box: True}
    page.reload()
    assert page.is_checked(f"#{box}"), "the tick did not survive a reload"
    assert page.locator("input[data-kb-check]:checked").count() == 1
    page.focus(f"#{box}")
    page.keyboard.press("Space")
    assert not page.is_checked(f"#{box}")
    page.reload()
    assert not page.is_checked(f"#{box}"), "the untick did not survive a reload"


def test_every_page_states_its_language(built_site):
    """<html lang> is sv for the Swedish site (the root, 404 page included) and
    en under en/ (WCAG 3.1.1)."""
    wrong = []
    pages = sorted(built_site.site.rglob("*.html"))
    assert len(pages) > 50
    for html in pages:
        relative = html.relative_to(built_site.site).as_posix()
        expected = "en" if relative.startswith("en/") else "sv"
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        if soup.html is None or soup.html.get("lang") != expected:
            wrong.append(f"{relative}: lang={soup.html.get('lang') if soup.html else None}, expected {expected}")
    assert wrong == []


def test_footer_links_lead_to_the_statement_and_privacy_page_in_the_page_language(built_site):
    """Every page links the accessibility statement and the privacy page (DIGG's
    model: reachable from every page), in the page's own language."""
    missing = []
    for html in sorted(built_site.site.rglob("*.html")):
        relative = html.relative_to(built_site.site).as_posix()
        prefix = "en/" if relative.startswith("en/") else ""
        page_url = "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        if relative == "404.html":
            page_url = "/"  # served for any missing path; its links are written for the root
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        footer = soup.select_one("footer .kb-footer-links")
        targets = {urlsplit(urljoin(page_url, a["href"])).path for a in footer.find_all("a", href=True)} if footer else set()
        for wanted in (f"/{prefix}om/tillganglighet/", f"/{prefix}om/integritet/"):
            if wanted not in targets:
                missing.append(f"{relative}: no footer link to {wanted}")
    assert missing == []
