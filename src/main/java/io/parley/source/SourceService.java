package io.parley.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.parley.db.ListQuery;
import io.parley.db.Listing;
import io.parley.db.Ordering;
import io.parley.db.RecordService;
import io.parley.graphql.GlobalId;
import io.parley.graphql.Inputs;
import io.parley.graphql.Node;
import io.parley.graphql.NodeType;
import io.parley.graphql.Nodes;
import io.parley.sql.Sql;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class SourceService extends RecordService<Source, SourceInput> {

    static final Ordering<Source> BY_KEY = new Ordering<>("id", "s.id", Ordering.Kind.NUMBER, false, s -> s.key());

    private final EntityManager em;
    private final Nodes nodes;

    public SourceService(EntityManager em, Nodes nodes, SecurityIdentity identity) {
        super(NodeType.SOURCE, Source::new, identity);
        this.em = em;
        this.nodes = nodes;
    }

    /** The citation columns that name the citing record, with the type each names. */
    private static final NodeType[] CITING = { NodeType.PERSON, NodeType.TRACK, NodeType.ENVOY, NodeType.TALK,
            NodeType.TRIP, NodeType.OUTCOME, NodeType.STATEMENT };

    /**
     * The records citing each source, once each however often they cite it, grouped by type in
     * the order of {@link #CITING} and then in the order recorded: two statements for any
     * number of sources (the citations, then one lookup per type of record found).
     */
    public Map<Long, List<Node>> citedBy(Collection<Long> sourceKeys) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Sql.of("select source_id, person_id, track_id, envoy_id, talk_id, trip_id, outcome_id,"
                + " statement_id from citation where source_id in (", Sql.values(sourceKeys), ")"
                + " order by source_id, person_id, track_id, envoy_id, talk_id, trip_id, outcome_id, statement_id")
                .nativeQuery(em).getResultList();
        Map<Long, Set<GlobalId>> citing = new LinkedHashMap<>();
        for (Object[] row : rows) {
            for (int i = 0; i < CITING.length; i++) {
                if (row[i + 1] != null) {
                    citing.computeIfAbsent(((Number) row[0]).longValue(), k -> new LinkedHashSet<>())
                            .add(new GlobalId(CITING[i], ((Number) row[i + 1]).longValue()));
                }
            }
        }
        List<GlobalId> all = citing.values().stream().flatMap(Set::stream).distinct().toList();
        Map<GlobalId, Node> loaded = new LinkedHashMap<>();
        List<Node> found = all.isEmpty() ? List.of() : nodes.load(all);
        for (int i = 0; i < all.size(); i++) {
            loaded.put(all.get(i), found.get(i));
        }
        Map<Long, List<Node>> result = new LinkedHashMap<>();
        citing.forEach((source, ids) -> {
            List<Node> records = new ArrayList<>(ids.size());
            ids.stream().map(loaded::get).filter(Objects::nonNull).forEach(records::add);
            result.put(source, records);
        });
        return result;
    }

    public Listing<Source> listing() {
        return new ListQuery<>(em, Source.class, "source", "s").ordered(BY_KEY);
    }

    @Transactional
    public Source add(SourceInput input) {
        return created(input);
    }

    @Override
    protected Source apply(Source source, SourceInput input) {
        source.publisher = Inputs.required("input.publisher", input.publisher, Inputs.NAME_MAX);
        source.title = Inputs.optional("input.title", input.title, Inputs.TITLE_MAX);
        source.url = Inputs.url("input.url", input.url);
        source.publishedOn = input.publishedOn;
        source.language = Inputs.matching("input.language", input.language, "[a-z]{2,3}(-[A-Z]{2})?",
                "a BCP 47 language tag such as en or pt-BR");
        return source;
    }
}
