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
import io.parley.db.Lookup;
import io.parley.db.Ordering;
import io.parley.db.Store;
import io.parley.graphql.GlobalId;
import io.parley.graphql.Inputs;
import io.parley.graphql.Node;
import io.parley.graphql.NodeLoader;
import io.parley.graphql.NodeType;

@ApplicationScoped
public class SourceService implements NodeLoader<Source> {

    static final Ordering BY_KEY = new Ordering("id", "s.id", Ordering.Kind.NUMBER, false);

    private final EntityManager em;
    private final Store store;
    private final Lookup lookup;

    public SourceService(EntityManager em, Store store, Lookup lookup) {
        this.em = em;
        this.store = store;
        this.lookup = lookup;
    }

    /** The citation columns that name the citing record, with the type each names. */


    public Listing listing() {
        return new ListQuery("source", "s").ordered(BY_KEY);
    }

    @Override
    public NodeType nodeType() {
        return NodeType.SOURCE;
    }

    @Override
    public Map<Long, Source> byKeys(Collection<Long> keys) {
        return lookup.byKeys(Source.class, keys);
    }

    @Transactional
    public Source add(SourceInput input) {
        return store.create(apply(new Source(), input));
    }

    @Transactional
    public Source update(String id, SourceInput input, Integer expectedVersion) {
        return store.save(apply(store.forUpdate(Source.class, NodeType.SOURCE, id, expectedVersion), input));
    }

    @Transactional
    public String delete(String id, Integer expectedVersion) {
        return store.delete(Source.class, NodeType.SOURCE, id, expectedVersion);
    }

    private static Source apply(Source source, SourceInput input) {
        source.publisher = Inputs.required("input.publisher", input.publisher, Inputs.NAME_MAX);
        source.title = Inputs.optional("input.title", input.title, Inputs.TITLE_MAX);
        source.url = Inputs.url("input.url", input.url);
        source.publishedOn = input.publishedOn;
        source.language = Inputs.matching("input.language", input.language, "[a-z]{2,3}(-[A-Z]{2})?",
                "a BCP 47 language tag such as en or pt-BR");
        return source;
    }
}
