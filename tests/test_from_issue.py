"""`romkb from-issue` on issue bodies as GitHub writes them for the form
(tests/issue_bodies/), and `romkb review`: each body yields either the right
example files, checked by building a throw-away copy of the project with them,
or the right comment, naming the form's fields."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, romkb, run_build
from romkb.from_issue import COMMENT_MARKER, from_issue
from romkb.issue_form import fields
from romkb.vocabulary import load_vocabularies

BODIES = Path(__file__).parent / "issue_bodies"
VOCABULARIES = load_vocabularies(ROOT / "data")
LABELS = {form_field.id: form_field.label for form_field in fields(VOCABULARIES)}


def body(name: str) -> str:
    return (BODIES / name).read_text(encoding="utf-8")


@pytest.fixture
def project(project_with_templates: Path) -> Path:
    return project_with_templates


def examples_of(project: Path) -> set[str]:
    return {path.name for path in (project / "examples").iterdir()}


def advice_by_field(comment: str) -> dict[str, str]:
    """The comment's text under each bold field label."""
    parts = re.split(r"^\*\*(.+)\*\*$", comment, flags=re.M)
    return {parts[index]: parts[index + 1] for index in range(1, len(parts), 2)}


def test_complete_and_sparse_proposals_are_published_on_their_pages(project, tmp_path):
    """The done-criterion: a realistic submission becomes a valid example that
    the strict build publishes on its theme, municipality and checklist pages;
    one with "_No response_" in every optional field does too. The editor's
    `romkb review` then marks the first reviewed, and the page says so."""
    body_file = tmp_path / "complete.md"
    body_file.write_text(body("complete.md"), encoding="utf-8")
    created = romkb(project, "from-issue", "--body-file", str(body_file), "--report", str(tmp_path / "report.md"))
    assert created.returncode == 0, created.stdout + created.stderr
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert report.startswith(COMMENT_MARKER + "\n") and "`examples/lund-laxhjalp-pa-biblioteket.md`" in report
    swedish = project / "examples" / "lund-laxhjalp-pa-biblioteket.md"
    text = swedish.read_text(encoding="utf-8")
    # Facts from the choices, free text as written.
    for line in ("municipalities: [lund]", "themes: [utbildning, kultur-och-sprak]", "target_groups: [elever, foraldrar]",
                 '  - "Romska föreningen i Lund (RFL)"', 'period: "2019–2021"', "  - document: romsk-inkludering-i-praktiken",
                 '    pages: "21–23"', "  maturity: flera-ar", "  staff: [brobyggare]", "  funding: [statsbidrag]",
                 "  review_status: ej-granskad", 'contact_role: "Samordnare för nationella minoriteter"',
                 "- En brobyggare som föräldrarna litar på.", "- Bjud in föräldrarna till ett första möte."):
        assert line in text.split("\n"), line
    assert not (project / "examples" / "lund-laxhjalp-pa-biblioteket.en.md").exists()  # the English page falls back

    sparse = romkb(project, "from-issue", "--body-file", str(BODIES / "no-response.md"))
    assert sparse.returncode == 0, sparse.stdout + sparse.stderr
    sparse_text = (project / "examples" / "goteborg-samtalsgrupp-for-aldre.md").read_text(encoding="utf-8")
    assert "\npartners:" not in sparse_text and "\nperiod:" not in sparse_text and "\ncontact_role:" not in sparse_text
    assert "## Tips" not in sparse_text and "## Förutsättningar" not in sparse_text
    assert "  maturity: ej-angivet" in sparse_text and "  staff: [ej-angivet]" in sparse_text and "  funding: [ej-angivet]" in sparse_text
    assert "themes: [halsa-social-omsorg-och-trygghet]" in sparse_text
    assert "  continuation: ej-angivet" in sparse_text  # the dropdown answered "None"

    reviewed = romkb(project, "review", "lund-laxhjalp-pa-biblioteket", "--date", "2026-12-01")
    assert reviewed.returncode == 0, reviewed.stderr
    after_review = swedish.read_text(encoding="utf-8")
    assert "  review_status: granskad-mot-kallan\nlast_reviewed: \"2026-12-01\"\n" in after_review
    assert after_review.replace("granskad-mot-kallan\nlast_reviewed: \"2026-12-01\"", "ej-granskad") == text  # nothing else changed

    validated = romkb(project, "validate")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    site = tmp_path / "site"
    for slug, title, pages in (
        ("lund-laxhjalp-pa-biblioteket", "Läxhjälp på biblioteket", ("teman/utbildning", "teman/kultur-och-sprak", "kommuner/lund", "exempel")),
        ("goteborg-samtalsgrupp-for-aldre", "Samtalsgrupp för äldre", ("teman/halsa-social-omsorg-och-trygghet", "kommuner/goteborg", "exempel")),
    ):
        for prefix in ("", "en/"):
            for page in pages:
                soup = BeautifulSoup((site / prefix / page / "index.html").read_text(encoding="utf-8"), "html.parser")
                links = [a for a in soup.select("article a[href]") if a["href"].rstrip("/").endswith(slug)]
                assert links and links[0].get_text(strip=True) == title, (prefix, page, slug)
    for prefix in ("", "en/"):
        checklist = BeautifulSoup((site / prefix / "tipslista" / "index.html").read_text(encoding="utf-8"), "html.parser")
        tips = [label.get_text(" ", strip=True) for label in checklist.select("ul.kb-checklist label")]
        assert tips.count("Bjud in föräldrarna till ett första möte.") == 1, prefix
    page = BeautifulSoup((site / "exempel" / "lund-laxhjalp-pa-biblioteket" / "index.html").read_text(encoding="utf-8"), "html.parser")
    profile = page.select_one(".kb-profile").get_text(" ", strip=True)
    assert "Granskad mot källan (2026-12-01)" in profile and "Pågått i flera år" in profile


