"""One source for the interface text (data/ui/) and the languages
(romkb.languages): the tables are checked with clear messages, and mkdocs.yml
builds the same languages."""

from __future__ import annotations

import shutil
import subprocess
import sys

import yaml

from conftest import ROOT
from romkb.languages import DEFAULT_LANGUAGE, LANGUAGES


def test_mkdocs_builds_the_languages_romkb_generates():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/name
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    assert tuple(language["locale"] for language in i18n["languages"]) == LANGUAGES
    assert [language["locale"] for language in i18n["languages"] if language.get("default")] == [DEFAULT_LANGUAGE]
    assert config["theme"]["language"] == DEFAULT_LANGUAGE


def _validate(project):
    return subprocess.run([sys.executable, "-m", "romkb", "validate"], cwd=project, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(project / "hooks"), "PATH": "/usr/bin:/bin", "ROMKB_CACHE": "0"})


def test_a_broken_ui_table_is_reported_with_file_line_and_key(project_copy):
    english = project_copy / "data" / "ui" / "en.yml"
    text = english.read_text(encoding="utf-8")
    text = text.replace("pager_status: Page {number} of {total}", "pager_status: Page {number} of {all}")
    text = text.replace("\nfilter_reset: Show all\n", "\n")
    english.write_text(text + "surplus_key: Extra\n", encoding="utf-8")
    result = _validate(project_copy)
    assert result.returncode != 0
    assert "data/ui/en.yml: filter_reset: missing; data/ui/sv.yml has it: 'Visa alla'" in result.stdout + result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    assert any(line.startswith("data/ui/en.yml:") and "pager_status: must have the same placeholders as data/ui/sv.yml: {number}, {total}" in line
               for line in lines), lines
    assert any(line.startswith("data/ui/en.yml:") and "surplus_key: not in data/ui/sv.yml" in line for line in lines), lines
    assert "Traceback" not in result.stderr


def test_rewording_a_ui_text_changes_the_pages(project_copy, tmp_path):
    from conftest import run_build

    swedish = project_copy / "data" / "ui" / "sv.yml"
    swedish.write_text(swedish.read_text(encoding="utf-8").replace("footer_privacy: Integritet och kakor", "footer_privacy: Om kakor & integritet")
                       .replace("examples_title: Alla exempel", "examples_title: Samtliga exempel"), encoding="utf-8")
    shutil.rmtree(project_copy / "examples")
    shutil.copytree(ROOT / "tests" / "golden" / "project" / "examples", project_copy / "examples")
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode == 0, build.output
    index = (tmp_path / "site" / "exempel" / "index.html").read_text(encoding="utf-8")
    assert "<h1 id=\"samtliga-exempel\">Samtliga exempel</h1>" in index
    assert ">Om kakor &amp; integritet</a>" in index
