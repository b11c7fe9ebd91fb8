"""Bad input gets a clear message naming file, line, field and what is allowed;
never a traceback, never a silently wrong page."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, run_build
from romkb.cli import main

VALID = """---
title: Nytt testexempel
municipalities: [lund]
themes: [utbildning]
target_groups: [elever]
summary: En mening som sammanfattar testexemplet på ett begripligt sätt.
sources:
  - document: romsk-inkludering-i-praktiken
    pages: "10–13"
profile:
  maturity: beskrivet
  continuation: ej-angivet
  roma_participation: ej-angivet
  staff: [ej-angivet]
  cost: ej-angivet
  funding: [ej-angivet]
  time_to_start: ej-angivet
  review_status: ej-granskad
---

## Beskrivning

Text om exemplet.

## Tips

- Ett tips.
"""

VALID_EN = """---
title: New test example
summary: A sentence that sums up the test example in an understandable way.
---

## Description

Text about the example.

## Tips

- A tip.
"""


def validate(project, capsys, *files: str) -> tuple[int, str]:
    code = main(["validate", "--root", str(project), *[str(project / "examples" / name) for name in files]])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def write(project, name: str, text: str | bytes) -> None:
    path = project / "examples" / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def test_the_real_examples_are_valid(capsys):
    code, output = validate(ROOT, capsys)
    assert code == 0, output
    assert "0 error(s), 0 warning(s)" in output


def test_valid_new_example_passes(project_copy, capsys):
    write(project_copy, "nytt.md", VALID)
    write(project_copy, "nytt.en.md", VALID_EN)
    assert validate(project_copy, capsys, "nytt.md", "nytt.en.md") == (0, "0 error(s), 0 warning(s) in the given files\n")


@pytest.mark.parametrize(
    "change, expected",
    [
        # unknown theme, with the allowed values and a suggestion
        (("themes: [utbildning]", "themes: [utbilding]"),
         ['examples/nytt.md:4: themes[0]: \'utbilding\' is not a known theme; allowed: styrning, utbildning', 'Did you mean "utbildning"?']),
        # a label instead of the id
        (("municipalities: [lund]", "municipalities: [Göteborg]"),
         ["examples/nytt.md:3: municipalities[0]: 'Göteborg' is not a known municipality", 'Did you mean "goteborg"?']),
        (("target_groups: [elever]", "target_groups: [pensionarer]"),
         ["examples/nytt.md:5: target_groups[0]: 'pensionarer' is not a known target group; allowed:"]),
        # a missing required field
        (("summary: En mening som sammanfattar testexemplet på ett begripligt sätt.\n", ""),
         ["examples/nytt.md:2: summary: missing required field; write one sentence of text"]),
        # text where a list is expected, and a list where text is expected
        (("themes: [utbildning]", "themes: utbildning"),
         ["examples/nytt.md:4: themes: must be a list, not text (\"utbildning\"); write it as a list: [utbildning]"]),
        (("title: Nytt testexempel", "title: [Nytt, testexempel]"),
         ["examples/nytt.md:2: title: must be text, not a list; write a single text value"]),
        # a number or a boolean where text is expected
        (("title: Nytt testexempel", "title: 2020"),
         ["examples/nytt.md:2: title: must be text, not a number (2020); put the value in quotes"]),
        (("pages: \"10–13\"", "pages: 10"),
         ["examples/nytt.md:9: sources[0].pages: must be text, not a number (10); put the value in quotes"]),
        # broken YAML names the line
        (("themes: [utbildning]", "themes: [utbildning"),
         ["examples/nytt.md:5: broken YAML"]),
        # tabs in the indentation
        (("  - document: romsk", "\t- document: romsk"),
         ["examples/nytt.md:8: a tab is used for indentation; YAML allows only spaces"]),
        # an unknown field, with a suggestion
        (("summary:", "sumary:"),
         ["examples/nytt.md:6: sumary: unknown field 'sumary'; allowed fields:", 'Did you mean "summary"?',
          "examples/nytt.md:2: summary: missing required field"]),
        # a key given twice
        (("themes: [utbildning]", "themes: [utbildning]\nthemes: [arbete]"),
         ["examples/nytt.md:5: themes: the field 'themes' is given twice; keep one"]),
        # YAML aliases (the bomb vector) are refused
        (("themes: [utbildning]", "themes: &t [utbildning]\ntarget: *t"),
         ["examples/nytt.md:4: YAML anchors (&name) are not allowed"]),
        # an empty body
        (("## Beskrivning\n\nText om exemplet.\n\n## Tips\n\n- Ett tips.\n", ""),
         ["examples/nytt.md:20: body: the body is empty; write at least the section '## Beskrivning'"]),
        # a section that is not a list
        (("- Ett tips.", "Ett tips utan punkt."),
         ["examples/nytt.md:27: body: the section '## Tips' must be a bulleted list"]),
        # an unknown heading
        (("## Tips", "## Tipsen"),
         ["examples/nytt.md:25: body: unexpected heading '## Tipsen'; the sections are '## Beskrivning'"]),
        # a link to an example that does not exist
        (("Text om exemplet.", "Se [ett annat](finns-inte.md)."),
         ["examples/nytt.md:23: body: the link 'finns-inte.md' points to an example that does not exist"]),
        # script injection
        (("Text om exemplet.", "<script>alert(1)</script>"),
         ["examples/nytt.md:23: body: a <script> tag is not allowed"]),
        (("Text om exemplet.", '<img src="x" onerror="alert(1)">'),
         ["examples/nytt.md:23: body: an event-handler attribute (on…=) is not allowed"]),
        (("Text om exemplet.", "[klicka](javascript:alert(1))"),
         ["examples/nytt.md:23: body: a javascript: (or vbscript:, data:text/html) link is not allowed"]),
        (("title: Nytt testexempel", "title: Nytt <b>testexempel</b>"),
         ["examples/nytt.md:2: title: the characters < and > are not allowed in front matter"]),
    ],
)
def test_bad_example_gets_a_clear_error(project_copy, capsys, change, expected):
    old, new = change
    assert old in VALID
    write(project_copy, "nytt.md", VALID.replace(old, new, 1))
    write(project_copy, "nytt.en.md", VALID_EN)
    code, output = validate(project_copy, capsys, "nytt.md")
    assert code == 1, output
    for fragment in expected:
        assert fragment in output, output
    assert "Traceback" not in output


def test_yaml_values_other_tools_would_convert_get_a_warning(project_copy, capsys):
    write(project_copy, "nytt.md", VALID.replace("pages: \"10–13\"", "pages: 2020-05-01").replace("title: Nytt testexempel", "title: no"))
    write(project_copy, "nytt.en.md", VALID_EN)
    code, output = validate(project_copy, capsys, "nytt.md")
    # "no" stays the text "no" (not false) but is too short for a title: an error, plus the hint.
    assert "examples/nytt.md:2: warning: title: the unquoted value no is read as text here" in output
    assert "examples/nytt.md:9: warning: sources.0.pages: the unquoted value 2020-05-01" in output
    assert code == 1  # the title is too short


def test_bom_is_a_warning_and_latin1_an_error(project_copy, capsys):
    write(project_copy, "nytt.md", b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    write(project_copy, "nytt.en.md", VALID_EN)
    write(project_copy, "gammal.md", VALID.replace("Nytt testexempel", "Gammalt exempel").replace("–", "-").encode("latin-1"))
    code, output = validate(project_copy, capsys, "nytt.md", "gammal.md")
    assert "examples/nytt.md:1: warning: the file starts with a byte order mark (BOM)" in output
    assert "examples/gammal.md:6: the file is not valid UTF-8 (byte 0xe5); save it with UTF-8 encoding" in output
    assert code == 1


def test_duplicate_title_and_orphan_translation(project_copy, capsys):
    existing = (ROOT / "examples" / "haninge-stotta-foraldranatverk.md").read_text(encoding="utf-8")
    write(project_copy, "kopia.md", existing)
    write(project_copy, "saknas.en.md", VALID_EN)
    code, output = validate(project_copy, capsys, "kopia.md", "saknas.en.md")
    assert code == 1
    assert "examples/kopia.md: title: the title 'Stötta föräldranätverk' is already used by examples/haninge-stotta-foraldranatverk.md" in output
    assert "examples/saknas.en.md: file name: this translation has no original: examples/saknas.md does not exist" in output


def test_translation_must_agree_on_facts(project_copy, capsys):
    write(project_copy, "nytt.md", VALID)
    write(project_copy, "nytt.en.md", VALID_EN.replace("title: New test example", "title: New test example\nthemes: [arbete]"))
    code, output = validate(project_copy, capsys, "nytt.en.md")
    assert code == 1
    assert "examples/nytt.en.md:3: themes: disagrees with the original examples/nytt.md (['utbildning'])" in output


def test_missing_translation_is_a_warning(project_copy, capsys):
    write(project_copy, "nytt.md", VALID)
    code, output = validate(project_copy, capsys, "nytt.md")
    assert code == 0
    assert "examples/nytt.md: warning: there is no English translation (examples/nytt.en.md); the page falls back to Swedish" in output


def test_yaml_bomb_and_deep_nesting_are_refused(project_copy, capsys):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
    )
    write(project_copy, "bomb.md", "---\n" + bomb + "---\n\n## Beskrivning\n\nx\n")
    write(project_copy, "deep.md", "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n\n## Beskrivning\n\nx\n")
    code, output = validate(project_copy, capsys, "bomb.md", "deep.md")
    assert code == 1
    assert "examples/bomb.md:2: YAML anchors (&name) are not allowed" in output
    assert "examples/deep.md:2: the YAML is nested more than 20 levels deep" in output


def test_github_annotations(project_copy, capsys):
    write(project_copy, "nytt.md", VALID.replace("themes: [utbildning]", "themes: [utbilding]"))
    write(project_copy, "nytt.en.md", VALID_EN)
    code = main(["validate", "--root", str(project_copy), "--format", "github", str(project_copy / "examples" / "nytt.md")])
    output = capsys.readouterr().out
    assert code == 1
    assert "::error file=examples/nytt.md,line=4,title=themes[0]::'utbilding' is not a known theme" in output


def test_validate_command_runs_as_installed(project_copy):
    write(project_copy, "nytt.md", VALID.replace("municipalities: [lund]", "municipalities: [lundd]"))
    process = subprocess.run([sys.executable, "-m", "romkb", "validate"], cwd=project_copy, capture_output=True, text=True,
                             env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"})
    assert process.returncode == 1
    assert "examples/nytt.md:3: municipalities[0]: 'lundd' is not a known municipality" in process.stdout
    assert 'Did you mean "lund"?' in process.stdout


@pytest.mark.parametrize(
    "change, expected",
    [
        (("themes: [utbildning]", "themes: [utbilding]"), "examples/nytt.md:4: themes[0]: 'utbilding' is not a known theme"),
        (("municipalities: [lund]", "municipalities: [atlantis]"), "examples/nytt.md:3: municipalities[0]: 'atlantis' is not a known municipality"),
        (("summary: En mening som sammanfattar testexemplet på ett begripligt sätt.\n", ""), "examples/nytt.md:2: summary: missing required field"),
        (("themes: [utbildning]", "themes: [utbildning"), "examples/nytt.md:5: broken YAML"),
    ],
)
def test_bad_example_fails_the_build_with_the_same_message(project_copy, tmp_path, change, expected):
    old, new = change
    write(project_copy, "nytt.md", VALID.replace(old, new, 1))
    write(project_copy, "nytt.en.md", VALID_EN)
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert expected in build.output, build.output
    assert "Traceback" not in build.output
    assert not (tmp_path / "site" / "exempel").exists()


def test_missing_translation_falls_back_to_swedish_with_a_note(project_copy, tmp_path):
    write(project_copy, "nytt.md", VALID)
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode == 0, build.output
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((tmp_path / "site" / "en" / "exempel" / "nytt" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "en"
    note = soup.select_one("article .admonition")
    assert "has not been translated into English yet" in note.get_text()
    swedish = soup.select_one('article div[lang="sv"]')
    assert swedish is not None and "Text om exemplet." in swedish.get_text()
    assert soup.select_one("article h1")["lang"] == "sv"


def test_validate_reports_what_only_the_build_checked_before(project_copy, tmp_path, capsys):
    """romkb validate and the build share one load path (romkb.project): the
    start page and a hand-written file in a generated page's place are
    reported by both, with the same words."""
    (project_copy / "docs" / "exempel").mkdir()
    (project_copy / "docs" / "exempel" / "boras-enskilt-stod.md").write_text("# Hand-written\n", encoding="utf-8")
    start = project_copy / "docs" / "index.en.md"
    start.write_text(start.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    collision = ("docs/exempel/boras-enskilt-stod.md: this hand-written file has the same path as a generated page "
                 "(exempel/boras-enskilt-stod.md); rename or remove it")
    missing_title = "docs/index.en.md:1: title: missing required field; write the site's title"
    code, output = validate(project_copy, capsys)
    assert code == 1
    assert missing_title in output
    assert "1 error(s)" in output  # the pages are generated (and collisions found) only without errors
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0 and missing_title in build.output
    start.write_text(start.read_text(encoding="utf-8").replace("titel:", "title:", 1), encoding="utf-8")
    code, output = validate(project_copy, capsys)
    assert code == 1 and collision in output, output
    build = run_build(project_copy, tmp_path / "site2")
    assert build.returncode != 0 and collision in build.output


def test_validate_uses_the_build_cache(project_copy, capsys):
    """validate fills and reuses the cache of checked files that the build uses."""
    from romkb.file_cache import CACHE_FOLDER, FileCache, fingerprint

    assert validate(project_copy, capsys)[0] == 0
    cache = FileCache(project_copy / CACHE_FOLDER, fingerprint(project_copy / "data"))
    assert len(cache._old) == len(list((project_copy / "examples").glob("*.md")))
    code = main(["validate", "--root", str(project_copy), "--no-cache"])
    assert code == 0
