"""A synthetic, deterministic corpus of practice examples for the benchmarks.

``generate_corpus(examples_dir, n, data_dir)`` writes ``n`` examples in the
project's format: ``<slug>.md`` (Swedish, full front matter) and
``<slug>.en.md`` (English translation: title, summary, partners, period), each
about ``words`` words long, with a description in three parts, success factors
and tips. The front matter is spread over every theme, municipality and target
group of ``data/`` (round robin for the first id, random extra ids), fills the
practice profile from ``data/profile.yml`` when the project has one, and some
examples link to earlier ones, as real examples may.

The text is made of realistic sentences about municipal Roma-inclusion work,
filled in with the example's municipality, target group, theme and partner.
It carries no facts: it exists only to give the build pages of realistic size
and vocabulary.

Deterministic: the same ``seed`` gives byte-identical files, and the corpus of
``n`` examples is the first ``n`` examples of any larger corpus.

This file is not a test module (pytest does not collect it); it is used by
``tests/benchmarks/run.py`` and by ``tests/test_benchmark_smoke.py``.
"""

from __future__ import annotations

import json
import random
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

DEFAULT_SEED = 2032
DEFAULT_WORDS = 1200

# (Swedish noun phrase, English noun phrase, slug part)
ACTIVITIES = [
    ("läxhjälp på biblioteket", "homework help at the library", "laxhjalp"),
    ("en träffpunkt för äldre", "a meeting place for older people", "traffpunkt"),
    ("brobyggare i skolan", "bridge builders in school", "brobyggare"),
    ("en föräldragrupp", "a parents' group", "foraldragrupp"),
    ("samråd med romska företrädare", "consultation with Roma representatives", "samrad"),
    ("en utbildning för socialtjänsten", "training for the social services", "utbildning-socialtjanst"),
    ("hälsoskolor", "health schools", "halsoskola"),
    ("språkcaféer på romani chib", "language cafés in Romani Chib", "sprakcafe"),
    ("praktikplatser i kommunen", "work placements in the municipality", "praktik"),
    ("boendestöd", "housing support", "boendestod"),
    ("en romsk kulturvecka", "a Roma culture week", "kulturvecka"),
    ("studiecirklar om romsk historia", "study circles on Roma history", "studiecirkel"),
    ("en romsk informationsdisk", "a Roma information desk", "informationsdisk"),
    ("mentorskap för unga", "mentoring for young people", "mentorskap"),
    ("en samordnare för romsk inkludering", "a coordinator for Roma inclusion", "samordnare"),
    ("stöd till romska föreningar", "support for Roma associations", "foreningsstod"),
]

# (Swedish, English) organisation names; {kommun} is the municipality's name.
PARTNERS = [
    ("Den romska föreningen i {kommun}", "The Roma association in {kommun}"),
    ("Arbetsförmedlingen", "The Swedish Public Employment Service"),
    ("Studieförbundet Vuxenskolan", "The adult education association Studieförbundet Vuxenskolan"),
    ("Kommunens bostadsbolag", "The municipal housing company"),
    ("Svenska kyrkan", "The Church of Sweden"),
    ("Romska kvinnors förening", "The Roma women's association"),
    ("Folkbiblioteket i {kommun}", "The public library in {kommun}"),
    ("Regionens barnhälsovård", "The region's child health services"),
]

PERIODS = [
    ("2012–2015", "2012–2015"),
    ("2016–2020", "2016–2020"),
    ("Hösten 2018", "Autumn 2018"),
    ("Våren 2019", "Spring 2019"),
    ("2017–2019", "2017–2019"),
]

SUBHEADINGS = {
    "sv": ("Bakgrund", "Så gick det till", "Resultat"),
    "en": ("Background", "How it was done", "Results"),
}

