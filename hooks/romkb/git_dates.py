"""When each example was added and last changed, from git (not the clock), so
that two builds of the same commit are identical."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .git import run_git

_COMMIT_MARK = "@@commit "  # no file name starts like this


@dataclass(frozen=True)
class FileDates:
    added: str  # YYYY-MM-DD of the first commit that has the file
    updated: str  # YYYY-MM-DD of the last commit that changed it


def file_dates(root: Path, folder: str = "examples") -> dict[str, FileDates]:
    """``{path relative to root: FileDates}`` for every committed file under
    ``folder``, from one ``git log``; empty outside a git work tree."""
    output = run_git(root, "log", f"--format={_COMMIT_MARK}%cs", "--name-only", "--no-renames", "--", folder)
    if output is None:
        return {}
    prefix = (run_git(root, "rev-parse", "--show-prefix", timeout=20) or "").strip()  # the project's folder in the repository
    newest: dict[str, str] = {}
    oldest: dict[str, str] = {}
    date = ""
    for line in output.splitlines():
        if line.startswith(_COMMIT_MARK):
            date = line[len(_COMMIT_MARK):].strip()
        elif line.strip():
            path = line.strip()
            if prefix and path.startswith(prefix):
                path = path[len(prefix):]
            newest.setdefault(path, date)  # git log lists the newest commit first
            oldest[path] = date
    return {path: FileDates(added=oldest[path], updated=newest[path]) for path in newest}


def dates_warning(root: Path, dates: dict[str, FileDates], folder: str = "examples") -> str | None:
    """Why the example pages would show no dates or wrong ones, or None when
    git gave real dates (or there is no git work tree to ask: a tarball or a
    copy has no history, and its pages simply show no dates)."""
    if (run_git(root, "rev-parse", "--is-inside-work-tree", timeout=20) or "").strip() != "true":
        return None
    if (run_git(root, "rev-parse", "--is-shallow-repository", timeout=20) or "").strip() == "true":
        return (f"this is a shallow git clone: every file in {folder}/ gets the date of the last commit as the date it was "
                "added and changed; fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)")
    if not dates and any((root / folder).glob("*.md")):
        return f"git gives no dates for {folder}/ (are the examples committed?): the example pages show no dates"
    return None
