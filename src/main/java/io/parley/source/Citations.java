package io.parley.source;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.GlobalId;
import io.parley.common.Inputs;
import io.parley.common.NodeType;

/** Turns citation input into stored citations, checking that every source exists. */
@ApplicationScoped
public class Citations {

    private final SourceService sources;

    public Citations(SourceService sources) {
        this.sources = sources;
    }

    /** Notes that the sources these stored citations name exist ({@code RecordService.known}). */
    public void known(List<Citation> stored) {
        sources.known(stored.stream().map(Citation::sourceKey).toList());
    }

    /** Validated citations; an absent list means none. */
    public List<Citation> from(String field, List<CitationInput> inputs) {
        List<Citation> citations = Inputs.each(field, inputs, (element, input) -> new Citation(
                GlobalId.keyOf(input.sourceId, NodeType.SOURCE, element + ".sourceId"),
                Inputs.optional(element + ".excerpt", input.excerpt, Inputs.TEXT_MAX)));
        if (citations == null) {
            return new ArrayList<>();
        }
        sources.requireEachExisting(citations.stream().map(Citation::sourceKey).toList(),
                index -> field + "[" + index + "].sourceId");
        return citations;
    }
}
