"""The data of the download widget (``overrides/partials/kb/download.html``):
which PDFs a page offers. The PDFs are written after the build, so MkDocs
cannot resolve a Markdown link to them; the widget gets their built URLs."""

from __future__ import annotations

from .pdf_plan import PdfIndex, PdfPlanEntry
from .site_paths import built_url, theme_path
from .ui_text import text


class Downloads:
    def __init__(self, pdfs: PdfIndex, theme_title, directory_urls: bool):
        self.pdfs = pdfs
        self.theme_title = theme_title  # (theme, language) -> the theme page's title
        self.directory_urls = directory_urls

    def _pdf(self, entry: PdfPlanEntry, language: str, label: str) -> dict:
        return {"url": built_url(entry.page_path, language, self.directory_urls), "label": label, "pdf": True}

    def _theme_label(self, entry: PdfPlanEntry, language: str) -> str:
        title = self.theme_title(entry.theme, language)
        if entry.parts > 1:
            return text(language, "download_theme_part_pdf", theme=title, part=entry.part, parts=entry.parts)
        return text(language, "download_theme_pdf", theme=title)

    def for_page(self, language: str, example_slug: str | None = None) -> dict:
        """The whole knowledge base when it has a PDF (pdf_plan); else an
        example's page offers the part of its main theme's PDF that holds it,
        and other pages list the themes' PDFs: a theme in one PDF by a link to
        it, a theme in parts by a link to the list of its parts on the theme's
        page (one line per theme however large the knowledge base grows)."""
        whole = self.pdfs.whole(language)
        if whole is not None:
            return {"links": [self._pdf(whole, language, text(language, "download_pdf"))]}
        entry = self.pdfs.for_example(language, example_slug) if example_slug else None
        if entry is not None:
            return {"links": [self._pdf(entry, language, self._theme_label(entry, language))]}
        links = []
        for theme in self.pdfs.themes(language):
            parts = self.pdfs.theme_parts(language, theme)
            if len(parts) == 1:
                links.append(self._pdf(parts[0], language, self._theme_label(parts[0], language)))
            else:
                label = text(language, "theme_pdf_parts", theme=self.theme_title(theme, language), parts=len(parts))
                links.append({"url": built_url(theme_path(theme), language, self.directory_urls), "anchor": "pdf", "label": label, "pdf": False})
        return {"intro": text(language, "download_theme_pdfs"), "links": links}

    def for_theme(self, language: str, theme: str) -> dict | None:
        """The theme page's link to its PDF, or the list of its parts (id ``pdf``)."""
        parts = self.pdfs.theme_parts(language, theme)
        if not parts:
            return None
        links = [self._pdf(entry, language, self._theme_label(entry, language)) for entry in parts]
        return {"links": links} if len(links) == 1 else {"id": "pdf", "links": links}
