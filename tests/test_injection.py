"""Contributed Markdown cannot inject script. The validator (and so the build)
refuses raw <script>, event-handler attributes, javascript: URLs (also written
with character references, tabs or newlines, or across lines), embedding
elements and content from other hosts, in the body and in the front matter;
and no page of the built site has a script that is not the theme's or the
site's own, an on…= attribute or a javascript: URL."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import material
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from romkb.cli import main
from romkb.front_matter import split

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def _real_example() -> tuple[str, str]:
    """The first real example (valid by definition), as front matter text and body."""
    first = sorted(path for path in (ROOT / "examples").glob("*.md") if not path.name.endswith(".en.md"))[0]
    text = first.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return front, body


FRONT, BODY = _real_example()
TITLE_LINE = next(line for line in FRONT.splitlines() if line.startswith("title:"))
NEW_TITLE = "title: Ett nytt exempel för injektionstestet"


def _write(project: Path, front: str, body: str) -> Path:
    path = project / "examples" / "injektion.md"
    path.write_text("---\n" + front + "---\n" + body, encoding="utf-8")
    return path


def _validate(project: Path, path: Path, capsys) -> tuple[int, str]:
    code = main(["validate", "--root", str(project), str(path)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _with_body_line(line: str) -> str:
    """The real body with ``line`` added to its first section's text."""
    head, separator, rest = BODY.partition("\n\n")
    return head + separator + line + "\n\n" + rest


def test_the_unchanged_copy_is_valid(project_copy, capsys):
    """The tests below fail for the payload, not for the copy."""
    path = _write(project_copy, FRONT.replace(TITLE_LINE, NEW_TITLE), BODY)
    assert _validate(project_copy, path, capsys)[0] == 0


@pytest.mark.parametrize(
    "payload, message",
    [
        ("<script>alert(1)</script>", "a <script> tag is not allowed"),
        ('<img src="x" onerror="alert(1)">', "an event-handler attribute (on…=) is not allowed"),
        ("<img src=x\nonerror=alert(1)>", "an event-handler attribute (on…=) is not allowed"),
        ('Text { onclick="alert(1)" }', "an event-handler attribute (on…=) is not allowed"),
        ("[klicka](javascript:alert(1))", "a javascript: (or vbscript:, data:text/html) link is not allowed"),
        ("[klicka](jav&#x61;script:alert(1))", "a javascript: (or vbscript:, data:text/html) link is not allowed"),
        ('<a href="java&#9;script:alert(1)">x</a>', "a javascript: (or vbscript:, data:text/html) link is not allowed"),
        ("[klicka](java\nscript:alert(1))", "a javascript: (or vbscript:, data:text/html) link is not allowed"),
        ("[klicka][1]\n\n[1]: JavaScript:alert(1)", "a javascript: (or vbscript:, data:text/html) link is not allowed"),
        ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "a <script> tag is not allowed"),
        ('<object data="data:text/html;base64,PHNjcmlwdD4="></object>', "the HTML element <object> is not allowed"),
        ('<base href="https://example.org/">', "the HTML element <base> is not allowed"),
        ("![bild](https://example.org/pixel.gif)", "an image or other content loaded from another website is not allowed"),
    ],
)
def test_the_validator_refuses_script_in_the_body(project_copy, capsys, payload, message):
    path = _write(project_copy, FRONT.replace(TITLE_LINE, NEW_TITLE), _with_body_line(payload))
    code, output = _validate(project_copy, path, capsys)
    assert code == 1, output
    assert "examples/injektion.md:" in output and message in output, output
    assert "Traceback" not in output