# Sentence pairs per part of the description. Slots: {kommun}, {grupp},
# {aktivitet}, {partner}, {tema}, {ar}.
SENTENCES = [
    [  # background
        ("När {kommun} började arbeta med romsk inkludering gjorde kommunen en kartläggning av behoven hos {grupp}.",
         "When {kommun} began its work on Roma inclusion, the municipality mapped the needs of {grupp}."),
        ("Kartläggningen visade att många romer hade låg tillit till kommunens verksamheter, ofta efter tidigare erfarenheter av diskriminering.",
         "The mapping showed that many Roma had little trust in the municipality's services, often after earlier experiences of discrimination."),
        ("Samtidigt saknade personalen kunskap om romers historia, kultur och ställning som nationell minoritet.",
         "At the same time, staff lacked knowledge of the history, culture and status of Roma as a national minority."),
        ("Arbetet utgick från minoritetslagen och den nationella strategin för romsk inkludering 2012–2032.",
         "The work was based on the minority law and the national strategy for Roma inclusion 2012–2032."),
        ("En styrgrupp med företrädare för flera förvaltningar fick ansvar för att följa arbetet inom {tema}.",
         "A steering group with representatives of several departments was made responsible for following the work on {tema}."),
        ("Romska företrädare var med redan från början och bidrog med sina erfarenheter av hur verksamheten fungerade i vardagen.",
         "Roma representatives took part from the start and contributed their experience of how the services worked in everyday life."),
        ("Kommunen hade tidigare haft enstaka insatser, men de hade inte varit långsiktiga och hade sällan följts upp.",
         "The municipality had run occasional efforts before, but they had not been long-term and had seldom been followed up."),
        ("Flera familjer berättade att de hade svårt att förstå brev från myndigheter och att hitta rätt i kommunens organisation.",
         "Several families said that they found it hard to understand letters from authorities and to find their way in the municipality's organisation."),
        ("Behovsinventeringen gjordes i samråd med {partner} och byggde på intervjuer, enkäter och samtal i små grupper.",
         "The needs assessment was made in consultation with {partner} and was based on interviews, surveys and conversations in small groups."),
        ("Resultatet presenterades för kommunstyrelsen {ar}, som beslutade att avsätta medel för en försöksverksamhet.",
         "The result was presented to the municipal executive board in {ar}, which decided to set aside funds for a pilot activity."),
        ("Det fanns också en önskan att ta vara på den kompetens som redan fanns bland romska medarbetare i kommunen.",
         "There was also a wish to make use of the competence that Roma employees of the municipality already had."),
        ("Erfarenheter från andra kommuner i det nationella nätverket visade att ett samlat grepp gav bättre resultat än enskilda projekt.",
         "Experience from other municipalities in the national network showed that a joint approach gave better results than separate projects."),
    ],
    [  # how it was done
        ("Kommunen startade {aktivitet} som en försöksverksamhet under ett år.",
         "The municipality started {aktivitet} as a pilot activity for one year."),
        ("Två brobyggare med romsk språk- och kulturkompetens anställdes för att stödja {grupp} i kontakterna med skolan, socialtjänsten och andra myndigheter.",
         "Two bridge builders with Roma language and cultural competence were employed to support {grupp} in their contacts with school, social services and other authorities."),
        ("Verksamheten var öppen två eftermiddagar i veckan i lokaler som deltagarna redan kände till.",
         "The activity was open two afternoons a week in premises that the participants already knew."),
        ("Personalen fick utbildning om antiziganism, romsk historia och minoriteters rättigheter innan verksamheten startade.",
         "Staff were trained in antiziganism, Roma history and minority rights before the activity started."),
        ("Deltagarna var med och planerade innehållet, och programmet ändrades efter deras önskemål under året.",
         "The participants took part in planning the content, and the programme was changed during the year according to their wishes."),
        ("Information spreds via romska föreningar, sociala medier och personliga kontakter snarare än genom broschyrer.",
         "Information was spread through Roma associations, social media and personal contacts rather than through leaflets."),
        ("Samarbetet med {partner} gjorde det möjligt att nå familjer som kommunen tidigare inte hade haft kontakt med.",
         "The cooperation with {partner} made it possible to reach families that the municipality had not been in contact with before."),
        ("Varje månad träffades projektgruppen för att gå igenom vad som fungerade och vad som behövde ändras.",
         "Every month the project group met to review what worked and what needed to change."),
        ("Material togs fram på svenska och romani chib, och tolk fanns med vid de större informationsmötena.",
         "Material was produced in Swedish and Romani Chib, and an interpreter attended the larger information meetings."),
        ("Chefer i de berörda förvaltningarna fick regelbundna rapporter så att arbetet kunde förankras i den ordinarie verksamheten.",
         "Managers in the departments concerned received regular reports so that the work could be anchored in the regular services."),
        ("Under hösten {ar} utvidgades verksamheten till ytterligare två stadsdelar.",
         "In the autumn of {ar} the activity was extended to two more districts."),
        ("Deltagarna kunde få hjälp med blanketter, ansökningar och kontakter med vården.",
         "Participants could get help with forms, applications and contacts with health care."),
    ],
    [  # results
        ("Efter det första året hade fler än hundra personer tagit del av verksamheten.",
         "After the first year, more than a hundred people had taken part in the activity."),
        ("Uppföljningen visade att tilliten till kommunen hade ökat bland {grupp}.",
         "The follow-up showed that trust in the municipality had increased among {grupp}."),
        ("Personalen beskrev att de hade fått bättre förståelse för romers situation och kunde bemöta familjerna på ett mer respektfullt sätt.",
         "Staff described that they had gained a better understanding of the situation of Roma and could meet the families in a more respectful way."),
        ("Närvaron i skolan förbättrades för flera av de elever vars familjer fick stöd.",
         "School attendance improved for several of the pupils whose families received support."),
        ("Kommunen beslutade {ar} att göra {aktivitet} till en permanent del av verksamheten.",
         "In {ar} the municipality decided to make {aktivitet} a permanent part of its services."),
        ("Arbetet har också lett till att andra förvaltningar har börjat samråda med romska företrädare.",
         "The work has also led other departments to start consulting Roma representatives."),
        ("Erfarenheterna har spridits till andra kommuner genom det nationella nätverket och Länsstyrelsen i Stockholms län.",
         "The experience has been shared with other municipalities through the national network and the Stockholm County Administrative Board."),
        ("Det som fungerade bäst var enligt deltagarna att verksamheten byggde på personliga möten och kontinuitet.",
         "According to the participants, what worked best was that the activity was built on personal meetings and continuity."),
        ("Samtidigt visade uppföljningen att arbetet är sårbart när det hänger på enskilda personer.",
         "At the same time, the follow-up showed that the work is vulnerable when it depends on individual people."),
        ("{partner} har fortsatt att vara en viktig samarbetspartner i kommunens arbete med {tema}.",
         "{partner} has continued to be an important partner in the municipality's work on {tema}."),
        ("Kommunen planerar att följa upp verksamheten vartannat år tillsammans med deltagarna.",
         "The municipality plans to follow up the activity every other year together with the participants."),
        ("Flera deltagare har själva gått vidare till arbete eller studier inom kommunens verksamheter.",
         "Several participants have themselves gone on to work or study in the municipality's services."),
    ],
]

