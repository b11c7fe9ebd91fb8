"""The set-up a newcomer meets: installs come from the lock, and installing
writes nothing beside the source."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALL_SITES = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / ".ci" / "run",
                 *sorted((ROOT / ".github" / "workflows").glob("*.yml"))]


def test_installing_the_project_writes_nothing_into_hooks():
    # .ci/run installed the project (editable) before the tests started.
    generated = [path.name for path in (ROOT / "hooks").iterdir() if path.name.endswith((".egg-info", ".dist-info"))]
    assert generated == []


def test_every_documented_install_uses_the_lock():
    unlocked = re.compile(r"pip install (?!--quiet --require-hashes|--require-hashes)|uv sync(?! --quiet --locked| --locked)")
    offending = [f"{path.relative_to(ROOT)}: {line.strip()}"
                 for path in INSTALL_SITES for line in path.read_text(encoding="utf-8").splitlines()
                 if unlocked.search(line) and "--upgrade" not in line]  # --upgrade: the drift check, on purpose
    assert offending == []


def test_the_drift_check_and_the_lock_refresh_are_documented_and_scheduled():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash .ci/run --newest" in readme and "uv lock --upgrade" in readme
    drift = (ROOT / ".github" / "workflows" / "drift.yml").read_text(encoding="utf-8")
    assert "schedule:" in drift and "bash .ci/run --newest" in drift
    dependabot = (ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8")
    assert "package-ecosystem: uv" in dependabot
