"""``romkb from-issue``: turn an issue made with the form into an example file.

GitHub writes an issue form's answers into the issue's body as Markdown: one
``### <label>`` heading per field, then the answer; ``_No response_`` for an
empty field; ``- [X] option`` / ``- [ ] option`` for checkboxes; the chosen
option's label for a dropdown. This module reads that body by the form's own
field definitions (issue_form.py), writes the example with ``romkb new``'s
template and ``create`` (scaffold.py; it never overwrites), and checks it with
the validator. Every problem is told in the proposer's terms: the form field's
label, in Swedish and English, and what to write instead.

The order of the checks: the answers themselves (empty required fields,
unknown municipalities, choices), then the validator on the file as it would
be written (lengths, markup, body), then whether the file name is taken; only
when all of that passes is the file written and the whole collection
validated again, which finds what only other files can tell (a title already
used). A file that fails that last check is removed again.

The body is untrusted text: it is only ever parsed, never run, and what is
quoted back to the proposer is put in code spans (no markup, no mentions).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .body import DESCRIPTION, SUCCESS_FACTORS, TIPS
from .examples import check_file, load_examples
from .issue_form import CHECKBOXES, DROPDOWN, FormField, fields
from .problems import ERROR, Problem, closest
from .schema import example_schema
from .scaffold import NewExample, ScaffoldError, create, example_paths, render
from .vocabulary import NOT_STATED, Vocabularies

COMMENT_MARKER = "<!-- romkb-from-issue -->"  # the workflow finds its one comment by this line
NO_RESPONSE = "_No response_"
GENERAL = ""  # advice about the issue as a whole, not one field

VALID, PROBLEMS = 0, 1  # exit codes of the command (2: used wrongly)

_CHECKBOX = re.compile(r"^- \[(?P<mark>[ xX])\] (?P<label>.+?)\s*$")
_LIST_MARKER = re.compile(r"^(?:[-*+•]|\d+[.)])\s+")
_SPLIT_MUNICIPALITIES = re.compile(r"\s*(?:[,;\n]|\s(?:och|and|&)\s)\s*")
_MUNICIPALITY_SUFFIX = re.compile(r"\s+(?:kommun|stad|municipality)$", re.I)
_SECTION_HEADING = re.compile(r"^#{1,2}(?:\s|$)", re.M)
_OTHER_SPACE = re.compile(r"[^\S\n\t]")  # no-break, line-separator and other spaces
_CONTROL = re.compile(r"[\x00-\x08\x7f-\x9f\ufeff]")


@dataclass
class Advice:
    """One thing the proposer should change: the field's label and what to do."""

    field: str  # a form label, or GENERAL
    sv: str
    en: str


@dataclass
class Outcome:
    advice: list[Advice] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # repository-relative paths
    title: str = ""

    @property
    def exit_code(self) -> int:
        return PROBLEMS if self.advice else VALID

    def markdown(self) -> str:
        """The text of the issue comment (or of the pull request's description)."""
        if not self.advice:
            files = ", ".join(f"`{path}`" for path in self.written)
            return (
                f"{COMMENT_MARKER}\n"
                "## Förslaget är klart för granskning · The proposal is ready for review\n\n"
                f"Förslaget har blivit {files}. En redaktör granskar uppgifterna mot källan innan exemplet publiceras. "
                "Den engelska sidan visar den svenska texten tills någon har översatt den.\n\n"
                f"The proposal has become {files}. An editor reviews the facts against the source before the example is "
                "published. The English page shows the Swedish text until someone translates it.\n"
            )
        lines = [
            COMMENT_MARKER,
            "## Förslaget behöver ändras · The proposal needs changes",
            "",
            "Tack för ditt förslag! Redigera ärendet (menyn ··· högst upp, *Edit*) och ändra fälten nedan; "
            "kontrollen körs igen när du sparar.",
            "",
            "Thank you for your proposal! Edit the issue (the ··· menu at the top, *Edit*) and change the fields below; "
            "the check runs again when you save.",
        ]
        by_field: dict[str, list[Advice]] = {}
        for advice in self.advice:
            by_field.setdefault(advice.field, []).append(advice)
        for label, items in by_field.items():
            lines += ["", f"**{label or 'Ärendet / The issue'}**", ""]
            for advice in items:
                lines.append(f"- {advice.sv}  \n  *{advice.en}*")
        return "\n".join(lines) + "\n"


