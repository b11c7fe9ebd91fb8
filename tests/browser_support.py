"""Helpers for the browser tests: serve a built site on 127.0.0.1, start
Debian's Chromium under Playwright (never a downloaded browser), run axe-core,
and the list of page types the tests visit in each language."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# No background traffic: Chromium looks up Google's hosts even headless; every
# name except 127.0.0.1 resolves to nothing, so nothing can leave the machine.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

LANGUAGES = {"sv": "", "en": "en/"}


def page_types() -> dict[str, str]:
    """Page type -> path (Swedish; English under en/). The example and its
    municipality are picked from examples/, so renamed seeds do not break this."""
    import yaml

    first = sorted(path for path in (ROOT / "examples").glob("*.md") if not path.name.endswith(".en.md"))[0]
    meta = yaml.safe_load(first.read_text(encoding="utf-8").split("---\n", 2)[1])
    return {
        "start": "",
        "example": f"exempel/{first.stem}/",
        "theme": f"teman/{meta['themes'][0]}/",
        "municipality": f"kommuner/{meta['municipalities'][0]}/",
        "examples index": "exempel/",
        "themes index": "teman/",
        "municipality index": "kommuner/",
        "target groups": "malgrupper/",
        "checklist": "tipslista/",
        "background": "bakgrund/strategin/",
        "accessibility statement": "om/tillganglighet/",
        "privacy": "om/integritet/",
    }


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 on a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@contextlib.contextmanager
def launch_chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium (bash .ci/run does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def run_axe(page) -> list[dict]:
    """axe-core's violations on the page as it is now (WCAG 2.0/2.1 A+AA and best practice)."""
    if not AXE.exists():
        raise RuntimeError(f"{AXE.relative_to(ROOT)} is missing: run 'npm ci' (bash .ci/run does)")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " — " + (n.failureSummary || "").replace(/\\s+/g, " ")),
            }));
        }""",
        AXE_TAGS,
    )


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines += [f"    {node[:300]}" for node in violation["nodes"][:5]]
    return "\n".join(lines)
