package io.parley.timeline;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.graphql.DatePrecision;
import io.parley.graphql.TimelineItem;

public record TimelineEntry(@NonNull LocalDate date, @NonNull DatePrecision datePrecision, @NonNull TimelineItem item) {
}