# (Swedish name, Swedish text, English name, English text)
FACTORS = [
    ("Förankring", "Arbetet behöver vara förankrat hos ledningen och i de förvaltningar som berörs. Annars blir det lätt en fråga för några få eldsjälar som försvinner när de slutar.",
     "Anchoring", "The work needs to be anchored with the management and in the departments concerned. Otherwise it easily becomes a matter for a few enthusiasts and disappears when they leave."),
    ("Romsk delaktighet", "Romer behöver vara med och påverka arbetet från början, inte bara tillfrågas när besluten redan är fattade. Det ger bättre förslag och ökar tilliten.",
     "Roma participation", "Roma need to take part and influence the work from the start, not only be asked when the decisions have already been made. It gives better proposals and builds trust."),
    ("Långsiktig finansiering", "Lös finansieringen så långsiktigt som möjligt. Korta projekt som avslutas tvärt kan skada förtroendet mer än de hjälper.",
     "Long-term funding", "Secure the funding for as long a term as possible. Short projects that end abruptly can harm trust more than they help."),
    ("Språk- och kulturkompetens", "Personal med romsk språk- och kulturkompetens gör det lättare att nå fram och att förstå familjernas situation.",
     "Language and cultural competence", "Staff with Roma language and cultural competence make it easier to reach people and to understand the families' situation."),
    ("Kunskap om antiziganism", "Alla som deltar behöver grundläggande kunskap om antiziganism och om romers rättigheter som nationell minoritet.",
     "Knowledge of antiziganism", "Everyone taking part needs basic knowledge of antiziganism and of the rights of Roma as a national minority."),
    ("Tydligt ansvar", "Det ska vara tydligt vem som ansvarar för arbetet och vem som följer upp det. En utsedd samordnare underlättar.",
     "Clear responsibility", "It must be clear who is responsible for the work and who follows it up. A designated coordinator helps."),
    ("Uppföljning", "Följ upp arbetet regelbundet tillsammans med deltagarna och använd resultaten för att förbättra verksamheten.",
     "Follow-up", "Follow up the work regularly together with the participants and use the results to improve the activity."),
    ("Samverkan", "Samverkan mellan förvaltningar, civilsamhälle och andra myndigheter gör att insatserna hänger ihop för den enskilde.",
     "Cooperation", "Cooperation between departments, civil society and other authorities makes the efforts fit together for the individual."),
]

