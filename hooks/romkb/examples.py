"""Load and validate the practice examples in ``examples/``.

``examples/<slug>.md`` is the Swedish original with the full front matter;
``examples/<slug>.en.md`` is its English translation, whose front matter holds
the translated fields only (title, summary, partners, period) and takes the
facts from the original. ``load_examples`` lists the folder, checks each file
by itself (``check_file``, cached by ``file_cache``), builds the examples,
merges the translations and checks what needs the whole set; the build and
``romkb validate`` reach it through ``romkb.project``.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from . import body as body_module
from .body import DESCRIPTION, SECTION_HEADINGS, SUCCESS_FACTORS, TIPS, ListItem
from .file_cache import FileCache
from .front_matter import YAML11_SURPRISES, Document, decode, split
from .problems import ERROR, WARNING, Problem, did_you_mean
from .schema import FACT_FIELDS, example_schema, field_label, validate_front_matter
from .vocabulary import LANGUAGES, NOT_STATED, Vocabularies

DEFAULT_LANGUAGE = "sv"
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


def read_bytes(path: Path, display: str) -> tuple[bytes | None, list[Problem]]:
    try:
        return path.read_bytes(), []
    except OSError as error:
        return None, [Problem(display, None, None, f"cannot read the file: {error.strerror}")]


def read_document(path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """A Markdown file with front matter, read and split (used for docs/ pages too)."""
    raw, problems = read_bytes(path, display)
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
    problems: list[Problem] = []
    # A plain substring test first: the regex's word boundaries make it
    # slow over a whole file, and almost no file has the word at all.
    if "TODO" not in raw_text or not _PLACEHOLDER.search(raw_text):
        return problems  # no line can match when the whole text does not
    for number, line in enumerate(raw_text.split("\n"), start=1):
        if _PLACEHOLDER.search(line) and not line.lstrip().startswith("#"):
            field_name: str | None = "body"
            if number < document.body_line:
                paths = [path for path, line_number in document.lines.items() if line_number == number and path]
                field_name = field_label(max(paths, key=len)) if paths else None
            problems.append(Problem(document.path, number, field_name,
                                    "the template's placeholder TODO is still here; replace it with your text (or remove the field or section)"))
    return problems


def _string_problems(document: Document) -> list[Problem]:
    """Markup in front-matter text reaches page titles and meta tags: refuse it."""
    return list(_markup_in_strings(document, document.data, ()))


def _markup_in_strings(document: Document, value: Any, path: tuple) -> Iterator[Problem]:
    if isinstance(value, str):
        decoded = html.unescape(value)  # "&lt;" is "<" to the reader and to the theme's templates
        if "<" in decoded or ">" in decoded:
            yield Problem(document.path, document.line_of(path), ".".join(map(str, path)),
                          "the characters < and > are not allowed in front matter (no HTML)")
        elif body_module.SCRIPT_URL.search(re.sub(r"[\t\n\r]", "", decoded)):
            yield Problem(document.path, document.line_of(path), ".".join(map(str, path)), "a javascript: link is not allowed")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _markup_in_strings(document, item, path + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _markup_in_strings(document, item, path + (key,))


def _parse_body(document: Document, language: str) -> tuple[dict[str, Any], list[Problem]]:
    headings = SECTION_HEADINGS[language]
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


@dataclass
class ExampleFiles:
    """The example files of a folder, sorted by name: originals by slug,
    translations by (slug, language), and how problems name each file."""

    originals: dict[str, Path]
    translations: dict[tuple[str, str], Path]
    problems: list[Problem]  # file names that are not valid
    root: Path
    shown: dict[Path, str] = field(default_factory=dict)

    def display(self, path: Path) -> str:
        """The path as problems name it: relative to the project's root."""
        if path not in self.shown:
            self.shown[path] = _relative_to(path.resolve(), self.root.resolve(), path)
        return self.shown[path]


def _relative_to(resolved: Path, resolved_root: Path, fallback: Path) -> str:
    try:
        return str(resolved.relative_to(resolved_root))
    except ValueError:
        return str(fallback)


def list_example_files(examples_dir: Path, root: Path) -> ExampleFiles:
    """Step 1 of a load: which files are examples and which translations."""
    files = ExampleFiles({}, {}, [], root)
    resolved_root = root.resolve()
    resolved_folder = examples_dir.resolve()
    try:
        entries = sorted(os.scandir(examples_dir), key=lambda entry: entry.name)
    except OSError:
        entries = []
    for entry in entries:
        if not entry.name.endswith(".md") or entry.name.startswith(("_", ".")):
            continue
        path = examples_dir / entry.name
        # The folder is resolved once, not every file (thousands of realpath
        # calls); only a symbolic link is resolved by itself.
        resolved = path.resolve() if entry.is_symlink() else resolved_folder / entry.name
        files.shown[path] = _relative_to(resolved, resolved_root, path)
        slug, language = _language_of(path)
        if not SLUG.match(slug):
            files.problems.append(Problem(files.display(path), None, "file name",
                                          f"'{path.name}' is not a valid example file name: use lowercase letters a–z, digits and hyphens, e.g. gavle-study-group.md"))
        elif language == DEFAULT_LANGUAGE:
            files.originals[slug] = path
        else:
            files.translations[(slug, language)] = path
    return files


