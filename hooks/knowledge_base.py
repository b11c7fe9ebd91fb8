"""MkDocs hook: a thin adapter between MkDocs and the ``romkb`` package.

It loads and validates the catalogue, assembles the site's source folder
(hand-written docs + generated pages) in a temporary folder and points MkDocs
at it; after the last language is built it writes the PDFs. All logic lives in
``romkb``, which imports nothing from MkDocs.

mkdocs-static-i18n re-runs the whole build once per extra language with the
same config object, so every event runs once per language: the assembled
folder already holds every language and is reused, and the PDFs wait until the
outermost build has finished.
"""

from __future__ import annotations

import atexit
import gc
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import normalize_url

from romkb.catalogue import Catalogue, load_catalogue
from romkb.file_cache import CACHE_FOLDER
from romkb.gc_pause import cycle_collection_paused
from romkb.map_svg import load_outline
from romkb.print_document import edition_from_git, write_pdfs
from romkb.site_paths import ACCESSIBILITY_PAGE, PRIVACY_PAGE, built_url
from romkb.site_sources import SiteSources, SiteSourceError, assemble, remove_tree, scratch_parent, split_for_build, write_tree
from romkb.ui_text import text
from romkb.vocabulary import VocabularyError
from romkb.widgets import WidgetError, fill_widgets, map_svg

log = get_plugin_logger(__name__)

_STATE_ATTRIBUTE = "_romkb_state"
_OFFLINE_SHIM = "assets/vendor/iframe-worker/shim.js"
_folders: list[Path] = []
_command = {"name": "build"}


@dataclass
class _State:
    root: Path
    folder: Path
    catalogue: Catalogue
    start_intros: dict[str, str]
    offline: bool
    pages: dict[str, bytes]  # Markdown of every page (UTF-8), by path in the assembled folder
    outline: list  # Sweden's outline, for the map widget
    env: object = None  # the theme's environment for the widgets, made once per language pass


def _remove_folders() -> None:
    for folder in _folders:
        remove_tree(folder)


atexit.register(_remove_folders)


def _fail(problems) -> PluginError:
    listing = "\n".join(f"  {problem}" for problem in problems)
    return PluginError(f"The knowledge base has {len(problems)} problem(s):\n{listing}\n"
                       "Run 'romkb validate' for the same list without building the site.")


def _offline_enabled(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def on_startup(command, dirty):
    _command["name"] = command


@event_priority(10)  # before Material's offline plugin adds a polyfill from unpkg.com
def on_config(config):
    if getattr(config, _STATE_ATTRIBUTE, None):
        return config  # a later language pass of mkdocs-static-i18n
    root = Path(config.config_file_path).resolve().parent
    source_docs = Path(config.docs_dir).resolve()
    offline = _offline_enabled(config)
    # The catalogue and the pages stay alive for the whole build (both
    # languages and the PDFs). Made with the cyclic garbage collector paused
    # and frozen before it runs again, they are never walked by it: not while
    # they are made, nor at the collections MkDocs triggers later.
    started = time.perf_counter()
    with cycle_collection_paused():
        catalogue, sources = _load_and_generate(config, root, source_docs, offline)
        gc.freeze()
    folder = Path(tempfile.mkdtemp(prefix="romkb-site-", dir=scratch_parent()))
    _folders.append(folder)
    placeholders, pages = split_for_build(sources.files)
    write_tree(folder, placeholders)
    # One line that tells how long the knowledge base's own work took
    # (the benchmark reads it from the build log too).
    log.info(f"{len(catalogue.examples)} examples checked and {len(pages)} pages generated in "
             f"{time.perf_counter() - started:.2f} s")
    start_texts = {language: markdown for language, (_, markdown) in sources.start_intros.items()}
    setattr(config, _STATE_ATTRIBUTE, _State(root, folder, catalogue, start_texts, offline, pages, load_outline(root / "data")))
    config.docs_dir = str(folder)
    for watched in (source_docs, root / "examples", root / "data"):
        if str(watched) not in config.watch:
            config.watch.append(str(watched))
    if offline:
        # A local copy of the Web Worker shim, so that the offline site loads
        # nothing from another host (the plugin would add one from unpkg.com).
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), _OFFLINE_SHIM]
    return config


