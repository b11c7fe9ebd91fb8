"""Open data: the catalogue as JSON, CSV and an Atom feed, built from the same
catalogue as the pages. Deterministic: sorted, dates from git."""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .catalogue import Catalogue
from .examples import Example
from .git_dates import FileDates
from .vocabulary import LANGUAGES

OPEN_DATA_FOLDER = "oppna-data"
EXAMPLES_JSON = f"{OPEN_DATA_FOLDER}/examples.json"
EXAMPLES_CSV = f"{OPEN_DATA_FOLDER}/examples.csv"
MUNICIPALITIES_JSON = f"{OPEN_DATA_FOLDER}/municipalities.json"
FEED = f"{OPEN_DATA_FOLDER}/examples.atom"
LICENSE = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
FEED_ID = "tag:romsk-inkludering-i-praktiken,2020:examples"


def example_url(slug: str, language: str) -> str:
    """The example's address relative to the site's root."""
    return f"exempel/{slug}/" if language == "sv" else f"{language}/exempel/{slug}/"


def example_record(catalogue: Catalogue, example: Example, dates: FileDates | None) -> dict:
    vocabularies = catalogue.vocabularies
    texts = {language: example.text(language) for language in LANGUAGES}
    return {
        "slug": example.slug,
        "title": {language: texts[language].title for language in LANGUAGES},
        "summary": {language: texts[language].summary for language in LANGUAGES},
        "translated": {language: texts[language].translated for language in LANGUAGES},
        "municipalities": [{"id": m, "name": vocabularies.municipalities[m].name, "county": vocabularies.municipalities[m].county} for m in example.municipalities],
        "themes": [{"id": t, "sv": vocabularies.themes[t].sv, "en": vocabularies.themes[t].en} for t in example.themes],
        "target_groups": [{"id": g, "sv": vocabularies.target_groups[g].sv, "en": vocabularies.target_groups[g].en} for g in example.target_groups],
        "partners": {language: texts[language].partners for language in LANGUAGES},
        "period": {language: texts[language].period for language in LANGUAGES},
        "sources": [{"document": ref.document, "title": vocabularies.sources[ref.document].title, "pages": ref.pages} for ref in example.sources],
        "profile": example.profile,
        "last_reviewed": example.last_reviewed,
        "builds_on": example.builds_on,
        "url": {language: example_url(example.slug, language) for language in LANGUAGES},
        "date_added": dates.added if dates else None,
        "last_updated": dates.updated if dates else None,
    }


def examples_json(catalogue: Catalogue, dates: dict[str, FileDates]) -> str:
    records = [example_record(catalogue, example, dates.get(f"examples/{example.slug}.md")) for example in sorted(catalogue.examples, key=lambda e: e.slug)]
    document: dict[str, Any] = {"license": LICENSE, "license_url": LICENSE_URL, "count": len(records), "examples": records}
    # One record per line: readable and diffable, and each line is written by
    # the C encoder (indent=2 would fall back to the pure-Python one).
    records = document["examples"]
    head = json.dumps({key: value for key, value in document.items() if key != "examples"}, ensure_ascii=False)[:-1]
    lines = ",\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    return f'{head}, "examples": [\n{lines}\n]}}\n'



CSV_COLUMNS = ["slug", "title_sv", "title_en", "summary_sv", "summary_en", "municipalities", "counties", "themes",
               "target_groups", "partners", "period", "sources", "url_sv", "url_en", "date_added", "last_updated"]