# (Swedish, English)
TIPS = [
    ("Börja i liten skala och låt verksamheten växa när den har visat resultat.",
     "Start small and let the activity grow once it has shown results."),
    ("Ta personlig kontakt med familjerna i stället för att bara skicka ut information.",
     "Contact the families in person instead of only sending out information."),
    ("Anställ personal med romsk bakgrund och ge dem samma villkor och stöd som andra anställda.",
     "Employ staff with a Roma background and give them the same conditions and support as other employees."),
    ("Dokumentera arbetet från början, så att erfarenheterna finns kvar när personer byter arbete.",
     "Document the work from the start, so that the experience remains when people change jobs."),
    ("Bjud in romska föreningar tidigt och ersätt dem för den tid de lägger ner.",
     "Invite Roma associations early and compensate them for the time they put in."),
    ("Var lyhörd för deltagarnas önskemål och var beredd att ändra planen.",
     "Listen to the participants' wishes and be prepared to change the plan."),
    ("Använd befintliga lokaler som deltagarna redan känner sig trygga i.",
     "Use existing premises where the participants already feel safe."),
    ("Räkna med att det tar tid att bygga förtroende, ofta flera år.",
     "Expect building trust to take time, often several years."),
    ("Sprid resultaten internt så att fler förvaltningar ser nyttan med arbetet.",
     "Share the results internally so that more departments see the benefit of the work."),
    ("Ta hjälp av det nationella nätverket för att lära av andra kommuners erfarenheter.",
     "Use the national network to learn from other municipalities' experience."),
    ("Tänk på att information på romani chib behöver anpassas till olika varieteter.",
     "Keep in mind that information in Romani Chib needs to be adapted to different varieties."),
    ("Planera för hur verksamheten ska fortsätta när projektmedlen tar slut.",
     "Plan how the activity will continue when the project funds run out."),
]


NOT_STATED = "ej-angivet"
REVIEWED = "granskad-mot-kallan"


@dataclass
class Vocab:
    themes: list[dict]
    target_groups: list[dict]
    municipalities: list[dict]
    sources: list[str]
    profile: list[dict]  # data/profile.yml: [{field, multiple, levels: [{id, …}]}]; [] when absent


