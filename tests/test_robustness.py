"""Any input gives either a valid example or Problems: never an uncaught
exception, never a hang. Property-based (hypothesis): random YAML text, random
structures with wrong types, unicode, huge strings, deep nesting, anchors and
aliases, random bodies; the readers and the whole loader (romkb.examples.load_examples)
on a temporary examples folder. Plus a YAML bomb refused at its first anchor."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from romkb.examples import Example, LoadResult, load_examples
from romkb.front_matter import Document, decode, load_yaml_file, split
from romkb.problems import ERROR, Problem
from romkb.vocabulary import load_vocabularies

VOCABULARIES = load_vocabularies(ROOT / "data")
THEMES = list(VOCABULARIES.themes)
MUNICIPALITIES = sorted(VOCABULARIES.municipalities)
TARGET_GROUPS = list(VOCABULARIES.target_groups)
SOURCES = list(VOCABULARIES.sources)

# Every example must finish well within this, whatever the input.
SETTINGS = settings(
    max_examples=100, deadline=5000, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ---- strategies -------------------------------------------------------------

YAML_CHARACTERS = st.sampled_from(list("abcxyz019 :-[]{},&*!|>'\"%@#?~\n\t\\.") + ["å", "ä", "ö", "é", "ß", "ç", "🙂", "\u200b", "\u202e", "\ufeff", "\x85", "\u2028"])
random_yaml = st.text(YAML_CHARACTERS, max_size=300)
unicode_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
huge_text = st.builds(lambda piece, times: piece * times, st.text(min_size=1, max_size=8), st.integers(1, 60_000))
long_numbers = st.builds(lambda digits: "9" * digits, st.integers(4000, 9000))  # past Python's int() limit
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True), unicode_text,
                    st.sampled_from(["no", "yes", "on", "off", "0114", "10:30", "2020-05-01", "2024-02-30", "~", "null", ".inf"]))
structures = st.recursive(scalars, lambda children: st.one_of(st.lists(children, max_size=4),
                                                              st.dictionaries(st.text(max_size=12), children, max_size=4)), max_leaves=20)


def _real_example() -> tuple[dict, str]:
    """The front matter (as data) and body of the first real example: valid by
    definition, whatever fields the schema asks for today."""
    first = sorted(path for path in (ROOT / "examples").glob("*.md") if not path.name.endswith(".en.md"))[0]
    document = split(f"examples/{first.name}", first.read_text(encoding="utf-8"))
    assert document.data and not document.problems, document.problems
    # Links to other examples (e.g. builds_on) need those examples: leave them out.
    slugs = {path.name[: -len(".md")] for path in (ROOT / "examples").glob("*.md")}
    data = {key: value for key, value in document.data.items() if not slugs & set(map(str, value if isinstance(value, list) else [value]))}
    return data, document.body


VALID_FIELDS, VALID_BODY = _real_example()


def _valid_fields() -> dict:
    return yaml.safe_load(yaml.safe_dump(VALID_FIELDS))  # a deep copy


@st.composite
def broken_fields(draw) -> str:
    """The valid fields with some replaced by random values of any type, dropped or added."""
    fields = _valid_fields()
    for _ in range(draw(st.integers(1, 4))):
        key = draw(st.sampled_from([*fields, "partners", "period", "extra", "sources"]))
        action = draw(st.sampled_from(["replace", "drop", "nest"]))
        if action == "drop":
            fields.pop(key, None)
        elif action == "nest" and key == "sources":
            fields["sources"] = [{"document": draw(st.one_of(st.sampled_from(SOURCES), scalars)), "pages": draw(scalars)}]
        else:
            fields[key] = draw(structures)
    return yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)


def _nested(depth: int, style: str) -> str:
    if style == "flow":
        return "title: " + "[" * depth + "x" + "]" * depth
    if style == "map":
        return "".join("  " * level + f"k{level}:\n" for level in range(depth)) + "  " * depth + "x"
    return "".join("  " * level + "-\n" for level in range(depth)) + "  " * depth + "x"


deep_yaml = st.builds(_nested, st.integers(1, 3000), st.sampled_from(["flow", "map", "block"]))


@st.composite
def with_aliases(draw) -> str:
    anchors = draw(st.integers(1, 6))
    lines = ["a0: &a0 [x, y, z]"]
    for index in range(1, anchors):
        refs = ", ".join(f"*a{draw(st.integers(0, index - 1))}" for _ in range(draw(st.integers(1, 9))))
        lines.append(f"a{index}: &a{index} [{refs}]")
    lines.append(draw(st.sampled_from(["title: *a0", "<<: *a0", "themes: *a1" if anchors > 1 else "themes: [x]", "? *a0\n: x"])))
    return "\n".join(lines)


front_matter = st.one_of(random_yaml, broken_fields(), deep_yaml, with_aliases(),
                         st.builds(lambda text: "title: " + text, st.one_of(huge_text, long_numbers)),
                         st.builds(lambda data: yaml.safe_dump(data, allow_unicode=True), structures))

HEADINGS = ["## Beskrivning", "## Förutsättningar för att arbetet ska lyckas", "## Tips", "## Description",
            "## Conditions for success", "# Titel", "### Under", "## Okänd", "```", "~~~"]
body_lines = st.one_of(st.sampled_from(HEADINGS), st.builds(lambda text: "- " + text, unicode_text),
                       st.builds(lambda text: "  " + text, unicode_text), unicode_text,
                       st.sampled_from(["- **Namn.** text", "- ", "<div markdown>", "</div>", "[länk](annat-exempel.md)",
                                        "<script>alert(1)</script>", "[x](jav&#x61;script:1)", "{ onclick=x }", "TODO"]))
bodies = st.one_of(st.lists(body_lines, max_size=30).map("\n".join), huge_text, unicode_text)


# ---- checks -----------------------------------------------------------------


def _check_document(document: Document) -> None:
    assert isinstance(document, Document)
    assert all(isinstance(problem, Problem) for problem in document.problems)
    if document.data is not None:
        assert isinstance(document.data, dict)
    else:
        assert document.problems, "no data and no problem"


def _check_load(result: LoadResult, slug: str) -> None:
    assert isinstance(result, LoadResult)
    assert all(isinstance(problem, Problem) and str(problem) for problem in result.problems)
    errors = [problem for problem in result.problems if problem.severity == ERROR and problem.path.startswith(f"examples/{slug}")]
    examples = [example for example in result.examples if example.slug == slug]
    # Either a valid example or a clear error about this file, never both, never neither.
    assert bool(examples) != bool(errors), (examples, errors)
    for example in examples:
        assert isinstance(example, Example)
        for text in example.texts.values():
            assert isinstance(text.title, str) and text.title
            assert isinstance(text.summary, str)
            assert all(isinstance(item.text, str) for item in text.tips + text.success_factors)
        assert set(example.themes) <= set(THEMES) and set(example.municipalities) <= set(MUNICIPALITIES)


def _load(files: dict[str, str | bytes]) -> LoadResult:
    with tempfile.TemporaryDirectory() as folder:
        examples = Path(folder) / "examples"
        examples.mkdir()
        for name, content in files.items():
            path = examples / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", errors="surrogatepass")
        return load_examples(examples, VOCABULARIES, root=Path(folder))


# ---- properties ---------------------------------------------------------------


@SETTINGS
@given(front_matter, bodies)
def test_split_gives_data_or_problems(yaml_text, body):
    _check_document(split("examples/x.md", f"---\n{yaml_text}\n---\n{body}"))


@SETTINGS
@given(st.binary(max_size=400) | st.builds(lambda text: text.encode("utf-8", "surrogatepass"), unicode_text))
def test_decode_and_split_any_bytes(raw):
    text, problems = decode("examples/x.md", b"---\ntitle: x\n---\n" + raw)
    assert all(isinstance(problem, Problem) for problem in problems)
    if text is None:
        assert problems
    else:
        _check_document(split("examples/x.md", text))


@SETTINGS
@given(front_matter, bodies, st.booleans())
def test_load_examples_gives_an_example_or_problems(yaml_text, body, translated):
    files = {"testexempel.md": f"---\n{yaml_text}\n---\n{body}"}
    if translated:
        files["testexempel.en.md"] = f"---\n{yaml_text}\n---\n{body}"
    _check_load(_load(files), "testexempel")


@SETTINGS
@given(broken_fields(), bodies)
def test_load_examples_with_almost_valid_front_matter(yaml_text, body):
    _check_load(_load({"testexempel.md": f"---\n{yaml_text}---\n\n## Beskrivning\n\n{body}\n"}), "testexempel")


@SETTINGS
@given(front_matter)
def test_vocabulary_reader_gives_a_value_or_problems(yaml_text):
    value, document = load_yaml_file("data/x.yml", yaml_text.encode("utf-8", "surrogatepass"))
    assert all(isinstance(problem, Problem) for problem in document.problems)
    assert value is None or isinstance(value, (dict, list, str, int, float, bool))


def test_a_valid_example_is_accepted():
    """The property tests above would pass if everything were refused."""
    text = "---\n" + yaml.safe_dump(_valid_fields(), allow_unicode=True, sort_keys=False) + "---\n" + VALID_BODY
    result = _load({"testexempel.md": text})
    assert [example.slug for example in result.examples] == ["testexempel"]


def test_yaml_bomb_is_refused_at_its_first_anchor(monkeypatch):
    """A billion-laughs document: nine levels of aliases, 9 × 4⁸ ≈ 590,000
    leaves. The reader stops at the first anchor: it composes a handful of
    nodes, never the expansion (the work is counted, not timed)."""
    from romkb import front_matter

    composed = []
    compose_node = front_matter._StrictRules.compose_node

    def counted(self, parent, index):
        composed.append(1)
        return compose_node(self, parent, index)

    monkeypatch.setattr(front_matter._StrictRules, "compose_node", counted)
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
    ) + "title: *i\n"
    result = _load({"bomb.md": f"---\n{bomb}---\n\n## Beskrivning\n\nx\n"})
    assert result.examples == []
    assert any("anchors" in problem.message for problem in result.problems)
    assert 0 < len(composed) <= 5
    composed.clear()
    value, document = load_yaml_file("data/bomb.yml", bomb.encode())
    assert value is None and document.problems
    assert 0 < len(composed) <= 5


@SETTINGS
@given(st.lists(st.one_of(body_lines, st.sampled_from(["[a](b.md)", "[a]( c.en.md#x )", "x [a](<d.md> \"t\") y [e](f-g.md)", "[a](\nb.md)",
                                                      "[a](h.md \"two\nlines\")", "](i.md)"])), max_size=12).map("\n".join))
def test_example_links_are_found_line_by_line(text):
    import re

    from romkb import body as body_module

    per_line = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
    expected = [(3 + offset, match.group(1), body_module._EXAMPLE_LINK.match(match.group(1)).group("slug"))
                for offset, line in enumerate(text.split("\n")) for match in per_line.finditer(line)
                if body_module._EXAMPLE_LINK.match(match.group(1))]
    assert body_module.example_links(text, 3) == expected


site_paths = st.lists(st.sampled_from(["exempel", "kommuner", "teman", "sida", "a.md", "2.md", "index.md", ".", "", "en"]),
                      max_size=5).map("/".join)


@SETTINGS
@given(site_paths, site_paths)
def test_relative_links_match_posixpath_relpath(path, start):
    """pages._relative_path compares path parts instead of calling
    posixpath.relpath (which asks for the working folder twice per call)."""
    import posixpath

    from romkb.pages import _relative_path

    assert _relative_path(path or ".", start or ".") == posixpath.relpath(path or ".", start or ".")
