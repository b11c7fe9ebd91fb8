"""Command line: ``romkb validate`` runs the build's checks without building the
site (romkb.project: the same load path, the same cache of checked files);
``romkb new`` creates an example from the template, ``from-issue`` makes one
from an issue-form proposal, ``issue-form`` makes the form from data/,
``review`` records an editor's review.

Exit status: 0 when there are no errors (warnings are allowed), 1 when there
are errors (for ``from-issue``: problems in the proposal, told in the report),
2 when the command itself is used wrongly.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from .issue_form import FORM_PATH as ISSUE_FORM_PATH
from .problems import ERROR, Problem
from .project import load_project
from .settings import Settings
from .vocabulary import VocabularyError, load_vocabularies


def find_root(start: Path) -> Path:
    """The project root: the nearest folder upwards with a mkdocs.yml."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def validate(root: Path, files: list[Path] | None, cache: bool = True) -> list[Problem]:
    """Exactly the checks the build runs before MkDocs (romkb.project), with
    the same cache; only the problems of ``files`` when given."""
    problems = load_project(root, Settings(cache=cache)).problems
    if files is None:
        return problems
    wanted = set()
    for path in files:
        try:
            wanted.add(str(path.resolve().relative_to(root.resolve())))
        except ValueError:
            wanted.add(str(path))
    return [problem for problem in problems if problem.path in wanted]


def _print(problems: list[Problem], output_format: str) -> None:
    for problem in problems:
        print(problem.github_annotation() if output_format == "github" else str(problem))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="romkb", description="Tools for the knowledge base 'Romsk inkludering i praktiken'.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="run the build's checks (the whole project, or report only on the files given)")
    check.add_argument("files", nargs="*", type=Path, help="example files to check (default: all)")
    check.add_argument("--format", choices=["text", "github"], default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
                       help="'github' prints GitHub Actions annotations (default when GITHUB_ACTIONS is set)")
    check.add_argument("--root", type=Path, default=None, help="the project folder (default: found from the current folder)")
    check.add_argument("--no-cache", action="store_true", help="check every file again (as ROMKB_CACHE=0 does for the build)")
    new = commands.add_parser("new", help="create a new example from the template (asks for what is missing)")
    new.add_argument("--title", help="the activity's name, e.g. \"Läxhjälp på biblioteket\"")
    new.add_argument("--municipality", action="append", default=[], help="municipality id (repeat for several), e.g. lund")
    new.add_argument("--theme", action="append", default=[], help="theme id (repeat for several), e.g. utbildning")
    new.add_argument("--target-group", action="append", default=[], help="target-group id (repeat for several), e.g. elever")
    new.add_argument("--no-english", action="store_true", help="do not create the English translation file")
    new.add_argument("--root", type=Path, default=None, help="the project folder (default: found from the current folder)")
    from_issue = commands.add_parser("from-issue", help="write an example from the body of an issue made with the form, and check it")
    from_issue.add_argument("--body-file", type=Path, required=True, help="the issue's body as GitHub wrote it (- for standard input)")
    from_issue.add_argument("--report", type=Path, default=None, help="write the Markdown report (the issue comment) here instead of standard output")
    from_issue.add_argument("--root", type=Path, default=None, help="the project folder (default: found from the current folder)")
    issue_form = commands.add_parser("issue-form", help=f"write the issue form ({ISSUE_FORM_PATH}) from data/")
    issue_form.add_argument("--check", action="store_true", help="only check that the committed form is up to date (exit 1 if not)")
    issue_form.add_argument("--root", type=Path, default=None, help="the project folder (default: found from the current folder)")
    review = commands.add_parser("review", help="mark an example as reviewed against its source (status and date)")
    review.add_argument("slug", help="the example's file name without .md, e.g. haninge-traffpunkt")
    review.add_argument("--date", type=_iso_date, default=None, help="the review's date, YYYY-MM-DD (default: today)")
    review.add_argument("--root", type=Path, default=None, help="the project folder (default: found from the current folder)")
    arguments = parser.parse_args(argv)

    if arguments.command == "new":
        return _new(arguments)
    if arguments.command in ("from-issue", "issue-form", "review"):
        root = (arguments.root or find_root(Path.cwd())).resolve()
        try:
            vocabularies = load_vocabularies(root / "data")
        except VocabularyError as error:
            _print(error.problems, "text")
            return 2
        return {"from-issue": _from_issue, "issue-form": _issue_form, "review": _review}[arguments.command](arguments, root, vocabularies)

    if arguments.command == "validate":
        root = (arguments.root or find_root(Path.cwd())).resolve()
        if not (root / "examples").is_dir():
            print(f"romkb: no examples/ folder in {root}; run this in the project folder or pass --root", file=sys.stderr)
            return 2
        files = None
        if arguments.files:
            files = []
            for path in arguments.files:
                if not path.is_file():
                    print(f"romkb: {path}: no such file", file=sys.stderr)
                    return 2
                files.append(path.resolve())
        problems = validate(root, files, cache=not arguments.no_cache)
        _print(problems, arguments.format)
        error_count = sum(1 for problem in problems if problem.severity == ERROR)
        warning_count = len(problems) - error_count
        checked = "the given files" if files else "the project (data/, examples/, docs/)"
        summary = f"{error_count} error(s), {warning_count} warning(s) in {checked}"
        print(summary if arguments.format == "text" else f"::notice::{summary}", file=sys.stderr if arguments.format == "text" else sys.stdout)
        return 1 if error_count else 0
    return 2  # pragma: no cover - argparse enforces the commands


