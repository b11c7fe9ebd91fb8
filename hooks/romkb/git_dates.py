"""When each example was added and last changed, from git (not the clock), so
that two builds of the same commit are identical."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

_COMMIT_MARK = "@@commit "  # no file name starts like this


@dataclass(frozen=True)
class FileDates:
    added: str  # YYYY-MM-DD of the first commit that has the file
    updated: str  # YYYY-MM-DD of the last commit that changed it


def file_dates(root: Path, folder: str = "examples") -> dict[str, FileDates]:
    """``{path relative to root: FileDates}`` for every committed file under
    ``folder``, from one ``git log``; empty outside a git work tree."""
    try:
        process = subprocess.run(
            ["git", "-C", str(root), "log", f"--format={_COMMIT_MARK}%cs", "--name-only", "--no-renames", "--", folder],
            capture_output=True, text=True, timeout=60, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if process.returncode != 0:
        return {}
    prefix = _git_prefix(root)
    newest: dict[str, str] = {}
    oldest: dict[str, str] = {}
    date = ""
    for line in process.stdout.splitlines():
        if line.startswith(_COMMIT_MARK):
            date = line[len(_COMMIT_MARK):].strip()
        elif line.strip():
            path = line.strip()
            if prefix and path.startswith(prefix):
                path = path[len(prefix):]
            newest.setdefault(path, date)  # git log lists the newest commit first
            oldest[path] = date
    return {path: FileDates(added=oldest[path], updated=newest[path]) for path in newest}


def _git_prefix(root: Path) -> str:
    """The project's folder inside the repository ('' when it is the top)."""
    try:
        process = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-prefix"], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return process.stdout.strip() if process.returncode == 0 else ""
