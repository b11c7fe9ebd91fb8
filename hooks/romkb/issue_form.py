"""The issue form "Föreslå ett praktikexempel" (.github/ISSUE_TEMPLATE/foresla-exempel.yml).

The form is made from ``data/`` by ``romkb issue-form``, so that its themes,
target groups, municipalities, sources and profile levels cannot drift from
the vocabularies; a test checks that the committed form is the one made here.
``romkb from-issue`` (from_issue.py) reads an issue made with the form by the
same field definitions: the labels below are the headings GitHub writes into
the issue's body (``### <label>``), and the option labels are what it writes
for a choice.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from .vocabulary import NOT_STATED, Vocabularies

FORM_PATH = ".github/ISSUE_TEMPLATE/foresla-exempel.yml"
ISSUE_LABEL = "nytt exempel"  # the workflow runs only on issues with this label

INPUT, TEXTAREA, DROPDOWN, CHECKBOXES = "input", "textarea", "dropdown", "checkboxes"
REVIEW_FIELD = "review_status"  # set by an editor (romkb review), never by the proposer


@dataclass(frozen=True)
class FormField:
    """One field of the form. ``options`` are (label shown, vocabulary id)."""

    id: str
    kind: str
    label: str
    description: str
    what_sv: str  # what to write, for the messages to the proposer
    what_en: str
    required: bool = False
    options: tuple[tuple[str, str], ...] = ()
    default: int | None = None

    def option_id(self, label: str) -> str | None:
        return next((option_id for option_label, option_id in self.options if option_label == label), None)


def _both(sv: str, en: str) -> str:
    return f"{sv} / {en}"


def source_label(document) -> str:
    return f"{document.title} ({document.publisher}, {document.year})"


CONFIRMATION = FormField(
    "confirmation", CHECKBOXES, "Bekräftelse / Confirmation", "", "kryssa i rutan", "tick the box",
    options=(("Uppgifterna finns i källan, texten är skriven med egna ord och inga privatpersoner namnges. / "
              "The facts are in the source, the text is in my own words and no private person is named.", "confirmed"),))


def fields(vocabularies: Vocabularies) -> list[FormField]:
    """The form's fields, in the order of the form."""
    themes = tuple((_both(term.sv, term.en), key) for key, term in vocabularies.themes.items())
    names = ", ".join(item.name for item in sorted(vocabularies.municipalities.values(), key=lambda item: item.name))
    result = [
        FormField("title", INPUT, "Aktivitetens namn / Name of the activity",
                  "Som källan kallar den (3–120 tecken). / As the source calls it (3–120 characters).",
                  "aktivitetens namn, som källan kallar den", "the activity's name, as the source calls it", required=True),
        FormField("municipalities", INPUT, "Kommun eller kommuner / Municipality or municipalities",
                  "Kommunens namn, t.ex. Lund; flera skiljs med kommatecken. Kommuner i kunskapsbanken: "
                  f"{names}. Saknas kommunen? Skriv det i en kommentar, så lägger en redaktör till den. / "
                  "The municipality's name, e.g. Lund; separate several with commas. Is it missing from the list? "
                  "Say so in a comment and an editor adds it.",
                  "kommunens namn, t.ex. Lund", "the municipality's name, e.g. Lund", required=True),
        FormField("main_theme", DROPDOWN, "Huvudtema / Main theme",
                  "Det tema som arbetet främst handlar om. / What the practice is mainly about.",
                  "välj ett huvudtema i listan", "choose a main theme from the list", required=True, options=themes),
        FormField("more_themes", CHECKBOXES, "Fler teman / More themes",
                  "Frivilligt: andra teman som arbetet också hör till. / Optional: other themes it also belongs to.",
                  "kryssa i andra teman, eller inga", "tick other themes, or none", options=themes),
        FormField("target_groups", CHECKBOXES, "Målgrupper / Target groups",
                  "Vilka arbetet riktar sig till. Kryssa i minst en. / Who the practice is for. Tick at least one.",
                  "kryssa i minst en målgrupp", "tick at least one target group",
                  options=tuple((_both(term.sv, term.en), key) for key, term in vocabularies.target_groups.items())),
        FormField("summary", TEXTAREA, "Sammanfattning i en mening / Summary in one sentence",
                  "En mening med egna ord (20–400 tecken). / One sentence in your own words (20–400 characters).",
                  "en mening med egna ord", "one sentence in your own words", required=True),
        FormField("description", TEXTAREA, "Beskrivning / Description",
                  "Bakgrund, vad kommunen gjorde, med vilka och vad det ledde till; bara sådant som källan säger. "
                  "Vanlig text, inga rubriker. / Background, what the municipality did, with whom and what came of it; "
                  "only what the source says. Plain text, no headings.",
                  "en beskrivning med egna ord, bara sådant som källan säger",
                  "a description in your own words, only what the source says", required=True),
        FormField("success_factors", TEXTAREA, "Förutsättningar för att arbetet ska lyckas / Conditions for success",
                  "En per rad. Lämna tomt om källan inte nämner några. / One per line. Leave empty if the source names none.",
                  "en förutsättning per rad", "one condition per line"),
        FormField("tips", TEXTAREA, "Tips / Tips",
                  "Ett per rad. Lämna tomt om källan inte ger några. / One per line. Leave empty if the source gives none.",
                  "ett tips per rad", "one tip per line"),
        FormField("partners", TEXTAREA, "Samarbetspartner / Partners",
                  "Organisationer som källan nämner, en per rad; inga privatpersoner. / "
                  "Organisations the source names, one per line; no private persons.",
                  "en organisation per rad", "one organisation per line"),
        FormField("period", INPUT, "Period / Period",
                  "När arbetet pågick, bara om källan säger det, t.ex. 2016–2020. / When it ran, only if the source says, e.g. 2016–2020.",
                  "när arbetet pågick, t.ex. 2016–2020", "when it ran, e.g. 2016–2020"),
        FormField("source_document", DROPDOWN, "Källa / Source",
                  "Dokumentet som uppgifterna kommer från. Finns det inte i listan? Skriv titel, utgivare och år i en "
                  "kommentar, så lägger en redaktör till det. / The document the facts come from. Not in the list? "
                  "Give its title, publisher and year in a comment and an editor adds it.",
                  "välj dokumentet i listan", "choose the document from the list", required=True,
                  options=tuple((source_label(document), key) for key, document in vocabularies.sources.items())),
        FormField("source_pages", INPUT, "Sidor i källan / Pages in the source",
                  "Sidorna där uppgifterna står, t.ex. 17–19. / The pages with the facts, e.g. 17–19.",
                  "sidorna i källan, t.ex. 17–19", "the pages in the source, e.g. 17–19", required=True),
    ]
    for name, profile_field in vocabularies.profile.items():
        if name == REVIEW_FIELD:
            continue
        levels = [(_both(level.sv, level.en), key) for key, level in profile_field.levels.items()]
        if profile_field.multiple:
            result.append(FormField(
                f"profile_{name}", CHECKBOXES, _both(profile_field.sv, profile_field.en),
                "Kryssa bara i det som källan säger; inget ikryssat betyder ej angivet. / "
                "Tick only what the source says; nothing ticked means not stated.",
                "kryssa bara i det som källan säger", "tick only what the source says",
                options=tuple(level for level in levels if level[1] != NOT_STATED)))
        else:
            result.append(FormField(
                f"profile_{name}", DROPDOWN, _both(profile_field.sv, profile_field.en),
                "Välj bara det som källan säger; säger den inget, låt Ej angivet stå. / "
                "Choose only what the source says; if it says nothing, leave Not stated.",
                "välj det som källan säger, eller Ej angivet", "choose what the source says, or Not stated",
                options=tuple(levels), default=[key for _, key in levels].index(NOT_STATED)))
    result.append(FormField(
        "contact_role", INPUT, "Roll att kontakta / Role to contact",
        "Frivilligt: en roll, t.ex. Samordnare för nationella minoriteter; aldrig en persons namn. / "
        "Optional: a role, e.g. Coordinator for national minorities; never a person's name.",
        "en roll, aldrig en persons namn", "a role, never a person's name"))
    result.append(CONFIRMATION)
    return result


