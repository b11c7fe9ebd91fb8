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

from mkdocs.plugins import event_priority, get_plugin_logger

from romkb.build_info import build_date, ensure_source_date_epoch, remove_sitemap_without_address

log = get_plugin_logger(__name__)

PLACEHOLDER = "{{ build_date }}"
_not_found_pages: dict[str, str] = {}


def _i18n(config):
    return config.plugins.get("i18n")


def on_config(config):
    ensure_source_date_epoch(Path(config.config_file_path).resolve().parent)
    return config


def on_page_markdown(markdown, page, config, files):
    if PLACEHOLDER in markdown:
        return markdown.replace(PLACEHOLDER, build_date())
    return markdown


def on_post_template(output_content, template_name, config):
    i18n = _i18n(config)
    if template_name == "404.html" and i18n is not None:
        _not_found_pages[i18n.current_language] = output_content
    return output_content


@event_priority(-200)  # after mkdocs-static-i18n has built the other languages
def on_post_build(config):
    i18n = _i18n(config)
    if i18n is None or getattr(i18n, "building", False):
        return  # an inner language pass; the outer pass finishes the job
    page = _not_found_pages.get(getattr(i18n, "default_language", None))
    if page is not None:
        (Path(config.site_dir) / "404.html").write_text(page, encoding="utf-8")
    if remove_sitemap_without_address(Path(config.site_dir), config.site_url):
        log.info("No sitemap: it needs the site's address (set SITE_URL, as the deploy workflow does).")