def read_vocab(data_dir: Path) -> Vocab:
    """The ids and labels of ``data/`` (read with plain YAML: they are trusted files)."""
    def read(name: str) -> list[dict]:
        return yaml.safe_load((data_dir / name).read_text(encoding="utf-8"))

    return Vocab(
        themes=read("themes.yml"),
        target_groups=read("target_groups.yml"),
        municipalities=read("municipalities.yml"),
        sources=[entry["id"] for entry in read("sources.yml")],
        profile=read("profile.yml") if (data_dir / "profile.yml").exists() else [],
    )


@dataclass
class Meta:
    index: int
    slug: str
    title: dict[str, str]
    municipalities: list[str]
    themes: list[str]
    target_groups: list[str]
    partners: dict[str, list[str]]
    period: dict[str, str] | None
    sources: list[dict[str, str]]
    activity: tuple[str, str, str]
    profile: dict[str, str | list[str]]


def _pick_more(rng: random.Random, first: str, pool: list[str], weights: tuple[float, ...]) -> list[str]:
    """``first`` plus 0..len(weights)-1 more distinct ids drawn from ``pool``."""
    extra = rng.choices(range(len(weights)), weights=weights)[0]
    others = [item for item in pool if item != first]
    return [first] + rng.sample(others, min(extra, len(others)))


def example_meta(seed: int, index: int, vocab: Vocab) -> Meta:
    """The front matter of example number ``index`` (0-based): a pure function
    of (seed, index), so that other examples can link to it."""
    rng = random.Random(f"{seed}:meta:{index}")
    municipality_ids = [m["id"] for m in vocab.municipalities]
    theme_ids = [t["id"] for t in vocab.themes]
    group_ids = [g["id"] for g in vocab.target_groups]
    # Round robin on the first id, so that every id is used once n is large enough.
    municipalities = _pick_more(rng, municipality_ids[index % len(municipality_ids)], municipality_ids, (0.8, 0.2))
    themes = _pick_more(rng, theme_ids[index % len(theme_ids)], theme_ids, (0.5, 0.35, 0.15))
    groups = _pick_more(rng, group_ids[index % len(group_ids)], group_ids, (0.4, 0.4, 0.2))
    activity = ACTIVITIES[rng.randrange(len(ACTIVITIES))]
    name = next(m["name"] for m in vocab.municipalities if m["id"] == municipalities[0])
    number = index + 1
    title = {
        "sv": f"{_capital(activity[0])} i {name}, omgång {number}",
        "en": f"{_capital(activity[1])} in {name}, round {number}",
    }
    chosen = rng.sample(PARTNERS, rng.choice((0, 1, 1, 2)))
    partners = {
        "sv": [sv.format(kommun=name) for sv, _ in chosen],
        "en": [en.format(kommun=name) for _, en in chosen],
    }
    period = None
    if rng.random() < 0.5:
        sv, en = rng.choice(PERIODS)
        period = {"sv": sv, "en": en}
    sources = []
    for document in rng.sample(vocab.sources, rng.choice((1, 1, 2))):
        first = rng.randrange(1, 60)
        sources.append({"document": document, "pages": f"{first}–{first + rng.randrange(1, 5)}"})
    profile: dict[str, str | list[str]] = {}
    for entry in vocab.profile:
        levels = [level["id"] for level in entry["levels"]]
        stated = [level for level in levels if level != NOT_STATED]
        if entry.get("multiple"):
            # "not stated" alone, or one or two stated levels
            profile[entry["field"]] = [NOT_STATED] if NOT_STATED in levels and rng.random() < 0.3 else rng.sample(stated, min(len(stated), rng.choice((1, 1, 2))))
        else:
            profile[entry["field"]] = rng.choice(levels)
    slug = f"{municipalities[0]}-{activity[2]}-{number:05d}"
    return Meta(index, slug, title, municipalities, themes, groups, partners, period, sources, activity, profile)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _label(term: dict, language: str) -> str:
    label = term[language]
    if language == "sv" or not label.startswith("Roma"):
        return label[:1].lower() + label[1:]
    return label