def _load_and_generate(config, root: Path, source_docs: Path, offline: bool) -> tuple[Catalogue, SiteSources]:
    try:
        # Unchanged example files are not checked again (romkb.file_cache);
        # ROMKB_CACHE=0 turns that off.
        cache_dir = None if os.environ.get("ROMKB_CACHE", "1") == "0" else root / CACHE_FOLDER
        catalogue = load_catalogue(root, docs_dir=source_docs, cache_dir=cache_dir)
    except VocabularyError as error:
        raise _fail(error.problems) from None
    if catalogue.errors:
        raise _fail(catalogue.errors)
    for problem in catalogue.problems:
        log.info(str(problem))
    try:
        sources = assemble(catalogue, source_docs, root, directory_urls=config.use_directory_urls and not offline,
                           site_url=config.site_url or "")
    except SiteSourceError as error:
        raise _fail(error.problems) from None
    return catalogue, sources


@event_priority(-200)  # after mkdocs-static-i18n has made its files for this language
def on_files(files, config):
    state: _State = getattr(config, _STATE_ATTRIBUTE)
    state.env = None  # a new language pass: theme.language has changed
    missing = []
    prefix = os.path.join(str(state.folder), "")
    for file in files.documentation_pages():
        source = file.abs_src_path
        if source is None:
            continue
        # Thousands of pages: a prefix cut, not os.path.relpath (two getcwd() calls each).
        relative = source[len(prefix):] if source.startswith(prefix) else os.path.relpath(source, state.folder)
        relative = relative.replace(os.sep, "/")
        content = state.pages.get(relative)
        if content is None:
            missing.append(relative)
            continue
        # The setter forgets the source path; keep it, so that MkDocs and the
        # i18n plugin still know which file the page stands for.
        file.content_bytes = content
        file.abs_src_path = source
    if missing:
        raise PluginError(f"Pages without content in the assembled folder: {', '.join(sorted(missing)[:10])}")
    return files


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme.language


def on_env(env, config, files):
    """The footer partial (overrides/partials/copyright.html) asks these for
    its text and its links, in this language pass's language."""
    state: _State = getattr(config, _STATE_ATTRIBUTE)
    language = _language(config)
    env.globals["kb_text"] = lambda key: text(language, key)
    env.globals["kb_page_url"] = lambda page: built_url(page, language, config.use_directory_urls and not state.offline)
    env.globals["kb_pages"] = {"accessibility": ACCESSIBILITY_PAGE, "privacy": PRIVACY_PAGE}
    return env


def on_page_content(html, page, config, files):
    """The generated pages' widgets, rendered by the theme from the page's front matter (romkb.widgets)."""
    state: _State = getattr(config, _STATE_ATTRIBUTE)
    if state.env is None:
        state.env = _widget_environment(config, state)

    def render(name, data):
        return state.env.get_template(f"partials/kb/{name}.html").render(widget=data, page=page, config=config, base_url="")

    try:
        return fill_widgets(html, page.meta.get("kb"), render)
    except WidgetError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None


def _widget_environment(config, state: _State):
    """The theme's Jinja environment for this language pass (on_env comes
    after the pages' HTML, too late), with the map drawing the partial calls."""
    env = config.theme.get_env()
    municipalities = list(state.catalogue.vocabularies.municipalities.values())

    def kb_map_svg(page, widget):
        return Markup(map_svg(state.outline, municipalities, widget, lambda url: normalize_url(url, page)))

    env.globals["kb_map_svg"] = kb_map_svg
    return env


def on_serve(server, config, builder):
    # The assembled folder is rewritten by every rebuild; watching it would
    # loop. The sources (docs/, examples/, data/) are in config.watch.
    server.unwatch(config.docs_dir)
    return server


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    gc.unfreeze()  # this build's objects may go (mkdocs serve builds again)
    state: _State = getattr(config, _STATE_ATTRIBUTE)
    site_dir = Path(config.site_dir)  # the i18n plugin has restored the site's root
    if state.offline:
        _inline_merged_search_index(site_dir)
    if _command["name"] == "serve" or os.environ.get("ROMKB_PDF", "1") == "0":
        log.info("No PDFs in this build: they are made by 'mkdocs build' (unless ROMKB_PDF=0).")
        return
    started = time.perf_counter()
    written = write_pdfs(state.catalogue, edition_from_git(state.root), state.start_intros, site_dir)
    log.info(f"{len(written)} PDFs written in {time.perf_counter() - started:.1f} s")


def _inline_merged_search_index(site_dir: Path) -> None:
    """The offline plugin inlines the search index before the i18n plugin has
    merged the languages; inline the merged one (both languages) instead."""
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_text(encoding="utf-8"))
        (site_dir / "search" / "search_index.js").write_text(
            "var __index = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
