"""Temporary copies of the project: the synthetic corpus, a git commit (the
hooks read dates from git), and the baseline project without the hooks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import corpus
from common import (
    PROJECT_PARTS,
)
from workers import run_worker


def copy_project(source: Path, target: Path) -> None:
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        path = source / part
        if path.is_dir():
            shutil.copytree(path, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        elif path.exists():
            shutil.copy2(path, target / part)


def make_corpus(project: Path, n: int, args) -> dict:
    """N examples in the copy's examples/: the real examples that the
    hand-written docs/ link to (so that their links resolve in a strict
    build), copied from the project, and N minus those synthetic ones."""
    linked = sorted({match.group(1) for path in (project / "docs").rglob("*.md")
                     for match in re.finditer(r"exempel/([a-z0-9-]+)(?:\.[a-z]{2})?\.md", path.read_text(encoding="utf-8"))})
    stats = corpus.generate_corpus(project / "examples", n - len(linked), project / "data", seed=args.seed, words=args.words)
    for slug in linked:
        for path in (args.snapshot / "examples").glob(f"{slug}*.md"):
            if re.fullmatch(rf"{re.escape(slug)}(?:\.[a-z]{{2}})?\.md", path.name):
                shutil.copy2(path, project / "examples" / path.name)
    return {**stats, "examples": n, "real_examples_linked_from_docs": linked}


def commit_all(project: Path) -> bool:
    """Make the copy a git repository with one commit, as the real project is:
    the hooks read dates from git (one ``git log``), and would skip that
    work outside a repository."""
    if shutil.which("git") is None:
        return False
    environment = {**os.environ, "GIT_AUTHOR_NAME": "benchmark", "GIT_AUTHOR_EMAIL": "benchmark@example.invalid",
                   "GIT_COMMITTER_NAME": "benchmark", "GIT_COMMITTER_EMAIL": "benchmark@example.invalid",
                   "GIT_AUTHOR_DATE": "2025-01-01T12:00:00", "GIT_COMMITTER_DATE": "2025-01-01T12:00:00"}
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "--no-gpg-sign", "-m", "benchmark corpus"]):
        if subprocess.run(command, cwd=project, env=environment, capture_output=True).returncode != 0:
            return False
    return True


def without_hooks(config_text: str) -> str:
    """mkdocs.yml without its top-level ``hooks:`` entry."""
    lines, out, skipping = config_text.split("\n"), [], False
    for line in lines:
        if re.match(r"^hooks\s*:", line):
            skipping = not re.match(r"^hooks\s*:\s*\[.*\]\s*(#.*)?$", line)
            continue
        if skipping:
            if line.strip() == "" or line.startswith((" ", "\t", "-", "#")):
                continue
            skipping = False
        out.append(line)
    return "\n".join(out)


def docs_dir_of(config_text: str) -> str:
    match = re.search(r"^docs_dir\s*:\s*['\"]?([^'\"\s#]+)", config_text, re.M)
    return match.group(1) if match else "docs"


def make_baseline(project: Path, target: Path) -> dict:
    """A project that builds the same pages as ``project`` without the hooks."""
    target.mkdir(parents=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    stripped = without_hooks(config)
    if re.search(r"^hooks\s*:", stripped, re.M):
        raise SystemExit("could not remove the hooks: entry from mkdocs.yml")
    (target / "mkdocs.yml").write_text(stripped, encoding="utf-8")
    for part in PROJECT_PARTS:
        if part in ("mkdocs.yml", "docs", "hooks", "examples") or not (project / part).exists():
            continue
        shutil.copytree(project / part, target / part)
    return run_worker("assemble", project, target / docs_dir_of(config))
