"""The fixed texts of the print document, per language."""

from __future__ import annotations

PRINT_TEXT = {
    "sv": {
        "subtitle": "Praktikexempel, tips och förutsättningar för att lyckas från kommuner som arbetar med romsk inkludering",
        "edition": "Utgåva {date}",
        "version": "Version {version}",
        "contents": "Innehåll",
        "about": "Om kunskapsbanken",
        "checklist_note": "Bocka av det ni har gjort. Sidhänvisningen visar var tipset kommer ifrån.",
        "page": "s.",
        "see_also": "Exempel med detta som bitema",
        "imprint": "Om den här utskriften",
        "imprint_text": "Den här PDF-filen skapas automatiskt från kunskapsbanken Romsk inkludering i praktiken vid varje bygge av webbplatsen. Den innehåller alla praktikexempel, temasidornas tips och tipslistan. Innehållet bygger på källorna nedan; varje exempel anger vilken källa och vilka sidor det bygger på.",
        "all_sources": "Källor",
        "author": "Romsk inkludering i praktiken – kunskapsbanken",
        "part": "Del {part} av {parts}",
        "part_note": "Den här filen är del {part} av {parts} av temat {theme}; de andra delarna finns att ladda ner från temasidan på webbplatsen.",
    },
    "en": {
        "subtitle": "Practice examples, tips and conditions for success from municipalities working for Roma inclusion",
        "edition": "Edition {date}",
        "version": "Version {version}",
        "contents": "Contents",
        "about": "About the knowledge base",
        "checklist_note": "Tick off what you have done. The page reference shows where the tip comes from.",
        "page": "p.",
        "see_also": "Examples with this as a secondary theme",
        "imprint": "About this document",
        "imprint_text": "This PDF is made automatically from the knowledge base Roma inclusion in practice at every build of the website. It holds every practice example, the tips of the theme pages and the tips checklist. The content builds on the sources below; each example names the source and pages it draws on.",
        "all_sources": "Sources",
        "author": "Roma inclusion in practice – the knowledge base",
        "part": "Part {part} of {parts}",
        "part_note": "This file is part {part} of {parts} of the theme {theme}; the other parts can be downloaded from the theme's page on the website.",
    },
}

SITE_TITLES = {"sv": "Romsk inkludering i praktiken", "en": "Roma inclusion in practice"}


def print_text(language: str) -> dict[str, str]:
    return PRINT_TEXT[language]


def site_title(language: str) -> str:
    return SITE_TITLES[language]
