"""The site's interface text (headings, labels, buttons, the print
document's and the footer's text), one table per language in
``data/ui/<language>.yml``, so that wording is fixed without touching Python.

The tables are the project's (``data/ui/`` beside ``hooks/``). They are
checked when first read: each is a mapping of text, every language has the
same keys as the default language, and a key's ``{placeholders}`` are the same
in every language (the build fills them in). A broken table stops the build
with the file, line and key: ``load_vocabularies`` reports the problems with
those of the other data files.
"""

from __future__ import annotations

import functools
import string
from pathlib import Path

from .front_matter import Document, load_yaml_file
from .languages import DEFAULT_LANGUAGE, LANGUAGES
from .problems import Problem

UI_FOLDER = Path(__file__).resolve().parent.parent.parent / "data" / "ui"


def _display(language: str) -> str:
    return f"data/ui/{language}.yml"


def _placeholders(value: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(value) if name}


def _read_table(language: str, problems: list[Problem]) -> tuple[dict[str, str], Document | None]:
    display, path = _display(language), UI_FOLDER / f"{language}.yml"
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem(display, None, None, f"cannot read the interface text: {error.strerror}"))
        return {}, None
    value, document = load_yaml_file(display, raw)
    problems.extend(document.problems)
    if not isinstance(value, dict):
        if value is not None:
            problems.append(Problem(display, 1, None, "the file must be a mapping of keys to texts ('key: text')"))
        return {}, document
    table = {}
    for key, text in value.items():
        if isinstance(text, str):
            table[key] = text
        else:
            problems.append(Problem(display, document.line_of((key,)), key, f"must be text, got {text!r}"))
    return table, document


class UiTextError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


def _differences(language: str, table: dict[str, str], reference: dict[str, str], document: Document | None) -> list[Problem]:
    """What a language's table lacks, has too much or fills in differently from the default language's."""
    def line(key: str) -> int | None:
        return document.line_of((key,)) if document is not None else None

    display, default = _display(language), _display(DEFAULT_LANGUAGE)
    problems = [Problem(display, None, key, f"missing; {default} has it: {reference[key]!r}") for key in reference.keys() - table.keys()]
    problems += [Problem(display, line(key), key, f"not in {default}; add it there too or remove it") for key in table.keys() - reference.keys()]
    for key in reference.keys() & table.keys():
        if _placeholders(reference[key]) != _placeholders(table[key]):
            expected = ", ".join(sorted("{" + name + "}" for name in _placeholders(reference[key]))) or "none"
            problems.append(Problem(display, line(key), key, f"must have the same placeholders as {default}: {expected}"))
    return problems


def ui_problems() -> list[Problem]:
    """What is wrong with the tables (empty: nothing)."""
    return _load()[1]


def ui_tables() -> dict[str, dict[str, str]]:
    """language -> key -> text; raises UiTextError listing every problem."""
    tables, problems = _load()
    if problems:
        raise UiTextError(problems)
    return tables


@functools.cache
def _load() -> tuple[dict[str, dict[str, str]], list[Problem]]:
    problems: list[Problem] = []
    tables, documents = {}, {}
    for language in LANGUAGES:
        tables[language], documents[language] = _read_table(language, problems)
    for language in LANGUAGES:
        if language != DEFAULT_LANGUAGE and tables[language]:
            problems += _differences(language, tables[language], tables[DEFAULT_LANGUAGE], documents[language])
    return tables, sorted(problems, key=lambda p: (p.path, p.line or 0, p.field or ""))


def text(language: str, key: str, **values: object) -> str:
    table = ui_tables()[language]
    if key not in table:
        raise UiTextError([Problem(_display(language), None, key, "missing: the site needs this text")])
    template = table[key]
    return template.format(**values) if values else template


def example_count(language: str, count: int) -> str:
    return text(language, "example_count_one") if count == 1 else text(language, "example_count_many", n=count)
