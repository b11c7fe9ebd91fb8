"""The catalogue: the examples, the vocabularies and the theme introductions,
with the lookups the generated pages need. Plain data; no MkDocs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import body as body_module
from .body import THEME_TIPS_HEADINGS, ListItem
from .examples import DEFAULT_LANGUAGE, Example, LoadResult, SourceRef, read_document, load_examples
from .file_cache import FileCache, fingerprint
from .problems import ERROR, Problem
from .vocabulary import LANGUAGES, Vocabularies, load_vocabularies

THEMES_FOLDER = "teman"


@dataclass
class ThemeIntro:
    """A hand-written theme page (docs/teman/<id>.md) in one language."""

    theme: str
    language: str
    path: str
    title: str
    markdown: str  # the whole body as written, tips section included
    tips: list[ListItem]
    sources: list[SourceRef]


@dataclass
class Catalogue:
    vocabularies: Vocabularies
    examples: list[Example]
    theme_intros: dict[tuple[str, str], ThemeIntro]  # (theme, language) -> intro
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == ERROR]

    def examples_for_theme(self, theme: str) -> list[Example]:
        return [example for example in self.examples if theme in example.themes]

    def examples_for_municipality(self, municipality: str) -> list[Example]:
        return [example for example in self.examples if municipality in example.municipalities]

    def examples_for_target_group(self, target_group: str) -> list[Example]:
        return [example for example in self.examples if target_group in example.target_groups]

    def municipalities_with_examples(self) -> list[str]:
        return sorted({municipality for example in self.examples for municipality in example.municipalities})


def load_theme_intros(docs_dir: Path, vocabularies: Vocabularies, root: Path) -> tuple[dict[tuple[str, str], ThemeIntro], list[Problem]]:
    intros: dict[tuple[str, str], ThemeIntro] = {}
    problems: list[Problem] = []
    for theme in vocabularies.themes:
        for language in LANGUAGES:
            suffix = "" if language == DEFAULT_LANGUAGE else f".{language}"
            path = docs_dir / THEMES_FOLDER / f"{theme}{suffix}.md"
            display = _display(path, root)
            if not path.exists():
                problems.append(Problem(display, None, None, f"the introduction of the theme '{theme}' is missing: create {display}"))
                continue
            document, read_problems = read_document(path, display)
            problems.extend(read_problems)
            if document is None or document.data is None:
                continue
            title = document.data.get("title")
            if not isinstance(title, str) or not title.strip():
                problems.append(Problem(display, document.line_of(("title",)), "title", "missing required field; write the theme's name as text"))
                continue
            heading = THEME_TIPS_HEADINGS[language]
            parsed, section_problems, lines = body_module.parse_sections(display, document.body, document.body_line, {"tips": heading})
            problems.extend(section_problems)
            tips: list[ListItem] = []
            if "tips" in lines:
                numbered = body_module.section_lines(document.body, document.body_line, lines["tips"])
                tips, list_problems = body_module.parse_list(display, numbered, heading, with_names=False)
                problems.extend(list_problems)
            sources = [SourceRef(str(item.get("document")), str(item.get("pages"))) for item in document.data.get("sources") or [] if isinstance(item, dict)]
            intros[(theme, language)] = ThemeIntro(theme, language, display, title.strip(), document.body.strip(), tips, sources)
    for theme in vocabularies.themes:
        original = intros.get((theme, DEFAULT_LANGUAGE))
        for language in LANGUAGES:
            intro = intros.get((theme, language))
            if original and intro and len(intro.tips) != len(original.tips):
                problems.append(Problem(intro.path, None, "body", f"has {len(intro.tips)} tips but {original.path} has {len(original.tips)}"))
            if original and intro and not intro.sources:
                intro.sources = original.sources
    return intros, problems


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def load_catalogue(root: Path, docs_dir: Path | None = None, examples_dir: Path | None = None, data_dir: Path | None = None,
                   cache_dir: Path | None = None) -> Catalogue:
    """Load everything under a project root. Raises VocabularyError when the
    data files are broken; other problems are collected in ``problems``.
    With ``cache_dir``, unchanged example files are not checked again (file_cache)."""
    data_dir = data_dir or root / "data"
    docs_dir = docs_dir or root / "docs"
    examples_dir = examples_dir or root / "examples"
    vocabularies = load_vocabularies(data_dir)
    cache = FileCache(cache_dir, fingerprint(data_dir)) if cache_dir is not None else None
    result: LoadResult = load_examples(examples_dir, vocabularies, root=root, cache=cache)
    if cache is not None:
        cache.save()
    intros, intro_problems = load_theme_intros(docs_dir, vocabularies, root)
    return Catalogue(vocabularies, result.examples, intros, result.problems + intro_problems)
