"""Parley's search statement written out in Python, for the benchmarks' database ceilings and
answer checks (bench/compare.py, bench/search.py): what io.parley.search.SearchReads and
io.parley.names.ForgivingQuery compose for a query, with the values Parley sends as parameters
written in as literals (cast(... as text), as Parley casts its parameters). Keep it in step with
those two classes: the benchmarks check its answers against Parley's, so a drift shows there.
"""
import os
import re
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PERSON_NAMES = os.path.join(ROOT, "src", "main", "resources", "names", "person-names.txt")

# SearchReads.TABLES: (GraphQL type, table, weight of the kind, the document snippets come from).
SEARCHABLE = [
    ("Person", "person", "1.0", "x.name || coalesce(' — ' || x.summary, '')"),
    ("Envoy", "envoy", "0.6", "x.title || coalesce(' — ' || x.mandate, '')"),
    ("Track", "track", "0.8", "x.name || coalesce(' — ' || x.summary, '')"),
    ("Talk", "talk", "0.4", "x.title || coalesce(' — ' || x.summary, '')"),
    ("Trip", "trip", "0.5", "x.destination_name || coalesce(' — ' || x.purpose, '') || coalesce(' — ' || x.summary, '')"),
    ("Outcome", "outcome", "0.4", "x.title || coalesce(' — ' || x.description, '')"),
    ("Statement", "statement", "0.2", "x.quote"),
    ("Source", "source", "0.6", "x.publisher || coalesce(' — ' || x.title, '')"),
]

# SearchReads.TIER: how a record matched, as the whole part of its score.
TIER = ("case when ts_filter(x.search, '{a}') @@ q.exact then 6"
        " when ts_filter(x.search, '{a}') @@ q.prefix then 5 when ts_filter(x.search, '{a}') @@ q.forgiven then 4"
        " when x.search @@ q.exact then 3 when x.search @@ q.prefix then 2 else 1 end")

HEADLINE_OPTIONS = 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MinWords=6, MaxWords=24, FragmentDelimiter=" … "'

# The fields the benchmarks' search asks of each kind of result, as GraphQL selections and as SQL.
SEARCH_RESULT_FIELDS = {
    "Person": [("name", "x.name"), ("countryCode", "x.country_code")],
    "Envoy": [("title", "x.title")],
    "Track": [("name", "x.name")],
    "Talk": [("title", "x.title"), ("date", "x.date")],
    "Trip": [("purpose", "x.purpose")],
    "Outcome": [("title", "x.title"), ("kind", "x.kind")],
    "Statement": [("quote", "x.quote"), ("saidOn", "x.said_on")],
    "Source": [("publisher", "x.publisher")],
}

# ForgivingQuery.OPERATORS (Java's \s: ASCII white space only) and PREFIX_MIN.
OPERATORS = re.compile(r'"|(^|[ \t\n\x0b\f\r])-[^ \t\n\x0b\f\r]|(^|[ \t\n\x0b\f\r])or([ \t\n\x0b\f\r]|$)', re.I)
PREFIX_MIN = 2


def key(text):
    """PersonNames.key: NFD without marks, '-' and '.' as spaces, only letters, digits and
    spaces kept, lower case, one space between words."""
    decomposed = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.category(c).startswith("M"))
    plain = "".join(c for c in decomposed.replace("-", " ").replace(".", " ")
                    if c == " " or unicodedata.category(c)[0] in "LN")
    return re.sub(r"[ \t\n\x0b\f\r]+", " ", plain.lower()).strip()


def _canonical_given():
    """PersonNames' nickname groups: each spelling to its group's first, the first group a
    spelling appears in winning (putIfAbsent), as Lexicon reads [name-variants]."""
    canonical, section = {}, None
    with open(PERSON_NAMES, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1]
                continue
            if section == "name-variants":
                group = [field.strip() for field in re.split(r" \|(?= |$)", line)]
                for variant in group:
                    canonical.setdefault(variant.lower(), group[0].lower())
    return canonical


CANONICAL_GIVEN = _canonical_given()


def given_name_variants(word):
    """PersonNames.givenNameVariants: the other spellings in the word's nickname group, sorted."""
    word = key(word)
    group = CANONICAL_GIVEN.get(word)
    if group is None:
        return []
    return sorted(k for k, g in CANONICAL_GIVEN.items() if g == group and k != word)


