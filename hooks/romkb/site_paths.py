"""Where every generated page lives and what its address is: the one module
that pages, listings, citations, open data, the feed and the footer ask.

Source paths are relative to the assembled source folder and language-neutral
(``exempel/x.md``); ``localized`` adds mkdocs-static-i18n's suffix
(``exempel/x.en.md``). Built URLs are relative to the site's root, with the
language's prefix (``en/exempel/x/``, or ``en/exempel/x.html`` offline).
"""

from __future__ import annotations

import posixpath

from .languages import DEFAULT_LANGUAGE

EXAMPLES_FOLDER = "exempel"
THEMES_FOLDER = "teman"
MUNICIPALITIES_FOLDER = "kommuner"
OPEN_DATA_FOLDER = "oppna-data"
START_PAGE = "index.md"
EXAMPLES_INDEX = f"{EXAMPLES_FOLDER}/index.md"
THEMES_INDEX = f"{THEMES_FOLDER}/index.md"
MUNICIPALITIES_INDEX = f"{MUNICIPALITIES_FOLDER}/index.md"
TARGET_GROUPS_PAGE = "malgrupper.md"
CHECKLIST_PAGE = "tipslista.md"
OPEN_DATA_PAGE = f"{OPEN_DATA_FOLDER}/index.md"
PROFILE_PAGE = "profil.md"
DOSSIER_PAGE = "dossier.md"
ACCESSIBILITY_PAGE = "om/tillganglighet.md"
PRIVACY_PAGE = "om/integritet.md"
SCHEMA_FILE = "schema/example.schema.json"
TRANSLATION_SCHEMA_FILE = "schema/example-translation.schema.json"
EXAMPLES_JSON = f"{OPEN_DATA_FOLDER}/examples.json"
EXAMPLES_CSV = f"{OPEN_DATA_FOLDER}/examples.csv"
MUNICIPALITIES_JSON = f"{OPEN_DATA_FOLDER}/municipalities.json"
FEED = f"{OPEN_DATA_FOLDER}/examples.atom"
# Later pages of a listing: a folder of their own, so no example's slug can clash.
PAGE_FOLDER = "sida"


def example_path(slug: str) -> str:
    return f"{EXAMPLES_FOLDER}/{slug}.md"


def theme_path(theme: str) -> str:
    return f"{THEMES_FOLDER}/{theme}.md"


def target_group_path(group: str) -> str:
    return f"{TARGET_GROUPS_PAGE[: -len('.md')]}/{group}.md"


def municipality_path(municipality: str) -> str:
    return f"{MUNICIPALITIES_FOLDER}/{municipality}.md"


def listing_page_path(first_page: str, number: int) -> str:
    """Page ``number`` (from 1) of a listing: ``exempel/index.md`` ->
    ``exempel/sida/2.md``, ``teman/bostad.md`` -> ``teman/bostad/sida/2.md``."""
    if number == 1:
        return first_page
    stem = first_page[: -len("/index.md")] if first_page.endswith("/index.md") else first_page[: -len(".md")]
    return f"{stem}/{PAGE_FOLDER}/{number}.md"


def localized(path: str, language: str) -> str:
    """``a/b.md`` -> ``a/b.en.md`` for a non-default language."""
    if language == DEFAULT_LANGUAGE:
        return path
    stem, extension = posixpath.splitext(path)
    return f"{stem}.{language}{extension}"


def language_prefix(language: str) -> str:
    """The folder of a language's pages under the site root: ``""`` or ``en/``."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def built_url(page: str, language: str, directory_urls: bool = True) -> str:
    """Where MkDocs writes a page (``.md``) or a file, relative to the site's
    root: ``kommuner/lund.md`` -> ``en/kommuner/lund/`` (``en/kommuner/lund.html``
    offline); ``pdf/x.pdf`` -> ``en/pdf/x.pdf``."""
    if not page.endswith(".md"):
        return language_prefix(language) + page
    stem = page[: -len(".md")]
    if not directory_urls:
        return language_prefix(language) + stem + ".html"
    if stem == "index":
        return language_prefix(language)
    if stem.endswith("/index"):
        stem = stem[: -len("index")]
        return language_prefix(language) + stem
    return language_prefix(language) + stem + "/"


def absolute_url(page: str, language: str, site_url: str = "") -> str:
    """The published address of a page (with directory URLs): ``site_url`` +
    built URL, or the built URL alone when the site's address is unknown."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    return base + built_url(page, language)


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative Markdown link between two language-neutral source paths
    (MkDocs resolves it and the i18n plugin points it at the same language)."""
    target = relative_path(to_page, posixpath.dirname(from_page) or ".")
    return target + (f"#{anchor}" if anchor else "")


def relative_path(path: str, start: str) -> str:
    """posixpath.relpath for paths relative to one root (no getcwd() call)."""
    if path.startswith("/") or start.startswith("/") or ".." in path or ".." in start:
        return posixpath.relpath(path, start)
    path_parts = [part for part in path.split("/") if part and part != "."]
    start_parts = [part for part in start.split("/") if part and part != "."]
    common = 0
    for mine, theirs in zip(path_parts, start_parts):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."


def relative_url(from_page: str, target: str, directory_urls: bool = True) -> str:
    """A relative URL for raw HTML (which MkDocs does not rewrite) from a page
    to another page (``.md``) or a file written beside the pages, in the same language."""
    from_url = built_url(from_page, DEFAULT_LANGUAGE, directory_urls)
    to_url = built_url(target, DEFAULT_LANGUAGE, directory_urls)
    from_dir = from_url.rstrip("/") if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    relative = relative_path(to_url.rstrip("/") or ".", from_dir or ".")
    if to_url.endswith("/") or (not to_url and directory_urls):
        relative = relative.rstrip("/") + "/" if relative != "." else "./"
    return relative
