package io.parley.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.parley.db.Sql;
import io.parley.graphql.GlobalId;
import io.parley.graphql.Inputs;
import io.parley.graphql.Node;
import io.parley.graphql.NodeType;
import io.parley.graphql.Nodes;
import io.parley.graphql.PageRequest;
import io.parley.graphql.SearchResult;

/**
 * Ranked search across every kind of record in one statement: websearch syntax over the
 * weighted, accent-folded search vectors (names and titles weigh most), plus trigram word
 * similarity on names and titles for typos; both are index-backed.
 */
@ApplicationScoped
public class SearchService {

    /**
     * A searchable table: its short text (as indexed for trigrams), how much a near miss on that
     * text counts (a person's name more than a statement's wording), and the text snippets come from.
     */
    private record Searchable(NodeType type, String table, String shortText, double typoWeight, String document) {
    }

    private static final List<Searchable> TABLES = List.of(
            new Searchable(NodeType.PERSON, "person", "fold(x.name || ' ' || join_words(x.aliases))", 1.0,
                    "x.name || coalesce(' — ' || x.summary, '')"),
            new Searchable(NodeType.ENVOY, "envoy", "fold(x.title)", 0.6, "x.title || coalesce(' — ' || x.mandate, '')"),
            new Searchable(NodeType.TRACK, "track", "fold(x.name)", 0.8, "x.name || coalesce(' — ' || x.summary, '')"),
            new Searchable(NodeType.TALK, "talk", "fold(x.title)", 0.4, "x.title || coalesce(' — ' || x.summary, '')"),
            new Searchable(NodeType.TRIP, "trip", "fold(x.destination_name)", 0.5,
                    "x.destination_name || coalesce(' — ' || x.purpose, '') || coalesce(' — ' || x.summary, '')"),
            new Searchable(NodeType.OUTCOME, "outcome", "fold(x.title)", 0.4,
                    "x.title || coalesce(' — ' || x.description, '')"),
            new Searchable(NodeType.STATEMENT, "statement", "fold(x.quote)", 0.2, "x.quote"),
            new Searchable(NodeType.SOURCE, "source", "fold(x.publisher || ' ' || coalesce(x.title, ''))", 0.6,
                    "x.publisher || coalesce(' — ' || x.title, '')"));

    private static final String HEADLINE_OPTIONS =
            "StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MinWords=6, MaxWords=24, FragmentDelimiter=\" … \"";

    private static final String SQL = "with q as (select " + Sql.tsQuery("query") + " as ts, fold(:query) as folded)"
            + " select type, id, score, snippet from ("
            + TABLES.stream().map(SearchService::hitsOf).collect(Collectors.joining(" union all "))
            + ") hits order by score desc, type, id limit :first";

    private final EntityManager em;
    private final Nodes nodes;

    public SearchService(EntityManager em, Nodes nodes) {
        this.em = em;
        this.nodes = nodes;
    }

    private static String hitsOf(Searchable s) {
        return "select '" + s.type().name() + "' as type, x.id,"
                + " (ts_rank(x.search, q.ts, 1) + " + s.typoWeight() + " * word_similarity(q.folded, " + s.shortText()
                + "))::float8 as score,"
                + " ts_headline('english', html_escape(" + s.document() + "), q.ts, '" + HEADLINE_OPTIONS + "') as snippet"
                + " from " + s.table() + " x, q"
                + " where x.search @@ q.ts or " + s.shortText() + " %> q.folded";
    }

    public List<SearchHit> search(String query, Integer first) {
        String text = Inputs.required("query", query, Inputs.NAME_MAX);
        PageRequest page = PageRequest.of(first, null);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL, Object[].class)
                .setParameter("query", text)
                .setParameter("first", page.first())
                .getResultList();
        List<GlobalId> ids = rows.stream()
                .map(row -> new GlobalId(NodeType.valueOf((String) row[0]), ((Number) row[1]).longValue())).toList();
        List<Node> found = nodes.load(ids);
        List<SearchHit> hits = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (found.get(i) instanceof SearchResult result) {
                hits.add(new SearchHit(((Number) rows.get(i)[2]).doubleValue(), (String) rows.get(i)[3], result));
            }
        }
        return hits;
    }
}