def _iso_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write YYYY-MM-DD, e.g. 2026-11-25") from None


def _from_issue(arguments, root: Path, vocabularies) -> int:
    from .from_issue import from_issue

    try:
        raw = sys.stdin.buffer.read() if str(arguments.body_file) == "-" else arguments.body_file.read_bytes()
    except OSError as error:
        print(f"romkb from-issue: {arguments.body_file}: cannot read the issue body: {error.strerror}", file=sys.stderr)
        return 2
    outcome = from_issue(root, raw.decode("utf-8", errors="replace"), vocabularies)
    report = outcome.markdown()
    if arguments.report:
        arguments.report.write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    if outcome.written:
        print("created " + ", ".join(outcome.written), file=sys.stderr)
    else:
        print(f"romkb from-issue: {len(outcome.advice)} problem(s) in the proposal; nothing was written", file=sys.stderr)
    return outcome.exit_code


def _issue_form(arguments, root: Path, vocabularies) -> int:
    from .issue_form import FORM_PATH, form_yaml

    path = root / FORM_PATH
    wanted = form_yaml(vocabularies)
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if arguments.check:
        if current == wanted:
            return 0
        print(f"romkb issue-form: {FORM_PATH} is not the form made from data/; run 'romkb issue-form' and commit it", file=sys.stderr)
        return 1
    if current != wanted:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted, encoding="utf-8")
        print(f"wrote {FORM_PATH}")
    return 0


def _review(arguments, root: Path, vocabularies) -> int:
    from .review import ReviewError, mark_reviewed

    date = arguments.date or datetime.date.today()
    try:
        path = mark_reviewed(root, arguments.slug, vocabularies, date)
    except ReviewError as error:
        print(f"romkb review: {error}", file=sys.stderr)
        return 1
    print(f"{path.relative_to(root)}: review_status granskad-mot-kallan, last_reviewed {date.isoformat()}")
    return 0


def _ask(prompt: str, current):
    """Ask on a terminal for a value that was not given as an option."""
    if current:
        return current
    if not sys.stdin.isatty():
        return current
    answer = input(prompt).strip()
    return answer


def _new(arguments) -> int:
    from .scaffold import NewExample, ScaffoldError, create

    root = (arguments.root or find_root(Path.cwd())).resolve()
    try:
        vocabularies = load_vocabularies(root / "data")
    except VocabularyError as error:
        _print(error.problems, "text")
        return 1
    title = _ask("Aktivitetens namn (title): ", arguments.title) or ""
    split_ids = lambda value: [item.strip() for item in value.replace(",", " ").split() if item.strip()]  # noqa: E731
    municipalities = arguments.municipality or split_ids(_ask("Kommun (id, t.ex. lund; se data/municipalities.yml): ", "") or "")
    themes = arguments.theme or split_ids(_ask("Tema (id, t.ex. utbildning; se data/themes.yml): ", "") or "")
    target_groups = arguments.target_group or split_ids(_ask("Målgrupper (id, t.ex. elever foraldrar; se data/target_groups.yml): ", "") or "")
    try:
        written = create(root, NewExample(title, municipalities, themes, target_groups), vocabularies, with_english=not arguments.no_english)
    except ScaffoldError as error:
        print(f"romkb new: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"created {path.relative_to(root)}")
    print("Next: replace every TODO in the file(s) with your text, then run 'romkb validate' "
          "and preview with 'mkdocs serve' (see CONTRIBUTING.md).")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
