"""MkDocs hook: a thin adapter between MkDocs and the ``romkb`` package.

It reads the ``extra.romkb`` block of mkdocs.yml (romkb.settings), loads and
checks the project and generates the pages (romkb.project, the same load path
as ``romkb validate``), writes the site's sources (hand-written docs +
generated pages) into a temporary folder and points MkDocs at it; after the
last language is built it writes the PDFs. It also renders the generated
pages' widgets (romkb.widgets) with the theme's partials, and gives the
footer partial its text and links. All logic lives in ``romkb``, which
imports nothing from MkDocs.

mkdocs-static-i18n re-runs the whole build once per extra language with the
same config object, so every event runs once per language: the assembled
folder already holds every language and is reused, and the PDFs wait until the
outermost build has finished.

MkDocs imports a hook once per process: ``mkdocs serve`` builds again with
the same module, so the state of a build lives on one object (``BUILD``) that
each new config starts afresh. Restart ``mkdocs serve`` after changing code
under hooks/.
"""

from __future__ import annotations

import atexit
import dataclasses
import json
import tempfile
import time
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from romkb.map_svg import load_outline
from romkb.print_document import edition_from_git, write_pdfs
from romkb.problems import Problem
from romkb.project import LoadedProject, load_project
from romkb.settings import Settings, SettingsError, read_settings
from romkb.site_paths import ACCESSIBILITY_PAGE, PRIVACY_PAGE, built_url
from romkb.site_sources import remove_tree, write_tree
from romkb.ui_text import text
from romkb.widgets import WidgetError, fill_widgets, map_svg

log = get_plugin_logger(__name__)

_OFFLINE_SHIM = "assets/vendor/iframe-worker/shim.js"


def _fail(problems: list[Problem]) -> PluginError:
    listing = "\n".join(f"  {problem}" for problem in problems)
    return PluginError(f"The knowledge base has {len(problems)} problem(s):\n{listing}\n"
                       "Run 'romkb validate' for the same list without building the site.")


