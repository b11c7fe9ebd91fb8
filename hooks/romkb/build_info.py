"""The build's date, taken from git instead of the clock (reproducible builds).

MkDocs writes a date into ``sitemap.xml`` (``<lastmod>``) and the gzip header of
``sitemap.xml.gz``. It takes it from the clock unless ``SOURCE_DATE_EPOCH`` is
set (https://reproducible-builds.org/specs/source-date-epoch/). Setting it to
the time of the last commit makes two builds of the same commit byte-identical
and gives the accessibility statement a date that means something: the date of
the version of the site that passed the tests. No MkDocs imports here.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from .git import run_git

ENVIRONMENT_VARIABLE = "SOURCE_DATE_EPOCH"


def git_commit_epoch(root: Path) -> int | None:
    """Seconds since 1970 of the last commit in the repository at ``root``, or
    None when ``root`` is not in a git work tree (a tarball, a test copy)."""
    value = (run_git(root, "log", "-1", "--format=%ct", timeout=20) or "").strip()
    return int(value) if value.isdigit() else None


def ensure_source_date_epoch(root: Path) -> int | None:
    """Set ``SOURCE_DATE_EPOCH`` from git unless it is already set; return it."""
    value = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if value.isdigit():
        return int(value)
    epoch = git_commit_epoch(root)
    if epoch is not None:
        os.environ[ENVIRONMENT_VARIABLE] = str(epoch)
    return epoch


def build_date(epoch: int | None = None) -> str:
    """The build date as YYYY-MM-DD (UTC), the way MkDocs computes it."""
    if epoch is None:
        value = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
        epoch = int(value) if value.isdigit() else None
    moment = datetime.fromtimestamp(epoch, timezone.utc) if epoch is not None else datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%d")


SITEMAP_FILES = ("sitemap.xml", "sitemap.xml.gz")


def remove_sitemap_without_address(site_dir: Path, site_url: str | None) -> list[str]:
    """A sitemap lists absolute addresses (sitemaps.org); without ``site_url``
    MkDocs writes "None" where the address belongs ("None./", "Noneen/").
    Such a sitemap misleads any crawler that finds it, so a build without an
    address (a local build, the offline copy) has none. Returns what was removed."""
    if site_url:
        return []
    removed = []
    for name in SITEMAP_FILES:
        path = site_dir / name
        if path.is_file():
            path.unlink()
            removed.append(name)
    return removed