class FileChecker:
    """Step 2: check one file by itself (check_file), through the cache when there is one."""

    def __init__(self, vocabularies: Vocabularies, cache: FileCache | None):
        self.vocabularies = vocabularies
        self.cache = cache
        self.schemas = {False: example_schema(vocabularies), True: example_schema(vocabularies, translation=True)}

    def check(self, path: Path, display: str, language: str) -> FileCheck:
        raw, read_problems = read_bytes(path, display)
        if raw is None:
            return FileCheck(None, read_problems, [], {}, [])
        schema = self.schemas[language != DEFAULT_LANGUAGE]
        if self.cache is None:
            return check_file(raw, display, language, schema, self.vocabularies)
        return self.cache.get_or_make((raw, display, language), lambda: check_file(raw, display, language, schema, self.vocabularies))


def _has_error(problems: list[Problem]) -> bool:
    return any(problem.severity == ERROR for problem in problems)


def build_example(slug: str, check: FileCheck, vocabularies: Vocabularies, originals: dict[str, Path]) -> tuple[Example | None, list[Problem]]:
    """Step 3: an original file's example (None when the file has errors)
    and every problem of the file, including the read problems."""
    document = check.document
    if document is None or document.data is None:
        return None, check.read_problems
    problems = check.read_problems + check.problems + _profile_problems(document, vocabularies, slug, originals)
    if _has_error(problems):
        return None, problems
    data = document.data
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
    example.texts[DEFAULT_LANGUAGE] = _text(document, DEFAULT_LANGUAGE, data, check.parsed)
    return example, problems


def merge_translation(example: Example, language: str, check: FileCheck) -> list[Problem]:
    """Step 4: a translation's own problems and its disagreements with the
    original; without errors its text joins the example."""
    document, parsed = check.document, check.parsed
    if document is None or document.data is None:
        return []
    problems: list[Problem] = []
    for fact in FACT_FIELDS:
        if fact in document.data:
            mine = document.data[fact]
            theirs = getattr(example, fact)
            if fact == "sources":
                theirs = [{"document": ref.document, "pages": ref.pages} for ref in theirs]
            if mine != theirs:
                problems.append(Problem(document.path, document.line_of((fact,)), fact,
                                        f"disagrees with the original examples/{example.slug}.md ({theirs!r}); facts are taken from the original, so remove this field or make it the same"))
    original = example.text(DEFAULT_LANGUAGE)
    for key, name in ((SUCCESS_FACTORS, "success factors"), (TIPS, "tips")):
        theirs_count = len(getattr(original, key))
        mine_count = len(parsed.get(key, []))
        if mine_count != theirs_count:
            problems.append(Problem(document.path, document.body_line, "body",
                                    f"has {mine_count} {name} but the original has {theirs_count}; a translation must have the same items in the same order"))
    if not _has_error(check.read_problems + check.problems + problems):
        example.texts[language] = _text(document, language, document.data, parsed)
    return problems


def _fallback_texts(examples: list[Example]) -> list[Problem]:
    """An example without a translation shows the Swedish text (with a warning)."""
    problems = []
    for example in examples:
        for language in LANGUAGES:
            if language not in example.texts:
                original = example.text(DEFAULT_LANGUAGE)
                problems.append(Problem(original.path, None, None,
                                        f"there is no English translation (examples/{example.slug}.{language}.md); the page falls back to Swedish",
                                        WARNING))
                example.texts[language] = ExampleText(**{**original.__dict__, "language": DEFAULT_LANGUAGE, "translated": False})
    return problems


def _broken_links(links: list[tuple[str, int, str, str]], originals: dict[str, Path]) -> list[Problem]:
    return [Problem(path, line, "body", f"the link '{target}' points to an example that does not exist")
            for path, line, target, linked in links if linked not in originals]


def load_examples(examples_dir: Path, vocabularies: Vocabularies, only: list[Path] | None = None, root: Path | None = None,
                  cache: FileCache | None = None) -> LoadResult:
    """Load every example in ``examples_dir``: list the files, check each by
    itself, build the examples, merge the translations, then check what needs
    the whole set (links, fallbacks, duplicate titles). Problems are reported
    only for ``only`` when given."""
    files = list_example_files(examples_dir, root or examples_dir.parent)
    checker = FileChecker(vocabularies, cache)
    problems = list(files.problems)
    links: list[tuple[str, int, str, str]] = []
    by_slug: dict[str, Example] = {}
    for slug, path in files.originals.items():
        check = checker.check(path, files.display(path), DEFAULT_LANGUAGE)
        example, own_problems = build_example(slug, check, vocabularies, files.originals)
        problems += own_problems
        links += check.links
        if example is not None:
            by_slug[slug] = example
    for (slug, language), path in files.translations.items():
        check = checker.check(path, files.display(path), language)
        problems += check.read_problems
        if slug not in files.originals:
            problems.append(Problem(files.display(path), None, "file name",
                                    f"this translation has no original: examples/{slug}.md does not exist"))
            continue
        if check.document is None or check.document.data is None:
            continue
        problems += check.problems
        links += check.links
        if slug in by_slug:
            problems += merge_translation(by_slug[slug], language, check)
    examples = list(by_slug.values())
    problems += _fallback_texts(examples)
    problems += _broken_links(links, files.originals)
    problems += _duplicates(examples)
    if only is not None:
        wanted = {files.display(path) for path in only}
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
