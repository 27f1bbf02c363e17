package io.parley.bundle;

import org.eclipse.microprofile.graphql.Description;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One bundle record and the stored record it became. */
@Type("ImportedRecord")
public record ImportedRecord(
        @NonNull @Description("The record's local reference in the bundle.") String ref,
        @NonNull @Description("The GraphQL type of the stored record, e.g. Talk.") String type,
        @NonNull @Id String id,
        @NonNull ImportAction action,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Description("How a person was found to be the stored one it matched; null for a created record and for records "
                + "of other types, which match by their natural keys.") ImportMatch matchedBy) {
}
