"""MkDocs hook: a thin adapter between MkDocs and the ``romkb`` package.

It loads and validates the catalogue, assembles the site's source folder
(hand-written docs + generated pages) in a temporary folder and points MkDocs
at it. All logic lives in ``romkb``, which imports nothing from MkDocs.

mkdocs-static-i18n re-runs the whole build once per extra language with the
same config object, so ``on_config`` runs again; the assembled folder already
holds every language and is reused (see docs/dev notes in README).
"""

from __future__ import annotations

import atexit
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from romkb.catalogue import load_catalogue
from romkb.site_sources import SiteSourceError, assemble, remove_tree, write_tree
from romkb.vocabulary import VocabularyError

log = get_plugin_logger(__name__)

_STATE_ATTRIBUTE = "_romkb_source_folder"
_folders: list[Path] = []


def _remove_folders() -> None:
    for folder in _folders:
        remove_tree(folder)


atexit.register(_remove_folders)


def _fail(problems) -> PluginError:
    listing = "\n".join(f"  {problem}" for problem in problems)
    return PluginError(f"The knowledge base has {len(problems)} problem(s):\n{listing}\n"
                       "Run 'romkb validate' for the same list without building the site.")


def on_config(config):
    if getattr(config, _STATE_ATTRIBUTE, None):
        return config  # a later language pass of mkdocs-static-i18n
    root = Path(config.config_file_path).resolve().parent
    source_docs = Path(config.docs_dir).resolve()
    try:
        catalogue = load_catalogue(root, docs_dir=source_docs)
    except VocabularyError as error:
        raise _fail(error.problems) from None
    if catalogue.errors:
        raise _fail(catalogue.errors)
    for problem in catalogue.problems:
        log.info(str(problem))
    try:
        files = assemble(catalogue, source_docs, root)
    except SiteSourceError as error:
        raise _fail(error.problems) from None
    folder = Path(tempfile.mkdtemp(prefix="romkb-site-"))
    _folders.append(folder)
    write_tree(folder, files)
    setattr(config, _STATE_ATTRIBUTE, folder)
    config.docs_dir = str(folder)
    for watched in (source_docs, root / "examples", root / "data"):
        if str(watched) not in config.watch:
            config.watch.append(str(watched))
    return config


def on_serve(server, config, builder):
    # The assembled folder is rewritten by every rebuild; watching it would
    # loop. The sources (docs/, examples/, data/) are in config.watch.
    server.unwatch(config.docs_dir)
    return server
