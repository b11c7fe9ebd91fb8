"""The build's settings are declared in one place, the extra.romkb block of
mkdocs.yml (romkb.settings): the build uses them, !ENV overrides them, and a
wrong value stops the build with a message naming the setting."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from romkb.git_dates import dates_warning, file_dates
from romkb.pages import LIST_PAGE_SIZE, RELATED_LIMIT
from romkb.pdf_plan import PART_LIMIT, WHOLE_PDF_LIMIT
from romkb.settings import Settings, SettingsError, read_settings


def test_mkdocs_yml_declares_every_setting_with_the_code_defaults():
    from mkdocs.config import load_config

    block = load_config(str(ROOT / "mkdocs.yml"), site_url=None).extra["romkb"]
    assert set(block) == set(Settings.__dataclass_fields__)
    settings = read_settings(block)
    assert (settings.page_size, settings.related_limit, settings.pdf_whole_limit, settings.pdf_part_limit) == (
        LIST_PAGE_SIZE, RELATED_LIMIT, WHOLE_PDF_LIMIT, PART_LIMIT)


@pytest.mark.parametrize("value, expected", [(True, True), (False, False), (0, False), (1, True), ("0", False), ("yes", True), (None, False)])
def test_switches_read_as_env_delivers_them(value, expected):
    assert read_settings({"pdf": value}).pdf is expected


def test_wrong_settings_name_the_setting_and_what_is_allowed():
    with pytest.raises(SettingsError) as raised:
        read_settings({"page_sise": 10, "pdf": "maybe", "related_limit": 0})
    messages = [str(problem) for problem in raised.value.problems]
    assert any(message.startswith("mkdocs.yml: extra.romkb.page_sise: unknown setting") and 'Did you mean "page_size"?' in message
               for message in messages), messages
    assert "mkdocs.yml: extra.romkb.pdf: must be true or false (or 1 or 0), not 'maybe'" in messages
    assert "mkdocs.yml: extra.romkb.related_limit: must be a whole number of at least 1, not 0" in messages


def _set(project: Path, name: str, value: str) -> None:
    config = project / "mkdocs.yml"
    lines = [f"    {name}: {value}" if line.startswith(f"    {name}:") else line for line in config.read_text(encoding="utf-8").split("\n")]
    config.write_text("\n".join(lines), encoding="utf-8")


def test_the_build_uses_the_declared_page_size_and_related_limit(project_copy, tmp_path):
    _set(project_copy, "page_size", "4")
    _set(project_copy, "related_limit", "1")
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode == 0, build.output
    examples = len(list((project_copy / "examples").glob("*.md"))) // 2
    numbered = sorted((tmp_path / "site" / "exempel" / "sida").iterdir())
    assert len(numbered) == -(-examples // 4) - 1  # page 1 is the index itself
    page = BeautifulSoup((tmp_path / "site" / "exempel" / "boras-enskilt-stod" / "index.html").read_text(encoding="utf-8"), "html.parser")
    related = page.find(id="liknande").find_next_sibling("ul").find_all("li")
    assert len(related) == 1, related


def test_a_wrong_setting_stops_the_build_with_its_name(project_copy, tmp_path):
    _set(project_copy, "page_size", "many")
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert "mkdocs.yml: extra.romkb.page_size: must be a whole number of at least 1, not 'many'" in build.output
    assert "Traceback" not in build.output


def _git(folder: Path, *arguments: str) -> None:
    subprocess.run(["git", "-C", str(folder), *arguments], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.invalid", "PATH": "/usr/bin:/bin", "HOME": str(folder)})


def test_dates_from_a_shallow_clone_or_without_commits_give_a_warning(tmp_path):
    origin = tmp_path / "origin"
    (origin / "examples").mkdir(parents=True)
    _git(origin, "init", "-q")
    (origin / "examples" / "a.md").write_text("a\n", encoding="utf-8")
    assert "no dates" in dates_warning(origin, file_dates(origin))  # a work tree, nothing committed
    _git(origin, "add", "-A")
    _git(origin, "commit", "-q", "-m", "one", "--date", "2020-01-01T00:00:00")
    (origin / "examples" / "b.md").write_text("b\n", encoding="utf-8")
    _git(origin, "add", "-A")
    _git(origin, "commit", "-q", "-m", "two")
    assert dates_warning(origin, file_dates(origin)) is None
    shallow = tmp_path / "shallow"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(shallow))
    warning = dates_warning(shallow, file_dates(shallow))
    assert warning and "shallow git clone" in warning and "fetch-depth: 0" in warning
    copy = tmp_path / "copy"  # not a git work tree: no dates, nothing to warn about
    (copy / "examples").mkdir(parents=True)
    (copy / "examples" / "a.md").write_text("a\n", encoding="utf-8")
    assert file_dates(copy) == {} and dates_warning(copy, {}) is None