def test_windows_line_endings_give_the_same_file(project, tmp_path):
    unix = from_issue(project, body("complete.md"), VOCABULARIES)
    assert unix.exit_code == 0 and unix.written == ["examples/lund-laxhjalp-pa-biblioteket.md"]
    expected = (project / "examples" / "lund-laxhjalp-pa-biblioteket.md").read_bytes()
    (project / "examples" / "lund-laxhjalp-pa-biblioteket.md").unlink()
    windows = body("complete.md").replace("\n", "\r\n")
    assert windows.count("\r\n") > 100
    outcome = from_issue(project, windows, VOCABULARIES)
    assert outcome.exit_code == 0, outcome.markdown()
    written = (project / "examples" / "lund-laxhjalp-pa-biblioteket.md").read_bytes()
    assert b"\r" not in written and written == expected


def test_misspelt_municipality_is_named_by_its_field_with_the_validators_suggestion(project, tmp_path):
    before = examples_of(project)
    body_file = tmp_path / "misspelt.md"
    body_file.write_text(body("complete.md").replace("\nLunds kommun\n", "\nLundd, Göteborgg\n"), encoding="utf-8")
    result = romkb(project, "from-issue", "--body-file", str(body_file))
    assert result.returncode == 1
    comment = result.stdout
    assert comment.startswith(COMMENT_MARKER + "\n")
    advice = advice_by_field(comment)
    assert list(advice) == [LABELS["municipalities"]]
    assert "`Lundd` finns inte bland kunskapsbankens kommuner. Menade du Lund?" in advice[LABELS["municipalities"]]
    assert "`Göteborgg` is not among the knowledge base's municipalities. Did you mean Göteborg?" in advice[LABELS["municipalities"]]
    assert examples_of(project) == before, "nothing is written for a proposal with problems"
    assert "nothing was written" in result.stderr


def test_script_and_html_in_every_text_field_are_refused_field_by_field(project):
    before = examples_of(project)
    outcome = from_issue(project, body("markup-everywhere.md"), VOCABULARIES)
    assert outcome.exit_code == 1 and not outcome.written
    assert examples_of(project) == before
    comment = outcome.markdown()
    advice = advice_by_field(comment)
    expected = {
        "title": "Tecknen `<` och `>` går inte att använda i det här fältet",
        "municipalities": "`Lund<img src=x onerror=alert(1)>` finns inte bland kunskapsbankens kommuner",
        "summary": "Tecknen `<` och `>` går inte att använda i det här fältet",
        "description": "Ta bort `<script>`: exemplen är vanlig text.",
        "success_factors": "Ta bort HTML-elementet `<iframe>`",
        "tips": "Länkar som börjar med `javascript:`",
        "partners": "Tecknen `<` och `>`",
        "period": "Tecknen `<` och `>`",
        "source_pages": "Tecknen `<` och `>`",
        "contact_role": "Tecknen `<` och `>`",
    }
    for form_id, words in expected.items():
        assert words in advice.get(LABELS[form_id], ""), (form_id, advice.get(LABELS[form_id]))
    assert set(advice) == {LABELS[form_id] for form_id in expected}
    # The proposer's markup comes back only inside code spans: GitHub shows it as text.
    outside_code = re.sub(r"`[^`\n]*`", "", comment)
    assert "<" not in outside_code.replace(COMMENT_MARKER, "")


