"""Two builds of the same sources give byte-identical sites: no clock, no hash
order, no temporary path and no time zone leaks into any file (the PDFs, the
sitemap and its gzip header included). Dates come from git (SOURCE_DATE_EPOCH,
set by hooks/build_details.py)."""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path

from conftest import ROOT, run_build


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def _difference(name: str, first: bytes, second: bytes) -> str:
    if name.endswith((".html", ".xml", ".json", ".js", ".css", ".txt", ".csv", ".md")):
        diff = difflib.unified_diff(
            first.decode("utf-8", "replace").splitlines(), second.decode("utf-8", "replace").splitlines(),
            f"first/{name}", f"second/{name}", n=0, lineterm="",
        )
        return "\n".join(line[:200] for line in list(diff)[:12])
    offset = next((index for index, (a, b) in enumerate(zip(first, second)) if a != b), min(len(first), len(second)))
    return (f"{name}: {len(first)} vs {len(second)} bytes, first difference at byte {offset} "
            f"({hashlib.sha256(first).hexdigest()[:12]} vs {hashlib.sha256(second).hexdigest()[:12]})")


def test_two_builds_are_byte_identical(built_site, tmp_path):
    """The session's build against a second build of the same tree, made later,
    in another folder, with another hash seed and another time zone."""
    assert built_site.returncode == 0, built_site.output
    second = run_build(ROOT, tmp_path / "second-site", env={"PYTHONHASHSEED": "12345", "TZ": "Pacific/Kiritimati"}, pdf=True)
    assert second.returncode == 0, second.output
    first_files, second_files = _files(built_site.site), _files(second.site)
    assert sorted(first_files) == sorted(second_files), (
        f"only in the first: {sorted(set(first_files) - set(second_files))}; "
        f"only in the second: {sorted(set(second_files) - set(first_files))}"
    )
    different = [name for name in first_files if first_files[name] != second_files[name]]
    assert different == [], f"{len(different)} file(s) differ:\n" + "\n".join(
        _difference(name, first_files[name], second_files[name]) for name in different[:8]
    )
