package io.parley.search;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.SearchResult;

public record SearchHit(double score,
        @Description("The matching passage as HTML: the text is escaped and matched words are wrapped in <mark>.") String snippet,
        @NonNull SearchResult result) {
}