def test_an_empty_required_field_and_no_target_group_are_named(project):
    text = body("complete.md")
    text = re.sub(r"(### Sammanfattning i en mening / Summary in one sentence\n\n).*?\n", r"\1_No response_\n", text)
    text = text.replace("- [X] Elever / Pupils", "- [ ] Elever / Pupils").replace("- [X] Föräldrar", "- [ ] Föräldrar")
    outcome = from_issue(project, text, VOCABULARIES)
    advice = advice_by_field(outcome.markdown())
    assert "Fältet är tomt: skriv en mening med egna ord." in advice[LABELS["summary"]]
    assert "Nothing is ticked: tick at least one target group." in advice[LABELS["target_groups"]]
    assert set(advice) == {LABELS["summary"], LABELS["target_groups"]}


def test_a_short_summary_gets_the_validators_length_in_plain_words(project):
    text = body("no-response.md").replace(
        "Göteborgs stad samlar äldre romer till samtal om hälsa och vård en gång i veckan.", "Samtal.")
    advice = advice_by_field(from_issue(project, text, VOCABULARIES).markdown())
    assert advice == {LABELS["summary"]: "\n\n- Texten är för kort: skriv minst 20 tecken.  \n  *The text is too short: write at least 20 characters.*\n"}


def test_a_taken_file_name_is_told_and_nothing_is_overwritten(project):
    existing = (project / "examples" / "haninge-traffpunkt.md").read_bytes()
    text = body("complete.md").replace("\nLäxhjälp på biblioteket\n", "\nTräffpunkt\n").replace("\nLunds kommun\n", "\nHaninge\n")
    outcome = from_issue(project, text, VOCABULARIES)
    assert outcome.exit_code == 1
    advice = advice_by_field(outcome.markdown())
    assert list(advice) == [LABELS["title"]]
    assert "Det finns redan ett exempel med filnamnet `examples/haninge-traffpunkt.md`" in advice[LABELS["title"]]
    assert (project / "examples" / "haninge-traffpunkt.md").read_bytes() == existing


def test_a_title_used_by_another_example_is_told_and_the_new_file_removed(project):
    before = examples_of(project)
    text = body("complete.md").replace("\nLäxhjälp på biblioteket\n", "\nTräffpunkt\n")
    outcome = from_issue(project, text, VOCABULARIES)
    assert outcome.exit_code == 1 and not outcome.written
    advice = advice_by_field(outcome.markdown())
    assert list(advice) == [LABELS["title"]]
    assert "Det finns redan ett exempel med samma namn (`examples/haninge-traffpunkt.md`)" in advice[LABELS["title"]]
    assert examples_of(project) == before


def test_a_body_not_made_with_the_form_and_an_unreadable_file(project, tmp_path):
    outcome = from_issue(project, "Hej! Jag har ett bra exempel från Lund.\r\n", VOCABULARIES)
    assert outcome.exit_code == 1
    assert "**Ärendet / The issue**" in outcome.markdown() and "öppna ett nytt ärende med formuläret" in outcome.markdown()
    missing = romkb(project, "from-issue", "--body-file", str(tmp_path / "nope.md"))
    assert missing.returncode == 2 and "cannot read the issue body" in missing.stderr and "Traceback" not in missing.stderr


def test_review_refuses_an_unknown_slug_and_an_invalid_file(project):
    unknown = romkb(project, "review", "lund-finns-inte")
    assert unknown.returncode == 1 and "examples/lund-finns-inte.md: no such example" in unknown.stderr
    path = project / "examples" / "haninge-traffpunkt.md"
    broken = path.read_text(encoding="utf-8").replace("themes: [halsa-social-omsorg-och-trygghet]", "themes: [halsa]")
    path.write_text(broken, encoding="utf-8")
    refused = romkb(project, "review", "haninge-traffpunkt", "--date", "2027-01-01")
    assert refused.returncode == 1 and "was not marked reviewed" in refused.stderr and "'halsa' is not a known theme" in refused.stderr
    assert path.read_text(encoding="utf-8") == broken
    bad_date = romkb(project, "review", "haninge-traffpunkt", "--date", "1 januari")
    assert bad_date.returncode == 2 and "write YYYY-MM-DD" in bad_date.stderr
