package io.parley.bundle;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** What an import did: counts, and every record in bundle order. */
@Type("ImportResult")
public record ImportResult(
        @Description("Records created.") int created,
        @Description("Records that matched a stored one saying the same; nothing was written for them.") int matched,
        @Description("Records that matched a stored one and changed it.") int updated,
        @NonNull List<@NonNull ImportedRecord> records,
        @Description("True when the bundle was only checked (dryRun): the counts say what importing it would do, "
                + "nothing was written and the IDs name no stored record.") boolean dryRun) {

    static ImportResult of(List<ImportedRecord> records, boolean dryRun) {
        return new ImportResult(count(records, ImportAction.CREATED), count(records, ImportAction.MATCHED),
                count(records, ImportAction.UPDATED), records, dryRun);
    }

    private static int count(List<ImportedRecord> records, ImportAction action) {
        return (int) records.stream().filter(r -> r.action() == action).count();
    }
}
