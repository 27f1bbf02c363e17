package io.parley.source;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.db.ListQuery;
import io.parley.db.Listing;
import io.parley.db.Ordering;
import io.parley.db.RecordService;
import io.parley.common.Inputs;
import io.parley.common.NodeType;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class SourceService extends RecordService<Source, SourceInput> {

    static final Ordering BY_KEY = new Ordering("id", "s.id", Ordering.Kind.NUMBER, false);

    public SourceService(SecurityIdentity identity) {
        super(NodeType.SOURCE, Source::new, identity);
    }

    public Listing listing() {
        return new ListQuery("source", "s").ordered(BY_KEY);
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
