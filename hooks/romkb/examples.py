"""Load and validate the practice examples in ``examples/``.

``examples/<slug>.md`` is the Swedish original with the full front matter;
``examples/<slug>.en.md`` is its English translation, whose front matter holds
the translated fields only (title, summary, partners, period) and takes the
facts from the original. This module is the single validation path used by
both the build and the ``romkb validate`` command.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import body as body_module
from .body import DESCRIPTION, SUCCESS_FACTORS, TIPS, ListItem, section_headings
from .file_cache import FileCache
from .front_matter import YAML11_SURPRISES, Document, decode, split
from .problems import ERROR, WARNING, Problem, did_you_mean
from .schema import FACT_FIELDS, example_schema, field_label, validate_front_matter
from .languages import DEFAULT_LANGUAGE, LANGUAGES
from .vocabulary import NOT_STATED, Vocabularies

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class SourceRef:
    document: str
    pages: str


@dataclass
class ExampleText:
    """One language version of an example."""

    language: str
    path: str
    title: str
    summary: str
    partners: list[str]
    period: str | None
    description: str  # Markdown
    success_factors: list[ListItem]
    tips: list[ListItem]
    translated: bool = True  # False: a fallback showing the Swedish text
    contact_role: str | None = None


@dataclass
class Example:
    slug: str
    municipalities: list[str]
    themes: list[str]
    target_groups: list[str]
    sources: list[SourceRef]
    texts: dict[str, ExampleText] = field(default_factory=dict)
    profile: dict[str, Any] = field(default_factory=dict)  # field -> level id (or list of ids)
    last_reviewed: str | None = None
    builds_on: list[str] = field(default_factory=list)

    def profile_levels(self, profile_field: str) -> list[str]:
        value = self.profile.get(profile_field, [])
        return list(value) if isinstance(value, list) else [value]

    @property
    def main_theme(self) -> str:
        return self.themes[0]

    def text(self, language: str) -> ExampleText:
        return self.texts[language]


@dataclass
class LoadResult:
    examples: list[Example]
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == ERROR]


def _language_of(path: Path) -> tuple[str, str]:
    """(slug, language) from a file name: ``x.md`` -> sv, ``x.en.md`` -> en."""
    stem = path.name[: -len(".md")]
    for language in LANGUAGES:
        if language != DEFAULT_LANGUAGE and stem.endswith(f".{language}"):
            return stem[: -len(language) - 1], language
    return stem, DEFAULT_LANGUAGE


def _read_bytes(path: Path, display: str) -> tuple[bytes | None, list[Problem]]:
    try:
        return path.read_bytes(), []
    except OSError as error:
        return None, [Problem(display, None, None, f"cannot read the file: {error.strerror}")]


def _read(path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    raw, problems = _read_bytes(path, display)
    return (None, problems) if raw is None else _parse(raw, display)


def _parse(raw: bytes, display: str) -> tuple[Document | None, list[Problem]]:
    text, problems = decode(display, raw)
    if text is None:
        return None, problems
    document = split(display, text)
    problems += document.problems + _placeholder_problems(document, text)
    return document, problems


def _yaml11_warnings(document: Document) -> list[Problem]:
    """Values that YAML 1.1 tools would silently convert (``no`` -> false, dates)."""
    problems = []
    for path, raw in sorted(document.plain_scalars.items(), key=lambda item: document.line_of(item[0]) or 0):
        if YAML11_SURPRISES.match(raw):
            name = ".".join(str(part) for part in path)
            problems.append(Problem(
                document.path, document.line_of(path), name,
                f"the unquoted value {raw} is read as text here, but many YAML tools read it as "
                "a boolean, a date or a number; put it in quotes",
                WARNING,
            ))
    return problems


_PLACEHOLDER = re.compile(r"\bTODO\b")


def _placeholder_problems(document: Document, raw_text: str) -> list[Problem]:
    """A file made from the template must not be published with its TODOs."""
    problems = []
    # A plain substring test first: the regex's word boundaries make it
    # slow over a whole file, and almost no file has the word at all.
    if "TODO" not in raw_text or not _PLACEHOLDER.search(raw_text):
        return problems  # no line can match when the whole text does not
    for number, line in enumerate(raw_text.split("\n"), start=1):
        if _PLACEHOLDER.search(line) and not line.lstrip().startswith("#"):
            field_name = "body"
            if number < document.body_line:
                paths = [path for path, line_number in document.lines.items() if line_number == number and path]
                field_name = field_label(max(paths, key=len)) if paths else None
            problems.append(Problem(document.path, number, field_name,
                                    "the template's placeholder TODO is still here; replace it with your text (or remove the field or section)"))
    return problems


def _string_problems(document: Document) -> list[Problem]:
    """Markup in front-matter text reaches page titles and meta tags: refuse it."""
    problems = []
    # A loop over a stack rather than a recursive inner function: such a
    # function refers to itself, a reference cycle that would keep every
    # document (and its table of lines) alive until the garbage collector runs.
    pending: list[tuple[Any, tuple]] = [(document.data, ())]
    while pending:
        value, path = pending.pop()
        if isinstance(value, str):
            decoded = html.unescape(value)  # "&lt;" is "<" to the reader and to the theme's templates
            if "<" in decoded or ">" in decoded:
                problems.append(Problem(document.path, document.line_of(path), ".".join(map(str, path)),
                                        "the characters < and > are not allowed in front matter (no HTML)"))
            elif ":" in decoded and body_module.SCRIPT_URL.search(re.sub(r"[\t\n\r]", "", decoded)):
                problems.append(Problem(document.path, document.line_of(path), ".".join(map(str, path)),
                                        "a javascript: link is not allowed"))
        elif isinstance(value, list):
            pending.extend((item, path + (index,)) for index, item in reversed(list(enumerate(value))))
        elif isinstance(value, dict):
            pending.extend((item, path + (key,)) for key, item in reversed(list(value.items())))
    return problems


def _parse_body(document: Document, language: str) -> tuple[dict[str, Any], list[Problem]]:
    headings = section_headings(language)
    path = document.path
    if not document.body.strip():
        return {}, [Problem(path, document.body_line, "body", f"the body is empty; write at least the section '## {headings[DESCRIPTION]}'")]
    parsed, problems, lines = body_module.parse_sections(path, document.body, document.body_line, headings)
    if parsed.intro:
        problems.append(Problem(path, document.body_line, "body",
                                f"text before the first section; start the body with '## {headings[DESCRIPTION]}'"))
    if DESCRIPTION not in parsed.sections:
        problems.append(Problem(path, document.body_line, "body", f"the section '## {headings[DESCRIPTION]}' is missing"))
    elif not parsed.sections[DESCRIPTION]:
        problems.append(Problem(path, lines[DESCRIPTION], "body", f"the section '## {headings[DESCRIPTION]}' is empty"))
    result: dict[str, Any] = {DESCRIPTION: parsed.sections.get(DESCRIPTION, "")}
    for key in (SUCCESS_FACTORS, TIPS):
        if key not in lines:
            result[key] = []
            continue
        numbered = body_module.section_lines(document.body, document.body_line, lines[key])
        items, list_problems = body_module.parse_list(path, numbered, headings[key], with_names=key == SUCCESS_FACTORS)
        problems.extend(list_problems)
        if not items:
            problems.append(Problem(path, lines[key], "body", f"the section '## {headings[key]}' is empty; remove it or add items"))
        result[key] = items
    problems.extend(body_module.unsafe_markup(path, document.body, document.body_line))
    return result, problems


def _text(document: Document, language: str, data: dict[str, Any], parsed: dict[str, Any], translated: bool = True) -> ExampleText:
    return ExampleText(
        language=language,
        path=document.path,
        title=str(data.get("title", "")).strip(),
        summary=" ".join(str(data.get("summary", "")).split()),
        partners=list(data.get("partners") or []),
        period=data.get("period"),
        description=parsed.get(DESCRIPTION, ""),
        success_factors=parsed.get(SUCCESS_FACTORS, []),
        tips=parsed.get(TIPS, []),
        translated=translated,
        contact_role=data.get("contact_role"),
    )


@dataclass
class FileCheck:
    """What can be known about one example file by itself (no other file
    needed): its parts, and its problems. Cached between builds by content."""

    document: Document | None
    read_problems: list[Problem]  # reading, YAML, placeholders
    problems: list[Problem]  # schema, values, body
    parsed: dict[str, Any]
    links: list[tuple[str, int, str, str]]  # (path, line, target, linked slug)


def check_file(raw: bytes, display: str, language: str, schema: dict[str, Any], vocabularies: Vocabularies) -> FileCheck:
    document, read_problems = _parse(raw, display)
    if document is None or document.data is None:
        return FileCheck(document, read_problems, [], {}, [])
    problems = validate_front_matter(document, schema, vocabularies)
    problems += _yaml11_warnings(document)
    problems += _string_problems(document)
    parsed, body_problems = _parse_body(document, language)
    problems += body_problems
    links = [(document.path, line, target, linked) for line, target, linked in body_module.example_links(document.body, document.body_line)]
    # The body now lives on in ``parsed``; not keeping it twice halves the cache.
    document.body = ""
    document.plain_scalars = {}
    return FileCheck(document, read_problems, problems, parsed, links)


def load_examples(examples_dir: Path, vocabularies: Vocabularies, only: list[Path] | None = None, root: Path | None = None,
                  cache: FileCache | None = None) -> LoadResult:
    """Load every example in ``examples_dir`` (the whole set is needed to check
    links and duplicates); report problems only for ``only`` when given."""
    root = root or examples_dir.parent
    problems: list[Problem] = []
    resolved_root = root.resolve()
    resolved_folder = examples_dir.resolve()
    shown: dict[Path, str] = {}  # path -> how problems name it (relative to the root)
    try:
        entries = sorted(os.scandir(examples_dir), key=lambda entry: entry.name)
    except OSError:
        entries = []
    files = []
    for entry in entries:
        if not entry.name.endswith(".md") or entry.name.startswith(("_", ".")):
            continue
        path = examples_dir / entry.name
        files.append(path)
        # The folder is resolved once, not every file (thousands of realpath
        # calls); only a symbolic link is resolved by itself.
        resolved = path.resolve() if entry.is_symlink() else resolved_folder / entry.name
        try:
            shown[path] = str(resolved.relative_to(resolved_root))
        except ValueError:
            shown[path] = str(path)

    def display(path: Path) -> str:
        if path not in shown:
            try:
                shown[path] = str(path.resolve().relative_to(resolved_root))
            except ValueError:
                shown[path] = str(path)
        return shown[path]

    originals: dict[str, Path] = {}
    translations: dict[tuple[str, str], Path] = {}
    for path in files:
        slug, language = _language_of(path)
        if not SLUG.match(slug):
            problems.append(Problem(display(path), None, "file name",
                                    f"'{path.name}' is not a valid example file name: use lowercase letters a–z, digits and hyphens, e.g. gavle-study-group.md"))
            continue
        if language == DEFAULT_LANGUAGE:
            originals[slug] = path
        else:
            translations[(slug, language)] = path
    schema = example_schema(vocabularies)
    translation_schema = example_schema(vocabularies, translation=True)
    examples: list[Example] = []
    links: list[tuple[str, int, str, str]] = []
    def checked(path: Path, language: str, file_schema: dict[str, Any]) -> FileCheck:
        name = display(path)
        raw, read_problems = _read_bytes(path, name)
        if raw is None:
            return FileCheck(None, read_problems, [], {}, [])
        if cache is None:
            return check_file(raw, name, language, file_schema, vocabularies)
        return cache.get_or_make((raw, name, language), lambda: check_file(raw, name, language, file_schema, vocabularies))

    for slug, path in originals.items():
        check = checked(path, DEFAULT_LANGUAGE, schema)
        document, parsed = check.document, check.parsed
        problems.extend(check.read_problems)
        if document is None or document.data is None:
            continue
        own_problems = check.read_problems + check.problems + _profile_problems(document, vocabularies, slug, originals)
        problems.extend(own_problems[len(check.read_problems):])
        links.extend(check.links)
        data = document.data
        if any(problem.severity == ERROR for problem in own_problems):
            continue
        example = Example(
            slug=slug,
            municipalities=list(data["municipalities"]),
            themes=list(data["themes"]),
            target_groups=list(data["target_groups"]),
            sources=[SourceRef(item["document"], item["pages"]) for item in data["sources"]],
            profile=dict(data["profile"]),
            last_reviewed=data.get("last_reviewed"),
            builds_on=list(data.get("builds_on") or []),
        )
        example.texts[DEFAULT_LANGUAGE] = _text(document, DEFAULT_LANGUAGE, data, parsed)
        examples.append(example)
    by_slug = {example.slug: example for example in examples}
    for (slug, language), path in translations.items():
        check = checked(path, language, translation_schema)
        document, parsed = check.document, check.parsed
        problems.extend(check.read_problems)
        if slug not in originals:
            problems.append(Problem(display(path), None, "file name",
                                    f"this translation has no original: examples/{slug}.md does not exist"))
            continue
        if document is None or document.data is None:
            continue
        own_problems = check.read_problems + check.problems
        problems.extend(check.problems)
        links.extend(check.links)
        example = by_slug.get(slug)
        if example is None:
            continue
        for fact in FACT_FIELDS:
            if fact in document.data:
                mine = document.data[fact]
                theirs = getattr(example, fact)
                if fact == "sources":
                    theirs = [{"document": ref.document, "pages": ref.pages} for ref in theirs]
                if mine != theirs:
                    own_problems.append(Problem(document.path, document.line_of((fact,)), fact,
                                                f"disagrees with the original examples/{slug}.md ({theirs!r}); facts are taken from the original, so remove this field or make it the same"))
        original = example.text(DEFAULT_LANGUAGE)
        for key, name in ((SUCCESS_FACTORS, "success factors"), (TIPS, "tips")):
            theirs = len(getattr(original, key))
            mine = len(parsed.get(key, []))
            if mine != theirs:
                own_problems.append(Problem(document.path, document.body_line, "body",
                                            f"has {mine} {name} but the original has {theirs}; a translation must have the same items in the same order"))
        problems.extend(own_problems[len(check.read_problems) + len(check.problems):])
        if any(problem.severity == ERROR for problem in own_problems):
            continue
        example.texts[language] = _text(document, language, document.data, parsed)
    for example in examples:
        for language in LANGUAGES:
            if language not in example.texts:
                original = example.text(DEFAULT_LANGUAGE)
                problems.append(Problem(original.path, None, None,
                                        f"there is no English translation (examples/{example.slug}.{language}.md); the page falls back to Swedish",
                                        WARNING))
                example.texts[language] = ExampleText(**{**original.__dict__, "language": DEFAULT_LANGUAGE, "translated": False})
    for path, line, target, linked in links:
        if linked not in originals:
            problems.append(Problem(path, line, "body", f"the link '{target}' points to an example that does not exist"))
    problems.extend(_duplicates(examples))
    if only is not None:
        wanted = {display(path) for path in only}
        problems = [problem for problem in problems if problem.path in wanted]
    return LoadResult(sorted(examples, key=lambda example: example.slug), sorted(set(problems), key=_problem_order))


def _profile_problems(document: Document, vocabularies: Vocabularies, slug: str, originals: dict[str, Path]) -> list[Problem]:
    """What the schema cannot say: "not stated" stands alone, and an example
    builds on examples that exist."""
    problems = []
    data = document.data or {}
    profile = data.get("profile")
    if isinstance(profile, dict):
        for name, profile_field in vocabularies.profile.items():
            value = profile.get(name)
            if profile_field.multiple and isinstance(value, list) and NOT_STATED in value and len(value) > 1:
                problems.append(Problem(document.path, document.line_of(("profile", name)), f"profile.{name}",
                                        f"'{NOT_STATED}' (not stated) cannot be combined with other values; keep either it or the others"))
    builds_on = data.get("builds_on")
    if isinstance(builds_on, list):
        for index, other in enumerate(builds_on):
            if other == slug:
                problems.append(Problem(document.path, document.line_of(("builds_on", index)), f"builds_on[{index}]", "an example cannot build on itself"))
            elif isinstance(other, str) and other not in originals:
                hint = did_you_mean(other, sorted(originals))
                problems.append(Problem(document.path, document.line_of(("builds_on", index)), f"builds_on[{index}]",
                                        f"'{other}' is not an example (examples/{other}.md does not exist).{hint}"))
    return problems


def _problem_order(problem: Problem) -> tuple:
    return (problem.path, problem.line or 0, problem.field or "", problem.message)


def _duplicates(examples: list[Example]) -> list[Problem]:
    problems = []
    for language in LANGUAGES:
        seen: dict[str, ExampleText] = {}
        for example in sorted(examples, key=lambda example: example.slug):
            text = example.texts.get(language)
            if text is None or not text.translated:
                continue
            key = " ".join(text.title.casefold().split())
            if key in seen:
                problems.append(Problem(text.path, None, "title",
                                        f"the title '{text.title}' is already used by {seen[key].path}; titles must be unique"))
            else:
                seen[key] = text
    return problems
