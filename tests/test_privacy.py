"""Privacy, checked in a real browser: loading every page type (and searching,
and ticking the checklist) requests nothing from any host but the site's own;
no cookies; the browser keeps only the checklist's ticks. And the pages that
say so (the privacy page, the accessibility statement) say what the site does."""

from __future__ import annotations

import gzip
import re
import subprocess
from datetime import datetime, timezone
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from browser_support import LANGUAGES, ROOT, page_types
from conftest import ROOT as PROJECT
from conftest import run_build

PAGE_TYPES = page_types()
CHECKLIST_KEY = re.search(r'var KEY = "([^"]+)"', (ROOT / "overrides" / "assets" / "checklist.js").read_text(encoding="utf-8")).group(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_request_leaves_the_site(browser_page, site_url, language):
    """Every page type in its own tab (loaded side by side, to keep the test
    fast), each left until the network is idle, then a search."""
    context = browser_page.context
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    browser_page.on("websocket", lambda socket: requests.append(socket.url))
    own = urlsplit(site_url).netloc
    tabs = []
    for path in [*(LANGUAGES[language] + path for path in PAGE_TYPES.values()), "404.html"]:
        tab = context.new_page()
        tab.goto(site_url + path, wait_until="commit")
        tabs.append(tab)
    for tab in tabs:
        tab.wait_for_load_state("networkidle")
    # Searching downloads the index and runs the search worker: still nothing leaves.
    page = tabs[0]
    page.keyboard.press("s")
    page.keyboard.type({"sv": "läxhjälp", "en": "homework"}[language], delay=20)
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_load_state("networkidle")
    assert len(requests) > 20
    assert any(url.endswith("search/search_index.json") for url in requests)
    foreign = sorted({url for url in requests if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != own})
    assert foreign == [], f"requests to other hosts: {foreign}"


def test_no_cookies_and_only_the_checklist_ticks_are_stored(browser_page, site_url):
    page = browser_page
    for path in PAGE_TYPES.values():
        page.goto(site_url + path)
    page.goto(site_url + "en/")
    page.keyboard.press("s")
    page.keyboard.type("homework", delay=20)
    page.wait_for_selector(".md-search-result__item")
    page.goto(site_url + PAGE_TYPES["checklist"])
    page.locator("input[data-kb-check]").first.check()
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    storage = page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage)]")
    assert storage == [[CHECKLIST_KEY], []]


def _article(site, path: str) -> BeautifulSoup:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


@pytest.mark.parametrize("language", LANGUAGES)
def test_privacy_page_says_what_the_site_does(built_site, language):
    text = _article(built_site.site, LANGUAGES[language] + "om/integritet").get_text(" ", strip=True)
    # The key the checklist script really uses (and the browser test finds).
    assert CHECKLIST_KEY in text and "localStorage" in text
    for claim in {"sv": ("inga kakor", "Ingen statistik", "Serverloggar"),
                  "en": ("no cookies", "No statistics", "Server logs")}[language]:
        assert claim.lower() in text.lower(), claim


def _commit_date() -> str:
    epoch = subprocess.run(["git", "-C", str(PROJECT), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True).stdout.strip()
    return datetime.fromtimestamp(int(epoch), timezone.utc).strftime("%Y-%m-%d")


@pytest.mark.parametrize("language", LANGUAGES)
def test_accessibility_statement_follows_diggs_model(built_site, language):
    article = _article(built_site.site, LANGUAGES[language] + "om/tillganglighet")
    text = article.get_text(" ", strip=True)
    status = {"sv": "delvis förenlig", "en": "partially compliant"}[language]
    assert status in text
    assert "Romsk inkludering i praktiken" in text  # the service and who publishes it
    assert "GitHub" in text  # the feedback channel
    assert any(a["href"] == "https://www.digg.se/tdosanmalan" for a in article.find_all("a", href=True))
    assert "axe-core" in text  # the method
    # The date of the assessment is the date of the commit built, not the clock.
    assert "{{" not in text
    assert text.count(_commit_date()) == 2


SITE_ADDRESS = "https://kommun.example.org/romsk-inkludering/"


@pytest.fixture(scope="module")
def site_with_address(tmp_path_factory):
    """The real project built as the deploy workflow builds it: with SITE_URL."""
    build = run_build(PROJECT, tmp_path_factory.mktemp("published") / "site", env={"SITE_URL": SITE_ADDRESS})
    assert build.returncode == 0, build.output
    return build


def test_build_dates_come_from_git_not_the_clock(site_with_address):
    """MkDocs' dates (sitemap lastmod, the gzip header of sitemap.xml.gz) are
    the commit's date: hooks/build_details.py sets SOURCE_DATE_EPOCH from git."""
    date = _commit_date()
    site = site_with_address.site
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {date}
    header = (site / "sitemap.xml.gz").read_bytes()[:10]
    midnight = int(datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=timezone.utc).timestamp())
    assert int.from_bytes(header[4:8], "little") == midnight
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap


def test_sitemap_lists_absolute_addresses_or_is_not_published(built_site, site_with_address):
    """With the site's address every sitemap entry is an absolute URL of the
    site, both languages; without it (a local build) MkDocs would write
    "None./" and the like, so there is no sitemap at all."""
    sitemap = (site_with_address.site / "sitemap.xml").read_text(encoding="utf-8")
    addresses = re.findall(r'<loc>([^<]+)</loc>|href="([^"]+)"', sitemap)
    addresses = [loc or href for loc, href in addresses]
    assert addresses and "None" not in sitemap
    assert all(address.startswith(SITE_ADDRESS) for address in addresses), [a for a in addresses if not a.startswith(SITE_ADDRESS)][:5]
    assert SITE_ADDRESS + "en/" in addresses
    assert built_site.returncode == 0, built_site.output
    assert not (built_site.site / "sitemap.xml").exists() and not (built_site.site / "sitemap.xml.gz").exists()
    assert "No sitemap" in built_site.output
