package io.parley.common;

import io.smallrye.graphql.api.Union;

/** Marks the record types search can return. */
@Union("SearchResult")
public interface SearchResult {
}
