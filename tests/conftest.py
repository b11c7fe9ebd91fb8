"""Shared fixtures: the real site built once into a temporary folder, and
throw-away copies of the project for tests that feed it bad input."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "examples", "data", "hooks", "overrides")


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def run_build(project: Path, site: Path, *extra: str, env: dict[str, str | None] | None = None, pdf: bool = False) -> Build:
    """`mkdocs build --strict` as a user runs it (no -q/-v: they defeat --strict).
    ``env`` adds to (or, with a None value, removes from) the environment.
    The PDFs take most of a build's time: only builds that check them make them."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks"), "ROMKB_PDF": "1" if pdf else "0"}
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site), *extra],
        cwd=project, env=environment, capture_output=True, text=True, timeout=600,
    )
    return Build(process.returncode, process.stdout + process.stderr, site)


def tree_digest(*folders: Path) -> dict[str, str]:
    digest = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest[str(path.relative_to(ROOT))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Build:
    """The real project built once; also proves the build leaves docs/ and examples/ alone."""
    before = tree_digest(ROOT / "docs", ROOT / "examples")
    build = run_build(ROOT, tmp_path_factory.mktemp("site") / "site", pdf=True)
    after = tree_digest(ROOT / "docs", ROOT / "examples")
    build.sources_unchanged = before == after  # type: ignore[attr-defined]
    return build


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def project_with_templates(project_copy) -> Path:
    """A throw-away project with the templates that `romkb new` and `romkb from-issue` write from."""
    (project_copy / "templates").mkdir()
    for name in ("example.md", "example.en.md"):
        (project_copy / "templates" / name).write_bytes((ROOT / "templates" / name).read_bytes())
    return project_copy


def romkb(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    """The `romkb` command in ``project`` with that project's hooks, as a contributor runs it."""
    environment = {**os.environ, "PYTHONPATH": str(project / "hooks")}
    return subprocess.run([sys.executable, "-m", "romkb", *arguments], cwd=project, env=environment,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)


# ---- a real browser on the built site (tests/browser_support.py) ----------


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served on 127.0.0.1 (a free port) for the whole session."""
    from browser_support import serve

    assert built_site.returncode == 0, built_site.output
    with serve(built_site.site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium (/usr/bin/chromium) driven by Playwright, one per test
    module: Playwright's sync API cannot run twice at once in one process, so a
    module that starts its own must not find this one still running."""
    from browser_support import launch_chromium

    with launch_chromium() as browser:
        yield browser


@pytest.fixture
def browser_page(chromium):
    """A fresh page in its own context (no storage shared between tests)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


# ---- golden snapshots (tests/test_golden.py) --------------------------------


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the snapshots in tests/golden/expected/ from the current generator")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")
