"""The one way the package asks git something (dates, the commit): the build
takes its dates from git, not from the clock, so that two builds of the same
commit are identical."""

from __future__ import annotations

import subprocess
from pathlib import Path


def run_git(root: Path, *arguments: str, timeout: float = 60) -> str | None:
    """The output of ``git -C root <arguments>``, or None when git is missing,
    fails, or ``root`` is not in a git work tree (a tarball, a test copy)."""
    try:
        process = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return process.stdout if process.returncode == 0 else None