def _offline_enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def _language(config: MkDocsConfig) -> str:
    """The language of this pass of mkdocs-static-i18n."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]


def _settings(config: MkDocsConfig) -> Settings:
    """The extra.romkb block, with site_url and the offline switch as MkDocs
    applied them (``mkdocs serve`` replaces site_url with its own address)."""
    try:
        settings = read_settings(config.extra.get("romkb"))
    except SettingsError as error:
        raise _fail(error.problems) from None
    return dataclasses.replace(settings, site_url=config.site_url or "", offline=_offline_enabled(config))


class KnowledgeBaseBuild:
    """The state of the hook: the command, and for the current build its
    config, settings, loaded project and the folder MkDocs builds from."""

    def __init__(self) -> None:
        self.command = "build"
        self.folder: Path | None = None  # one per process, rewritten by every build
        self.config: MkDocsConfig | None = None
        self.settings = Settings()
        self.root = Path.cwd()
        self.project: LoadedProject | None = None
        self.outline: list = []  # Sweden's outline, for the map widget
        self.widget_environments: dict[str, Environment] = {}  # language -> the theme's environment for the widgets

    def source_folder(self) -> Path:
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="romkb-site-"))
            atexit.register(remove_tree, self.folder)
        return self.folder

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    @event_priority(10)  # before Material's offline plugin adds a polyfill from unpkg.com
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config is self.config:
            return config  # a later language pass of mkdocs-static-i18n
        self.config, self.project, self.widget_environments = config, None, {}
        self.settings = settings = _settings(config)
        self.root = root = Path(config.config_file_path).resolve().parent
        source_docs = Path(config.docs_dir).resolve()
        started = time.perf_counter()
        project = load_project(root, settings, docs_dir=source_docs,
                               directory_urls=config.use_directory_urls and not settings.offline)
        if project.errors or project.catalogue is None or project.sources is None:
            raise _fail(project.errors or project.problems)
        for problem in project.problems:
            log.info(str(problem))
        for note in project.notes:
            log.warning(note)
        folder = self.source_folder()
        write_tree(folder, project.sources.files)
        # One line that tells how long the knowledge base's own work took
        # (the benchmark reads it from the build log too).
        pages = sum(1 for path in project.sources.files if path.endswith(".md"))
        log.info(f"{len(project.catalogue.examples)} examples checked and {pages} pages generated in "
                 f"{time.perf_counter() - started:.2f} s")
        project.sources.files = {}  # written; MkDocs reads the pages from the folder
        self.project = project
        self.outline = load_outline(root / "data")
        config.docs_dir = str(folder)
        for watched in (source_docs, root / "examples", root / "data"):
            if str(watched) not in config.watch:
                config.watch.append(str(watched))
        if settings.offline:
            # A local copy of the Web Worker shim, so that the offline site loads
            # nothing from another host (the plugin would add one from unpkg.com).
            config.extra["polyfills"] = [*config.extra.get("polyfills", []), _OFFLINE_SHIM]
        return config

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The generated pages' widgets, rendered by the theme's partials
        (overrides/partials/kb/) from the page's front matter (romkb.widgets)."""
        env = self._widget_environment(config)

        def render(name: str, data: object) -> str:
            return env.get_template(f"partials/kb/{name}.html").render(widget=data, page=page, config=config, base_url="")

        try:
            return fill_widgets(html, page.meta.get("kb"), render)
        except WidgetError as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None

    def _widget_environment(self, config: MkDocsConfig) -> Environment:
        """The theme's Jinja environment for this language pass (the one
        MkDocs passes to on_env comes after the pages' HTML, too late), with
        the map drawing the map partial calls."""
        language = _language(config)
        if language not in self.widget_environments:
            env = config.theme.get_env()
            assert self.project is not None and self.project.catalogue is not None
            municipalities = list(self.project.catalogue.vocabularies.municipalities.values())
            outline = self.outline

            def kb_map_svg(page: Page, widget: dict) -> Markup:
                return Markup(map_svg(outline, municipalities, widget, lambda url: normalize_url(url, page)))

            env.globals["kb_map_svg"] = kb_map_svg
            self.widget_environments[language] = env
        return self.widget_environments[language]

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """The footer partial (overrides/partials/copyright.html) asks these
        for its text and its links, in this language pass's language."""
        language = _language(config)
        directory_urls = config.use_directory_urls and not self.settings.offline
        env.globals["kb_text"] = lambda key: text(language, key)
        env.globals["kb_page_url"] = lambda page: built_url(page, language, directory_urls)
        env.globals["kb_pages"] = {"accessibility": ACCESSIBILITY_PAGE, "privacy": PRIVACY_PAGE}
        return env

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        # The assembled folder is rewritten by every rebuild; watching it would
        # loop. The sources (docs/, examples/, data/) are in config.watch.
        server.unwatch(config.docs_dir)
        return server

    @event_priority(-200)  # after mkdocs-static-i18n has built every language
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            return
        project = self.project
        assert project is not None and project.catalogue is not None and project.sources is not None
        site_dir = Path(config.site_dir)  # the i18n plugin has restored the site's root
        if self.settings.offline:
            _inline_merged_search_index(site_dir)
        if self.command == "serve" or not self.settings.pdf:
            log.info("No PDFs in this build: they are made by 'mkdocs build' (unless ROMKB_PDF=0).")
            return
        started = time.perf_counter()
        start_texts = {language: markdown for language, (_title, markdown) in project.sources.start_intros.items()}
        written = write_pdfs(project.catalogue, edition_from_git(self.root), start_texts, site_dir,
                             whole_limit=self.settings.pdf_whole_limit, part_limit=self.settings.pdf_part_limit)
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


BUILD = KnowledgeBaseBuild()

# The events MkDocs calls (a hook is a module: its functions are the events).
on_startup = BUILD.on_startup
on_config = BUILD.on_config
on_serve = BUILD.on_serve
on_page_content = BUILD.on_page_content
on_env = BUILD.on_env
on_post_build = BUILD.on_post_build