def value(text):
    """A value Parley sends as a parameter (Sql.value: cast(? as text)), written in."""
    return "cast('" + text.replace("'", "''") + "' as text)"


class Parameters:
    """Values as pgbench variables instead (:p1, :p2, ... in order), which pgbench -M prepared
    sends as parameters, as Parley does: statements that differ only in their values are then
    one text, prepared once per connection."""

    def __init__(self):
        self.values = []

    def __call__(self, text):
        self.values.append(text)
        return f"cast(:p{len(self.values)} as text)"


class ForgivingQuery:
    """io.parley.names.ForgivingQuery: the exact, prefix and forgiven tsqueries of a query."""

    def __init__(self, text, value=value):
        self.text = text
        self.value = value
        self.operators = OPERATORS.search(text) is not None
        folded = key(text)
        self.words = folded.split(" ") if folded else []

    def exact(self):
        return self.written()

    def prefix(self):
        if self.operators or not self.words:
            return self.written()
        return self.conjunction([self.alternatives(w, False, i == len(self.words) - 1, "english", self.value)
                                 for i, w in enumerate(self.words)])

    def forgiven(self):
        if self.operators or not self.words:
            return self.written()
        return self.conjunction([self.alternatives(w, True, i == len(self.words) - 1, "english", self.value)
                                 for i, w in enumerate(self.words)])

    def written(self):
        return f"websearch_to_tsquery('english', fold({self.value(self.text)}))"

    @staticmethod
    def alternatives(word, forgiving, last, config, value=value):
        parts = f"word_tsquery('{config}', array[{value(word)}]"
        if forgiving:
            variants = given_name_variants(word)
            if variants:
                parts += f" || string_to_array({value(' '.join(variants))}, ' ')"
            parts += f" || forgiven_words({value(word)})"
        if last and len(word) >= PREFIX_MIN and not re.search(r"[0-9]", word):
            parts += f" || word_completions({value(word)})"
        return parts + ")"

    @staticmethod
    def conjunction(each):
        return each[0] if len(each) == 1 else "(" + " && ".join(each) + ")"


def hits_sql(text, first, value=value):
    """SearchReads.hits: the best `first` hits as (type, key, score, snippet) rows."""
    query = ForgivingQuery(text, value)
    tables = " union all ".join(
        f"select '{label}' as type, x.id as key, ({TIER} + 0.5 * {weight} + 0.04 * ts_rank(x.search, q.forgiven, 32))::float8 as score, "
        f"{document} as document from {table} x, q where x.search @@ q.forgiven"
        for label, table, weight, document in SEARCHABLE)
    return (f"with q as (select {query.exact()} as exact, {query.prefix()} as prefix, {query.forgiven()} as forgiven), "
            f"best as (select * from ({tables}) hits order by score desc, type, key limit {first}) "
            f"select best.type, best.key, best.score, ts_headline('english', html_escape(best.document), q.forgiven, "
            f"{value(HEADLINE_OPTIONS)}) as snippet from best, q")


def result_json(label, table, fields, row_key):
    """One record as Parley writes it in a union: __typename, global ID, then the asked fields."""
    pairs = ", ".join(f"'{name}', {column}" for name, column in fields)
    return (f"(select json_build_object('__typename', '{label}', 'id', graphql_id('{label}', x.id), {pairs})"
            f" from {table} x where x.id = {row_key})")


def search_sql(text, first, fields=None, value=value):
    """Parley's whole statement for search(query: text, first: first) { score snippet result {
    __typename ... on T { id <fields> } } }: the hits, then each one's JSON, in Parley's order."""
    fields = SEARCH_RESULT_FIELDS if fields is None else fields
    result = "case h.type " + " ".join(
        f"when '{label}' then {result_json(label, table, fields[label], 'h.key')}"
        for label, table, *_ in SEARCHABLE) + " end"
    return (f"select json_build_object('search', (select coalesce(json_agg(json_build_object('score', json_float(h.score), "
            f"'snippet', h.snippet, 'result', {result}) order by h.score desc, h.type, h.key), '[]') "
            f"from ({hits_sql(text, first, value)}) h));")


def fragments(fields_by_type):
    return " ".join(f"... on {label} {{ id {' '.join(name for name, _ in fields)} }}" for label, fields in fields_by_type.items())
