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


def run_build(project: Path, site: Path, *extra: str) -> Build:
    """`mkdocs build --strict` as a user runs it (no -q/-v: they defeat --strict)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
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
    build = run_build(ROOT, tmp_path_factory.mktemp("site") / "site")
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
