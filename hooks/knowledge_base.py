"""MkDocs hook: a thin adapter between MkDocs and the ``romkb`` package.

It reads the ``extra.romkb`` block of mkdocs.yml (romkb.settings), loads and
checks the project and generates the pages (romkb.project, the same load path
as ``romkb validate``), writes the site's sources (hand-written docs +
generated pages) into a temporary folder and points MkDocs at it; after the
last language is built it writes the PDFs. All logic lives in ``romkb``,
which imports nothing from MkDocs.

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

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger

from romkb.print_document import edition_from_git, write_pdfs
from romkb.problems import Problem
from romkb.project import LoadedProject, load_project
from romkb.settings import Settings, SettingsError, read_settings
from romkb.site_sources import remove_tree, write_tree

log = get_plugin_logger(__name__)

_OFFLINE_SHIM = "assets/vendor/iframe-worker/shim.js"


def _fail(problems: list[Problem]) -> PluginError:
    listing = "\n".join(f"  {problem}" for problem in problems)
    return PluginError(f"The knowledge base has {len(problems)} problem(s):\n{listing}\n"
                       "Run 'romkb validate' for the same list without building the site.")


def _offline_enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


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
        self.config, self.project = config, None
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
        config.docs_dir = str(folder)
        for watched in (source_docs, root / "examples", root / "data"):
            if str(watched) not in config.watch:
                config.watch.append(str(watched))
        if settings.offline:
            # A local copy of the Web Worker shim, so that the offline site loads
            # nothing from another host (the plugin would add one from unpkg.com).
            config.extra["polyfills"] = [*config.extra.get("polyfills", []), _OFFLINE_SHIM]
        return config

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
on_post_build = BUILD.on_post_build
