"""MkDocs hook: reproducible dates and the language of the 404 page.

* Sets ``SOURCE_DATE_EPOCH`` from the last git commit (unless already set), so
  that MkDocs' dates (sitemap ``<lastmod>``, the gzip header of
  ``sitemap.xml.gz``) come from git, not the clock: two builds of one commit
  are byte-identical.
* Replaces ``{{ build_date }}`` in a page's Markdown with that date (YYYY-MM-DD);
  the accessibility statement uses it.
* Without ``site_url`` (a local build, the offline copy) no sitemap is
  published: MkDocs would fill it with "None" instead of addresses.
* mkdocs-static-i18n writes ``404.html`` once per language into the same place,
  so the last language built (English) wins; the site's root is Swedish, so the
  Swedish 404 page is put back after the last language pass.

The logic lives in ``romkb.build_info`` (no MkDocs imports there).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from romkb.build_info import build_date, ensure_source_date_epoch, remove_sitemap_without_address

log = get_plugin_logger(__name__)

PLACEHOLDER = "{{ build_date }}"


class BuildDetails:
    """The 404 page of each language, kept from the language passes of one build."""

    def __init__(self) -> None:
        self.not_found_pages: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        ensure_source_date_epoch(Path(config.config_file_path).resolve().parent)
        return config

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if PLACEHOLDER in markdown:
            return markdown.replace(PLACEHOLDER, build_date())
        return markdown

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        i18n = config.plugins.get("i18n")
        if template_name == "404.html" and i18n is not None:
            self.not_found_pages[i18n.current_language] = output_content
        return output_content

    @event_priority(-200)  # after mkdocs-static-i18n has built the other languages
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        i18n = config.plugins.get("i18n")
        if i18n is None or getattr(i18n, "building", False):
            return  # an inner language pass; the outer pass finishes the job
        page = self.not_found_pages.pop(getattr(i18n, "default_language", ""), None)
        self.not_found_pages.clear()
        if page is not None:
            (Path(config.site_dir) / "404.html").write_text(page, encoding="utf-8")
        if remove_sitemap_without_address(Path(config.site_dir), config.site_url):
            log.info("No sitemap: it needs the site's address (set SITE_URL, as the deploy workflow does).")


DETAILS = BuildDetails()

# The events MkDocs calls (a hook is a module: its functions are the events).
on_config = DETAILS.on_config
on_page_markdown = DETAILS.on_page_markdown
on_post_template = DETAILS.on_post_template
on_post_build = DETAILS.on_post_build