def form(vocabularies: Vocabularies) -> dict:
    """The issue form as GitHub's issue-forms YAML, as a mapping."""
    body: list[dict] = [{"type": "markdown", "attributes": {"value": (
        "Tack för att du delar ett exempel! När du skickar formuläret gör en automatisk kontroll om det till en fil. "
        "Saknas något svarar den här i ärendet med vad som ska ändras: redigera då ärendet, så körs kontrollen igen. "
        "Är allt i ordning öppnas en pull request som en redaktör granskar mot källan innan exemplet publiceras. "
        "Varje uppgift behöver en källa. Namnge inga privatpersoner.\n\n"
        "Thank you for sharing an example! When you submit the form, an automatic check turns it into a file. "
        "If something is missing it replies here with what to change: edit the issue and the check runs again. "
        "If all is well it opens a pull request, which an editor reviews against the source before the example "
        "is published. Every fact needs a source. Name no private persons.\n")}}]
    for form_field in fields(vocabularies):
        attributes: dict = {"label": form_field.label}
        if form_field.description:
            attributes["description"] = form_field.description
        if form_field.kind in (DROPDOWN, CHECKBOXES):
            key = "options"
            attributes[key] = ([label for label, _ in form_field.options] if form_field.kind == DROPDOWN
                               else [{"label": label, **({"required": True} if form_field is CONFIRMATION else {})}
                                     for label, _ in form_field.options])
            if form_field.default is not None:
                attributes["default"] = form_field.default
        element: dict = {"type": form_field.kind, "id": form_field.id, "attributes": attributes}
        if form_field.required:
            element["validations"] = {"required": True}
        body.append(element)
    return {
        "name": "Föreslå ett praktikexempel / Propose a practice example",
        "description": "För dig som inte använder Git: formuläret blir en fil som en redaktör granskar. / "
                       "For you who do not use Git: the form becomes a file that an editor reviews.",
        "title": "Nytt exempel: ",
        "labels": [ISSUE_LABEL],
        "body": body,
    }


def form_yaml(vocabularies: Vocabularies) -> str:
    header = ("# Made by `romkb issue-form` from data/ (themes, target groups, municipalities,\n"
              "# sources, profile): do not edit by hand; change data/ or romkb/issue_form.py\n"
              "# and run `romkb issue-form`. `romkb from-issue` reads issues made with it.\n")
    return header + yaml.safe_dump(form(vocabularies), allow_unicode=True, sort_keys=False, width=100)