@pytest.mark.parametrize(
    "title, message",
    [
        ('"<script>alert(1)</script> i skolan"', "the characters < and > are not allowed in front matter"),
        ('"Ett exempel <img src=x onerror=alert(1)>"', "the characters < and > are not allowed in front matter"),
        ('"&lt;script&gt;alert(1)&lt;/script&gt; i skolan"', "the characters < and > are not allowed in front matter"),
        ('"javascript:alert(1) i skolan"', "a javascript: link is not allowed"),
        ('"java&#x73;cript:alert(1) i skolan"', "a javascript: link is not allowed"),
    ],
)
def test_the_validator_refuses_markup_in_the_title(project_copy, capsys, title, message):
    path = _write(project_copy, FRONT.replace(TITLE_LINE, f"title: {title}"), BODY)
    code, output = _validate(project_copy, path, capsys)
    assert code == 1, output
    assert "examples/injektion.md:" in output and "title" in output and message in output, output


def test_the_build_refuses_an_example_with_script(project_copy, tmp_path):
    _write(project_copy, FRONT.replace(TITLE_LINE, NEW_TITLE), _with_body_line('<img src=x onerror="alert(1)">'))
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert "examples/injektion.md" in build.output and "event-handler" in build.output, build.output
    assert not (tmp_path / "site" / "exempel" / "injektion").exists()


# ---- the built site ---------------------------------------------------------


def _theme_inline_scripts() -> list[re.Pattern]:
    """The inline scripts of Material's templates, with each {{ … }} as a wildcard."""
    patterns = []
    for template in [MATERIAL_TEMPLATES / "base.html", *sorted((MATERIAL_TEMPLATES / "partials").rglob("*.html"))]:
        for body in re.findall(r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.S):
            parts = re.split(r"\{\{.*?\}\}", body.strip(), flags=re.S)
            patterns.append(re.compile("[^<]*?".join(re.escape(part) for part in parts), re.S))
    assert patterns
    return patterns


def _own_script(site: Path, path: str) -> bool:
    """A script file of the theme or the site: under assets/, in the built site,
    and shipped by Material or kept in overrides/."""
    if not path.startswith("/assets/") or not (site / path.lstrip("/")).is_file():
        return False
    relative = path.lstrip("/")
    return (MATERIAL_TEMPLATES / relative).is_file() or (ROOT / "overrides" / relative).is_file()


SCRIPT_URL = re.compile(r"^(?:javascript|vbscript|data:text/html)", re.I)
EMBEDDING = ("script", "iframe", "frame", "object", "embed", "applet", "base", "meta", "link", "style")  # a <form> is the filters of the examples index


def test_no_script_from_content_reaches_the_built_site(built_site):
    site = built_site.site
    inline = _theme_inline_scripts()
    problems = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for html in pages:
        relative = html.relative_to(site).as_posix()
        page_url = "/" + relative
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            if script.get("src"):
                path = unquote(urlsplit(urljoin(page_url, script["src"])).path)
                if not _own_script(site, path):
                    problems.append(f"{relative}: <script src={script['src']}> is not the theme's or the site's")
            elif script.get("type") == "application/json" and script.get("id") == "__config":
                json.loads(script.string or "")  # Material's configuration: data, not code
            elif not any(pattern.fullmatch((script.string or "").strip()) for pattern in inline):
                problems.append(f"{relative}: inline <script> not from the theme: {(script.string or '')[:80]!r}")
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                if name.lower().startswith("on"):
                    problems.append(f"{relative}: <{element.name} {name}=…>")
                values = value if isinstance(value, list) else [value]
                for item in values:
                    if SCRIPT_URL.match(re.sub(r"[\x00-\x20]", "", str(item))):
                        problems.append(f"{relative}: <{element.name} {name}={str(item)[:40]!r}>")
        article = soup.select_one("article.md-content__inner")
        if article is not None:
            for element in article.find_all(EMBEDDING):
                problems.append(f"{relative}: <{element.name}> inside the page's content")
    assert problems == []


def test_the_real_examples_carry_no_markup_the_validator_refuses():
    """The same rules hold for the content as it is today (the validator's view)."""
    from romkb.body import unsafe_markup

    for path in sorted((ROOT / "examples").glob("*.md")):
        document = split(str(path), path.read_text(encoding="utf-8"))
        assert unsafe_markup(path.name, document.body, document.body_line) == [], path.name