def quote(text: str, limit: int = 60) -> str:
    """Proposer's text quoted back safely: one line in a code span."""
    one_line = " ".join(text.split()).replace("`", "'")
    if len(one_line) > limit:
        one_line = one_line[: limit - 1] + "…"
    return f"`{one_line}`"


def clean(text: str) -> str:
    """Windows and old Mac line endings as \\n; invisible control characters
    (which YAML refuses and no reader sees) removed; the text otherwise as written."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", _OTHER_SPACE.sub(" ", text))


def parse_body(body: str, form_fields: list[FormField]) -> tuple[dict[str, str | None], list[Advice]]:
    """The raw answer of each field (None for "_No response_" or a missing field).

    Only a heading that is the next field's label (in the form's order) starts
    that field, so a proposer's own ``### …`` line stays part of the answer."""
    lines = clean(body).split("\n")
    answers: dict[str, str | None] = {}
    starts: list[tuple[int, FormField]] = []
    position = 0
    for form_field in form_fields:
        heading = f"### {form_field.label}"
        for index in range(position, len(lines)):
            if lines[index].rstrip() == heading:
                starts.append((index, form_field))
                position = index + 1
                break
    advice = []
    if not starts:
        advice.append(Advice(GENERAL, "Ärendet är inte skrivet med formuläret *Föreslå ett praktikexempel*; öppna ett nytt ärende med formuläret.",
                             "The issue was not made with the form *Propose a practice example*; open a new issue with the form."))
        return answers, advice
    for number, (index, form_field) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        answer = "\n".join(lines[index + 1:end]).strip("\n").strip()
        # "None" is how GitHub may show an optional dropdown left without a choice.
        empty = ("", NO_RESPONSE, "None") if form_field.kind == DROPDOWN else ("", NO_RESPONSE)
        answers[form_field.id] = None if answer in empty else answer
    return answers, advice


def _checked(answer: str | None) -> list[str]:
    if answer is None:
        return []
    return [match.group("label") for match in map(_CHECKBOX.match, answer.split("\n")) if match and match.group("mark") != " "]


def _lines(answer: str | None) -> list[str]:
    """One item per non-empty line, without a list marker the proposer typed."""
    return [_LIST_MARKER.sub("", line.strip()) for line in (answer or "").split("\n") if _LIST_MARKER.sub("", line.strip())]


@dataclass
class _Reading:
    new: NewExample
    advice: list[Advice]


def _municipalities(answer: str, form_field: FormField, vocabularies: Vocabularies, advice: list[Advice]) -> list[str]:
    by_text: dict[str, str] = {}
    for municipality_id, item in vocabularies.municipalities.items():
        by_text[municipality_id.casefold()] = municipality_id
        by_text[item.name.casefold()] = municipality_id
    names = {item.name: key for key, item in vocabularies.municipalities.items()}
    found = []
    for written in filter(None, _SPLIT_MUNICIPALITIES.split(answer.strip())):
        bare = _MUNICIPALITY_SUFFIX.sub("", written).casefold()
        # "Lunds kommun", "Göteborgs stad": the genitive s before the suffix.
        key: str | None = by_text.get(bare) or (by_text.get(bare[:-1]) if bare != written.casefold() and bare.endswith("s") else None)
        if key is None:
            # The validator's did-you-mean (problems.closest), told by the name rather than the id.
            match = closest(written, sorted(vocabularies.municipalities), names)
            if match:
                name = vocabularies.municipalities[match].name
                advice.append(Advice(form_field.label,
                                     f"{quote(written)} finns inte bland kunskapsbankens kommuner. Menade du {name}? Skriv kommunens namn som i listan.",
                                     f"{quote(written)} is not among the knowledge base's municipalities. Did you mean {name}? Write the name as in the list."))
            else:
                advice.append(Advice(form_field.label,
                                     f"{quote(written)} finns inte bland kunskapsbankens kommuner. Skriv ett namn ur listan i fältets hjälptext, "
                                     "eller skriv i en kommentar vilken kommun det gäller, så lägger en redaktör till den.",
                                     f"{quote(written)} is not among the knowledge base's municipalities. Write a name from the list in the "
                                     "field's help text, or say in a comment which municipality it is and an editor adds it."))
        elif key not in found:
            found.append(key)
    return found


