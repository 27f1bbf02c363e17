package io.parley.talk;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record MonthCount(@NonNull @Description("YYYY-MM") String month, int count) {
}