def examples_csv(catalogue: Catalogue, dates: dict[str, FileDates]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for example in sorted(catalogue.examples, key=lambda e: e.slug):
        record = example_record(catalogue, example, dates.get(f"examples/{example.slug}.md"))
        writer.writerow([
            record["slug"], record["title"]["sv"], record["title"]["en"], record["summary"]["sv"], record["summary"]["en"],
            ";".join(m["id"] for m in record["municipalities"]), ";".join(sorted({m["county"] for m in record["municipalities"]})),
            ";".join(t["id"] for t in record["themes"]), ";".join(g["id"] for g in record["target_groups"]),
            ";".join(record["partners"]["sv"]), record["period"]["sv"] or "",
            ";".join(f"{s['document']} {s['pages']}" for s in record["sources"]),
            record["url"]["sv"], record["url"]["en"], record["date_added"] or "", record["last_updated"] or "",
        ])
    return buffer.getvalue()


def municipalities_json(catalogue: Catalogue) -> str:
    vocabularies = catalogue.vocabularies
    records = []
    for municipality in sorted(vocabularies.municipalities.values(), key=lambda m: m.id):
        records.append({
            "id": municipality.id,
            "name": municipality.name,
            "kind": municipality.kind,
            "code": municipality.code,
            "county": {"id": municipality.county, "sv": vocabularies.counties[municipality.county].sv, "en": vocabularies.counties[municipality.county].en},
            "lat": municipality.lat,
            "lon": municipality.lon,
            "pilot_municipality_2012_2015": municipality.pilot,
            "development_municipality_2016_2020": municipality.development,
            "network_member": municipality.network_member,
            "network_joined": municipality.network_joined,
            "network_initiator": municipality.network_initiator,
            "examples": [e.slug for e in sorted(catalogue.examples_for_municipality(municipality.id), key=lambda e: e.slug)],
            "url": {language: f"kommuner/{municipality.id}/" if language == "sv" else f"{language}/kommuner/{municipality.id}/" for language in LANGUAGES},
        })
    return json.dumps({"license": LICENSE, "license_url": LICENSE_URL, "count": len(records), "municipalities": records}, ensure_ascii=False, indent=2) + "\n"


def atom_feed(catalogue: Catalogue, dates: dict[str, FileDates], site_url: str = "") -> str:
    """An Atom feed of the examples, newest first by the date they were added."""
    dated = []
    for example in catalogue.examples:
        file_dates = dates.get(f"examples/{example.slug}.md")
        dated.append((file_dates.added if file_dates else "", file_dates.updated if file_dates else "", example))
    dated.sort(key=lambda item: (item[0], item[2].slug), reverse=True)
    updated = max((item[1] for item in dated if item[1]), default="2020-01-01")
    base = f" xml:base={quoteattr(site_url)}" if site_url else ""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv"{base}>',
        "<title>Romsk inkludering i praktiken – nya exempel</title>",
        f"<id>{FEED_ID}</id>",
        f"<updated>{updated}T00:00:00Z</updated>",
        '<link rel="alternate" type="text/html" href="exempel/"/>',
        '<link rel="self" type="application/atom+xml" href="oppna-data/examples.atom"/>',
        f"<rights>{escape(LICENSE)}</rights>",
        "<author><name>Romsk inkludering i praktiken</name></author>",
    ]
    for added, changed, example in dated:
        text = example.text("sv")
        lines += [
            "<entry>",
            f"<title>{escape(text.title)}</title>",
            f"<id>{FEED_ID}:{example.slug}</id>",
            f'<link rel="alternate" type="text/html" hreflang="sv" href="{example_url(example.slug, "sv")}"/>',
            f'<link rel="alternate" type="text/html" hreflang="en" href="{example_url(example.slug, "en")}"/>',
            f"<published>{(added or updated)}T00:00:00Z</published>",
            f"<updated>{(changed or updated)}T00:00:00Z</updated>",
            f"<summary>{escape(text.summary)}</summary>",
            *[f'<category term="{t}" label={quoteattr(catalogue.vocabularies.themes[t].sv)}/>' for t in example.themes],
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def open_data_files(catalogue: Catalogue, dates: dict[str, FileDates], site_url: str = "") -> dict[str, str]:
    return {
        EXAMPLES_JSON: examples_json(catalogue, dates),
        EXAMPLES_CSV: examples_csv(catalogue, dates),
        MUNICIPALITIES_JSON: municipalities_json(catalogue),
        FEED: atom_feed(catalogue, dates, site_url),
    }