def _choices(form_field: FormField, labels: list[str], advice: list[Advice]) -> list[str]:
    ids = []
    for label in labels:
        option = form_field.option_id(label)
        if option is None:
            advice.append(Advice(form_field.label, f"{quote(label)} är inget av formulärets val; {form_field.what_sv}.",
                                 f"{quote(label)} is not one of the form's choices; {form_field.what_en}."))
        elif option not in ids:
            ids.append(option)
    return ids


def read_answers(answers: dict[str, str | None], form_fields: list[FormField], vocabularies: Vocabularies) -> _Reading:
    """The example the answers describe, and what is wrong with the answers themselves."""
    advice: list[Advice] = []
    by_id = {form_field.id: form_field for form_field in form_fields}
    for form_field in form_fields:
        if form_field.required and answers.get(form_field.id) is None:
            advice.append(Advice(form_field.label, f"Fältet är tomt: skriv {form_field.what_sv}.", f"The field is empty: write {form_field.what_en}."))
    for key in (DESCRIPTION, SUCCESS_FACTORS, TIPS):
        text = answers.get(key)
        if text and _SECTION_HEADING.search(text):
            advice.append(Advice(by_id[key].label,
                                 "Rader som börjar med # eller ## blir rubriker, och exemplets rubriker är fasta; ta bort #-tecknen (eller skriv ### för en underrubrik).",
                                 "Lines starting with # or ## become headings, and an example's headings are fixed; remove the # signs (or write ### for a subheading)."))

    def one_line(name: str) -> str | None:
        answer = answers.get(name)
        return " ".join(answer.split()) if answer is not None else None

    municipalities = _municipalities(answers.get("municipalities") or "", by_id["municipalities"], vocabularies, advice)
    def chosen(name: str) -> list[str]:
        answer = answers.get(name)
        return [answer] if answer else []

    main_theme = _choices(by_id["main_theme"], chosen("main_theme"), advice)
    themes = main_theme + [theme for theme in _choices(by_id["more_themes"], _checked(answers.get("more_themes")), advice) if theme not in main_theme]
    target_groups = _choices(by_id["target_groups"], _checked(answers.get("target_groups")), advice)
    if not target_groups:
        target_group_field = by_id["target_groups"]
        advice.append(Advice(target_group_field.label, f"Inget är ikryssat: {target_group_field.what_sv}.", f"Nothing is ticked: {target_group_field.what_en}."))
    document = _choices(by_id["source_document"], chosen("source_document"), advice)
    profile: dict[str, str | list[str]] = {}
    for form_field in form_fields:
        if not form_field.id.startswith("profile_"):
            continue
        name = form_field.id[len("profile_"):]
        if form_field.kind == CHECKBOXES:
            profile[name] = _choices(form_field, _checked(answers.get(form_field.id)), advice) or [NOT_STATED]
        else:
            answer = answers.get(form_field.id)
            profile[name] = (_choices(form_field, [answer], advice) or [NOT_STATED])[0] if answer else NOT_STATED
    confirmation = by_id["confirmation"]
    if not _choices(confirmation, _checked(answers.get("confirmation")), advice):
        advice.append(Advice(confirmation.label, "Rutan är inte ikryssad: bekräfta att uppgifterna finns i källan och att inga privatpersoner namnges.",
                             "The box is not ticked: confirm that the facts are in the source and that no private person is named."))
    period = one_line("period")
    new = NewExample(
        title=one_line("title") or "",
        municipalities=municipalities,
        themes=themes,
        target_groups=target_groups,
        summary=(answers.get("summary") or "").strip(),
        partners=_lines(answers.get("partners")),
        period=period,
        remove_period=period is None,
        sources=[(document[0] if document else "", one_line("source_pages") or "")],
        profile=profile,
        contact_role=one_line("contact_role"),
        sections={DESCRIPTION: answers.get(DESCRIPTION) or "", SUCCESS_FACTORS: _lines(answers.get(SUCCESS_FACTORS)),
                  TIPS: _lines(answers.get(TIPS))},
    )
    return _Reading(new, advice)


