package io.parley.timeline;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.DatePrecision;
import io.parley.common.TimelineItem;

public record TimelineEntry(@NonNull LocalDate date, @NonNull DatePrecision datePrecision, @NonNull TimelineItem item) {
}
