package io.parley.common;

import io.smallrye.graphql.api.Union;

/** Marks the record types a timeline lists. */
@Union("TimelineItem")
public interface TimelineItem {
}