# The validator's messages (English, for file editors) in the proposer's terms.
# Each pattern is searched in the message; its groups fill the texts.
_PLAIN_MESSAGES: list[tuple[re.Pattern[str], str, str]] = [(re.compile(pattern), sv, en) for pattern, sv, en in (
    (r"is too short \(at least (\d+) characters\)", "Texten är för kort: skriv minst {0} tecken.", "The text is too short: write at least {0} characters."),
    (r"is too long \((\d+) characters; at most (\d+)\)", "Texten är för lång ({0} tecken): korta den till högst {1}.",
     "The text is too long ({0} characters): shorten it to at most {1}."),
    (r"the characters < and > are not allowed", "Tecknen `<` och `>` går inte att använda i det här fältet (ingen HTML); skriv texten utan dem.",
     "The characters `<` and `>` cannot be used in this field (no HTML); write the text without them."),
    (r"javascript: (?:\(or vbscript:, data:text/html\) )?link is not allowed", "Länkar som börjar med `javascript:` (eller `vbscript:`, `data:`) går inte; ta bort dem.",
     "Links starting with `javascript:` (or `vbscript:`, `data:`) are not allowed; remove them."),
    (r"a <script> tag is not allowed", "Ta bort `<script>`: exemplen är vanlig text.", "Remove the `<script>`: examples are plain text."),
    (r"an event-handler attribute", "Ta bort HTML-koden `on…=`: exemplen är vanlig text.", "Remove the HTML code `on…=`: examples are plain text."),
    (r"the HTML element <(\w+)> is not allowed", "Ta bort HTML-elementet `<{0}>`: exemplen är vanlig text.", "Remove the HTML element `<{0}>`: examples are plain text."),
    (r"loaded from another website", "Bilder eller annat innehåll från andra webbplatser går inte att visa; skriv en vanlig länk i stället.",
     "Images or other content from other websites cannot be shown; write an ordinary link instead."),
    (r"the title '.*' is already used by (examples/[\w.-]+)", "Det finns redan ett exempel med samma namn (`{0}`); välj ett namn som skiljer ditt exempel från det.",
     "There is already an example with this name (`{0}`); choose a name that sets yours apart."),
    (r"placeholder TODO", "Ordet TODO kan inte stå i texten (mallen använder det för det som inte är ifyllt); skriv om meningen utan det.",
     "The word TODO cannot be in the text (the template uses it for what is not filled in); rewrite the sentence without it."),
    (r"lists the same value twice", "Samma sak står två gånger; ta bort den ena.", "The same entry appears twice; remove one."),
    (r"points to an example that does not exist", "Länken går till ett exempel som inte finns; ta bort den eller rätta den.",
     "The link goes to an example that does not exist; remove or correct it."),
)]


def plain(message: str) -> tuple[str, str]:
    for pattern, sv, en in _PLAIN_MESSAGES:
        match = pattern.search(message)
        if match:
            return sv.format(*match.groups()), en.format(*match.groups())
    return f"Kontrollen säger (på engelska): {quote(message, 300)}", quote(message, 300)


_FIELD_OF_KEY = {"title": "title", "summary": "summary", "partners": "partners", "period": "period", "contact_role": "contact_role",
                 "municipalities": "municipalities", "themes": "main_theme", "target_groups": "target_groups"}


def _form_field_of(problem: Problem, sections: dict[int, str], by_id: dict[str, FormField], profile_names: set[str]) -> str:
    """The label of the form field a validator problem is about."""
    name = problem.field or ""
    top = re.split(r"[.\[]", name, maxsplit=1)[0]
    form_id = _FIELD_OF_KEY.get(top)
    if top == "sources":
        form_id = "source_document" if name.endswith("document") else "source_pages"
    elif top == "profile":
        part = name.split(".")[1] if "." in name else ""
        form_id = f"profile_{part}" if part in profile_names else None
    elif top == "body" and problem.line is not None:
        starts = [line for line in sections if line <= problem.line]
        form_id = sections[max(starts)] if starts else DESCRIPTION
    return by_id[form_id].label if form_id in by_id else GENERAL


