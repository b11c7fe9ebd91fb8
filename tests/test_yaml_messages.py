"""YAML problems are reported in the project's words, whichever PyYAML or
libyaml release is installed and whichever of its parsers reads the text."""

from __future__ import annotations

import pytest
import yaml

from romkb import front_matter
from romkb.yaml_messages import GENERAL, describe

DEPTH = ("the YAML is nested more than 20 levels deep (lists or fields inside each other); "
         "write it flatter")

# (front matter, expected line, the project's message)
CASES = [
    ("title: " + "[" * 5000 + "]" * 5000, 2, DEPTH),  # libyaml >= 0.2.6 stops this itself
    ("title: " + "[" * 30 + "]" * 30, 2, DEPTH),
    ("title: x\n" + "".join("  " * level + f"k{level}:\n" for level in range(40)) + "  " * 40 + "x", 24, DEPTH),
    ("title: x\nthemes: [utbildning\nsummary: y", 4,
     "broken YAML: a list in brackets [ ] or { } is not closed properly; check that every [ has its ] and the "
     "items are separated by commas"),
    ("title: a: b", 2,
     "broken YAML: a colon followed by a space (': ') stands where no new field can start; put a value that "
     "contains ': ' in quotes, or indent a new field like the fields above it"),
    ("title: x\njust text\nsummary: y", 4,
     "broken YAML: this line is not of the form 'name: value'; add the colon after the field name, or put a value "
     "that runs over several lines in quotes"),
    ("title: @x", 2, "broken YAML: a value cannot start with @, ` or %; put the value in quotes"),
    ('title: "a\\qb"', 2,
     "broken YAML: a backslash (\\) inside double quotes starts an escape; use single quotes, or write \\\\"),
    ("title: x\n- a", 3,
     "broken YAML: the indentation does not match the lines above; give fields of the same level the same number "
     "of spaces"),
]


@pytest.fixture(params=["libyaml", "python"])
def parser(request, monkeypatch):
    """Both of PyYAML's parsers: the C one the project uses when libyaml is
    there, and the pure-Python one it falls back to."""
    if request.param == "python":
        monkeypatch.setattr(front_matter, "_LOADER", front_matter._StrictLoader)
        monkeypatch.setattr(front_matter, "_C_COMPOSE", None, raising=False)
    elif not yaml.__with_libyaml__:  # pragma: no cover
        pytest.skip("PyYAML without libyaml")
    return request.param


@pytest.mark.parametrize("text, line, message", CASES, ids=range(len(CASES)))
def test_front_matter_problem_in_the_projects_words(parser, text, line, message):
    document = front_matter.split("examples/x.md", f"---\n{text}\n---\n\n## Beskrivning\n\nx\n")
    assert [str(problem) for problem in document.problems] == [f"examples/x.md:{line}: {message}"]


def test_data_file_depth_in_the_projects_words(parser):
    _, document = front_matter.load_yaml_file("data/themes.yml", ("a: " + "[" * 3000 + "]" * 3000 + "\n").encode())
    assert [str(problem) for problem in document.problems] == [f"data/themes.yml:1: {DEPTH}"]


@pytest.mark.parametrize("library_wording", [
    "exceeded maximum nesting depth",            # libyaml 0.2.6 (PyYAML 6.0.4)
    "some wording a future release may use",
])
def test_unknown_library_wording_never_reaches_the_contributor(library_wording):
    mark = yaml.Mark("x", 0, 4, 0, None, None)
    line, message = describe(yaml.MarkedYAMLError(problem=library_wording, problem_mark=mark))
    assert (line, message) == (4, GENERAL)
    assert library_wording not in message
