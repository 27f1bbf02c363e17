package io.parley.history;

import org.eclipse.microprofile.graphql.NonNull;

public record FieldChange(@NonNull String field, String from, String to) {
}