def _section_lines(text: str) -> dict[int, str]:
    """The line of each body heading in a rendered file -> the form field it came from."""
    headings = {"## Beskrivning": DESCRIPTION, "## Förutsättningar för att arbetet ska lyckas": SUCCESS_FACTORS, "## Tips": TIPS}
    return {number: headings[line] for number, line in enumerate(text.split("\n"), start=1) if line in headings}


def _advice_for(problems: list[Problem], text: str, form_fields: list[FormField], vocabularies: Vocabularies,
                already: set[str]) -> list[Advice]:
    by_id = {form_field.id: form_field for form_field in form_fields}
    sections = _section_lines(text)
    advice = []
    for problem in problems:
        if problem.severity != ERROR:
            continue
        label = _form_field_of(problem, sections, by_id, set(vocabularies.profile))
        if label in already:
            continue  # the answer's own advice already says what to change
        sv, en = plain(problem.message)
        item = Advice(label, sv, en)
        if item not in advice:
            advice.append(item)
    return advice


def from_issue(root: Path, body: str, vocabularies: Vocabularies) -> Outcome:
    """Read the issue body, and write and check the example it proposes."""
    outcome = _from_issue(root, body, vocabularies)
    # In the order of the form (the issue as a whole first), as the proposer reads it.
    order = {form_field.label: index for index, form_field in enumerate(fields(vocabularies), start=1)}
    outcome.advice.sort(key=lambda advice: order.get(advice.field, 0))
    return outcome


def _from_issue(root: Path, body: str, vocabularies: Vocabularies) -> Outcome:
    form_fields = fields(vocabularies)
    answers, advice = parse_body(body, form_fields)
    if advice:
        return Outcome(advice)
    reading = read_answers(answers, form_fields, vocabularies)
    new = reading.new
    outcome = Outcome(list(reading.advice), title=new.title)
    text = render((root / "templates" / "example.md").read_text(encoding="utf-8"), new)
    swedish = example_paths(root, new, with_english=False)[0]
    display = swedish.relative_to(root).as_posix()
    check = check_file(text.encode("utf-8"), display, "sv", example_schema(vocabularies), vocabularies)
    already = {item.field for item in outcome.advice}
    outcome.advice += _advice_for(check.read_problems + check.problems, text, form_fields, vocabularies, already)
    title_label = form_fields[0].label
    if swedish.exists() and new.municipalities:
        outcome.advice.append(Advice(
            title_label,
            f"Det finns redan ett exempel med filnamnet `{display}` (samma kommun och namn). Ge ditt exempel ett namn som skiljer det "
            "från det som finns, eller skriv i en kommentar vad som ska ändras i det befintliga exemplet.",
            f"There is already an example with the file name `{display}` (same municipality and name). Give yours a name that sets it "
            "apart, or say in a comment what should change in the existing example."))
    if outcome.advice:
        return outcome
    before = _error_set(root, vocabularies)
    try:
        written = create(root, new, vocabularies, with_english=False)
    except ScaffoldError as error:  # written by someone else since the check above
        outcome.advice.append(Advice(title_label, f"Filen kunde inte skrivas: {quote(str(error), 300)}", f"The file could not be written: {quote(str(error), 300)}"))
        return outcome
    new_errors = [problem for problem in _error_set(root, vocabularies) if problem not in before]
    outcome.advice += _advice_for(new_errors, text, form_fields, vocabularies, set())
    if outcome.advice:
        for path in written:
            path.unlink()  # the file this run wrote, and nothing else
        return outcome
    outcome.written = [path.relative_to(root).as_posix() for path in written]
    return outcome


def _error_set(root: Path, vocabularies: Vocabularies) -> set[Problem]:
    return {problem for problem in load_examples(root / "examples", vocabularies, root=root).problems if problem.severity == ERROR}