_COMMON_NOUN_START = ("Den ", "The ", "Kommunens ", "Regionens ", "Romska ", "Folkbiblioteket ")


def _inline(name: str) -> str:
    """An organisation's name inside a sentence: "Den romska föreningen" -> "den romska föreningen"."""
    return name[:1].lower() + name[1:] if name.startswith(_COMMON_NOUN_START) else name


def _quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


_PLAIN_SAFE = re.compile(r"^[A-Za-zÅÄÖåäö][\w ,.'’()–-]*$")


def _scalar(value: str) -> str:
    """Plain text where YAML reads it as written (as contributors write it),
    double-quoted otherwise."""
    return value if _PLAIN_SAFE.match(value) and not value.endswith(" ") else _quote(value)


def _folded(value: str) -> list[str]:
    """A long text as a folded block scalar (``>-``), as in the real examples."""
    return [">-", *textwrap.wrap(value, width=84, initial_indent="  ", subsequent_indent="  ")]


def _wrap(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, width=88, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


def _words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def render_example(seed: int, index: int, vocab: Vocab, words: int = DEFAULT_WORDS) -> dict[str, str]:
    """{"sv": text of <slug>.md, "en": text of <slug>.en.md}."""
    meta = example_meta(seed, index, vocab)
    rng = random.Random(f"{seed}:body:{index}")
    name = next(m["name"] for m in vocab.municipalities if m["id"] == meta.municipalities[0])
    theme = next(t for t in vocab.themes if t["id"] == meta.themes[0])
    group = next(g for g in vocab.target_groups if g["id"] == meta.target_groups[0])
    partner = meta.partners["sv"][0] if meta.partners["sv"] else None
    slots = {
        language: {
            "kommun": name,
            "grupp": _label(group, language),
            "tema": _label(theme, language),
            "aktivitet": meta.activity[0 if language == "sv" else 1],
            "partner": (_inline(meta.partners[language][0]) if partner else
                        ("den romska föreningen" if language == "sv" else "the Roma association")),
            "ar": str(rng.randrange(2012, 2021)),
        }
        for language in ("sv", "en")
    }
    slots["en"]["ar"] = slots["sv"]["ar"]

    front = {
        "sv": ["---", f"title: {_scalar(meta.title['sv'])}",
               f"municipalities: [{', '.join(meta.municipalities)}]",
               f"themes: [{', '.join(meta.themes)}]",
               f"target_groups: [{', '.join(meta.target_groups)}]"],
        "en": ["---", f"title: {_scalar(meta.title['en'])}"],
    }
    for language in ("sv", "en"):
        if meta.partners[language]:
            front[language].append("partners:")
            front[language] += [f"  - {_scalar(p)}" for p in meta.partners[language]]
        if meta.period:
            front[language].append(f"period: {_quote(meta.period[language])}")
    summary = {
        "sv": f"{name} startade {meta.activity[0]} för {slots['sv']['grupp']} inom {slots['sv']['tema']}, "
              f"tillsammans med {slots['sv']['partner']}, för att öka tilliten och nå fler familjer.",
        "en": f"{name} started {meta.activity[1]} for {slots['en']['grupp']} in the field of {slots['en']['tema']}, "
              f"together with {slots['en']['partner']}, to build trust and reach more families.",
    }
    for language in ("sv", "en"):
        folded = _folded(summary[language])
        front[language] += [f"summary: {folded[0]}", *folded[1:]]
    front["sv"].append("sources:")
    for ref in meta.sources:
        front["sv"] += [f"  - document: {ref['document']}", f"    pages: {_quote(ref['pages'])}"]
    if meta.profile:
        front["sv"].append("profile:")
        for name, value in meta.profile.items():
            front["sv"].append(f"  {name}: [{', '.join(value)}]" if isinstance(value, list) else f"  {name}: {value}")
        if meta.profile.get("review_status") == REVIEWED:
            front["sv"].append(f"last_reviewed: {_quote(f'20{rng.randrange(21, 26)}-0{rng.randrange(1, 10)}-1{rng.randrange(0, 10)}')}")
    for language in ("sv", "en"):
        front[language] += ["---", ""]

    factors = rng.sample(FACTORS, rng.randrange(3, 6))
    tips = rng.sample(TIPS, rng.randrange(3, 6))
    tail = {"sv": [], "en": []}
    tail["sv"] += ["## Förutsättningar för att arbetet ska lyckas", ""]
    tail["en"] += ["## Conditions for success", ""]
    for name_sv, text_sv, name_en, text_en in factors:
        tail["sv"] += _wrap(f"- **{name_sv}.** {text_sv}", "  ")
        tail["en"] += _wrap(f"- **{name_en}.** {text_en}", "  ")
    tail["sv"] += ["", "## Tips", ""]
    tail["en"] += ["", "## Tips", ""]
    for sv, en in tips:
        tail["sv"] += _wrap(f"- {sv}", "  ")
        tail["en"] += _wrap(f"- {en}", "  ")

    # Description: paragraphs added to the three parts in turn until the two
    # files reach the wanted length on average (English needs more words).
    paragraphs: list[list[tuple[str, str]]] = [[], [], []]
    count = (_words(front["sv"] + tail["sv"]) + _words(front["en"] + tail["en"])) / 2 + 10
    part = 0
    while count < words:
        chosen = rng.sample(SENTENCES[part], rng.randrange(4, 7))
        paragraph = [(_capital(sv.format(**slots["sv"])), _capital(en.format(**slots["en"]))) for sv, en in chosen]
        paragraphs[part].append(paragraph)
        count += sum(len(sv.split()) + len(en.split()) for sv, en in paragraph) / 2
        part = (part + 1) % 3
    if index > 0 and rng.random() < 0.2:
        other = example_meta(seed, rng.randrange(index), vocab)
        last = paragraphs[2][-1] if paragraphs[2] else paragraphs[0][-1]
        last.append((f"Se även [{other.title['sv']}]({other.slug}.md).", f"See also [{other.title['en']}]({other.slug}.md)."))

    files = {}
    for position, language in enumerate(("sv", "en")):
        body = ["## Beskrivning" if language == "sv" else "## Description", ""]
        for part, heading in enumerate(SUBHEADINGS[language]):
            if not paragraphs[part]:
                continue
            body += [f"### {heading}", ""]
            for paragraph in paragraphs[part]:
                body += _wrap(" ".join(pair[position] for pair in paragraph)) + [""]
        files[language] = "\n".join(front[language] + body + tail[language]) + "\n"
    return files


def generate_corpus(examples_dir: Path, n: int, data_dir: Path, seed: int = DEFAULT_SEED,
                    words: int = DEFAULT_WORDS) -> dict[str, float]:
    """Write ``n`` examples (2n files) into ``examples_dir``, which must be
    empty or missing. Returns statistics: files, average words per file."""
    examples_dir.mkdir(parents=True, exist_ok=True)
    if any(examples_dir.iterdir()):
        raise ValueError(f"{examples_dir} is not empty; the corpus is written into an empty folder only")
    vocab = read_vocab(data_dir)
    total = {"sv": 0, "en": 0}
    for index in range(n):
        files = render_example(seed, index, vocab, words)
        slug = example_meta(seed, index, vocab).slug
        (examples_dir / f"{slug}.md").write_text(files["sv"], encoding="utf-8")
        (examples_dir / f"{slug}.en.md").write_text(files["en"], encoding="utf-8")
        for language in total:
            total[language] += len(files[language].split())
    return {
        "examples": n,
        "files": 2 * n,
        "words_per_file_sv": round(total["sv"] / n, 1) if n else 0.0,
        "words_per_file_en": round(total["en"] / n, 1) if n else 0.0,
    }
