package io.parley.search;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.ApiException;
import io.parley.common.Inputs;
import io.parley.common.NodeType;
import io.parley.names.ForgivingQuery;
import io.parley.paging.PageRequest;
import io.parley.read.JsonReads;
import io.parley.read.JsonShape;
import io.parley.sql.Sql;

/**
 * The read definitions of search: ranked across every kind of record in one statement over the
 * weighted, accent-folded search vectors (names and titles weigh most), forgiving typos and
 * name variants and completing the last word ({@link ForgivingQuery}); and suggestions of what
 * was meant when a word is too far off to forgive.
 */
@ApplicationScoped
public class SearchReads implements JsonReads {

    /**
     * A searchable table: how much a match on it weighs against other kinds of record (a
     * person's name more than a statement's wording), and the text snippets come from.
     */
    private record Searchable(NodeType type, String table, String typeWeight, String document) {
    }

    private static final List<Searchable> TABLES = List.of(
            new Searchable(NodeType.PERSON, "person", "1.0", "x.name || coalesce(' — ' || x.summary, '')"),
            new Searchable(NodeType.ENVOY, "envoy", "0.6", "x.title || coalesce(' — ' || x.mandate, '')"),
            new Searchable(NodeType.TRACK, "track", "0.8", "x.name || coalesce(' — ' || x.summary, '')"),
            new Searchable(NodeType.TALK, "talk", "0.4", "x.title || coalesce(' — ' || x.summary, '')"),
            new Searchable(NodeType.TRIP, "trip", "0.5",
                    "x.destination_name || coalesce(' — ' || x.purpose, '') || coalesce(' — ' || x.summary, '')"),
            new Searchable(NodeType.OUTCOME, "outcome", "0.4", "x.title || coalesce(' — ' || x.description, '')"),
            new Searchable(NodeType.STATEMENT, "statement", "0.2", "x.quote"),
            new Searchable(NodeType.SOURCE, "source", "0.6", "x.publisher || coalesce(' — ' || x.title, '')"));

    /**
     * How a record matched, as the whole part of its score: every word as written in its name or
     * title (6), the last word completed there (5), forgiven there (4), then the same three in
     * the rest of its text (3, 2, 1). A kind's weight (times 0.5) and the text rank (at most
     * 0.04) order records within a tier: types differ by 0.05 at least, so a person's name stays
     * above a talk title that mentions it, and rank orders records of one kind.
     */
    private static final String TIER = "case when ts_filter(x.search, '{a}') @@ q.exact then 6"
            + " when ts_filter(x.search, '{a}') @@ q.prefix then 5 when ts_filter(x.search, '{a}') @@ q.forgiven then 4"
            + " when x.search @@ q.exact then 3 when x.search @@ q.prefix then 2 else 1 end";

    private static final String HEADLINE_OPTIONS =
            "StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MinWords=6, MaxWords=24, FragmentDelimiter=\" … \"";

    /** Suggestions offered for a query: its best correction, then the next ones. */
    private static final int SUGGESTIONS_MAX = 10;

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.of("SearchHit", null)
                .decimal("score", "score")
                .column("snippet", "snippet")
                .oneOf("result", "type", "key"));
        registry.root("search", (compiler, field) -> {
            String text = Inputs.required("query", compiler.argument(field, "query", String.class), Inputs.NAME_MAX);
            PageRequest page = PageRequest.of(compiler.argument(field, "first", Integer.class), null, false);
            return compiler.list("SearchHit", x -> hits(ForgivingQuery.of(text), page.first()),
                    x -> Sql.sql(x + ".score desc, " + x + ".type, " + x + ".key"), field);
        });
        registry.root("searchSuggestions", (compiler, field) -> {
            String text = Inputs.required("query", compiler.argument(field, "query", String.class), Inputs.NAME_MAX);
            Integer first = compiler.argument(field, "first", Integer.class);
            int count = first == null ? 3 : first;
            if (count < 0 || count > SUGGESTIONS_MAX) {
                throw ApiException.limitExceeded("first", "at most " + SUGGESTIONS_MAX + " suggestions can be asked for");
            }
            return suggestions(ForgivingQuery.of(text).words(), count);
        });
    }

    /**
     * The best {@code first} hits of {@code query} across every table, as (type, key, score,
     * snippet) rows. Snippets are cut only for the hits returned: ts_headline on every match
     * before the limit took 12 ms against 7 ms for a name 500 people share.
     */
    private static Sql hits(ForgivingQuery query, int first) {
        List<Sql> tables = TABLES.stream().map(s -> Sql.sql("select '" + s.type().label() + "' as type, x.id as key, ("
                + TIER + " + 0.5 * " + s.typeWeight() + " + 0.04 * ts_rank(x.search, q.forgiven, 32))::float8 as score, "
                + s.document() + " as document from " + s.table() + " x, q where x.search @@ q.forgiven")).toList();
        return Sql.of("with q as (select ", query.exact(), " as exact, ", query.prefix(), " as prefix, ", query.forgiven(),
                " as forgiven), best as (select * from (", Sql.join(tables, " union all "),
                ") hits order by score desc, type, key limit ", Sql.pageSize(first),
                ") select best.type, best.key, best.score, ts_headline('english', html_escape(best.document),"
                        + " q.forgiven, ", Sql.value(HEADLINE_OPTIONS), ") as snippet from best, q");
    }

    /**
     * Up to {@code count} queries that may have been meant: each word Parley's vocabulary neither
     * holds nor forgives replaced by its k-th closest word (word_suggestions, V10), the others
     * kept; none when every word is known.
     */
    private static Sql suggestions(List<String> words, int count) {
        if (words.isEmpty() || count == 0) {
            return Sql.sql("select '[]'::json");
        }
        Sql array = Sql.of("array[", Sql.values(words), "]");
        return Sql.of("select coalesce(json_agg(s.text order by s.k), '[]') from (",
                "select distinct on (text) k, text from (",
                "select k, string_agg(coalesce(c.words[least(k, cardinality(c.words))], u.word), ' ' order by u.ordinal) as text,",
                " bool_or(cardinality(c.words) > 0) as changed",
                " from generate_series(1, ", Sql.pageSize(count), ") k, unnest(", array, ") with ordinality u(word, ordinal),",
                " lateral (select word_suggestions(u.word) as words) c group by k) candidates",
                " where changed order by text, k) s");
    }
}
