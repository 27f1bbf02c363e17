package io.parley.history;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.GlobalId;
import io.parley.common.Roles;
import io.parley.read.JsonReads;
import io.parley.read.JsonShape;
import io.parley.read.Row;
import io.parley.sql.Sql;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The read definitions of a record's history and of the changed fields of a revision (shared
 * with the change feed). Who made a change is shown to editors and admins only.
 */
@ApplicationScoped
public class HistoryReads implements JsonReads {

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.of("Revision", null)
                .columns("number", "actor", "action")
                .dateTime("at", "at")
                .field("changes", (compiler, revision, field) -> Sql.of("(", compiler.list("FieldChange",
                        x -> changes(revision), x -> Sql.sql(x + ".ordinal"), field), ")"))
                .computed("mergedIds", revision -> Sql.of("(select coalesce(json_agg(graphql_id(initcap(",
                        revision.column("node_type"), "), m.key) order by m.ordinal), '[]') from unnest(merged_by_revision(",
                        revision.column("node_type"), ", ", revision.column("record_id"), ", ", revision.column("number"),
                        ")) with ordinality m(key, ordinal))")));
        registry.shape(JsonShape.of("FieldChange", null)
                .column("field", "field")
                .column("from", "before")
                .column("to", "after"));
        registry.root("history", (compiler, field) -> {
            GlobalId record = GlobalId.decode(compiler.argument(field, "id", String.class), "id");
            return compiler.list("Revision", x -> Sql.of("select number, at, case when ", Sql.value(showsActors(
                    compiler.caller())), " then actor end as actor, action, changes, node_type, record_id from revision where node_type = ",
                    Sql.value(record.type().name()), " and record_id = ", Sql.value(record.key())),
                    x -> Sql.sql(x + ".number"), field);
        });
    }

    /**
     * The fields a revision ({@code changes}: its jsonb array of {@code field}/{@code from}/{@code
     * to}) set, named as the API names them: {@code location_country_code} is
     * {@code locationCountryCode}.
     */
    public static Sql changes(Row revision) {
        return Sql.of("select lower(left(replace(initcap(replace(c.value ->> 'field', '_', ' ')), ' ', ''), 1))"
                + " || substr(replace(initcap(replace(c.value ->> 'field', '_', ' ')), ' ', ''), 2) as field,"
                + " c.value ->> 'from' as before, c.value ->> 'to' as after, c.ordinal"
                + " from jsonb_array_elements(", revision.column("changes"), ") with ordinality c(value, ordinal)");
    }

    private static boolean showsActors(SecurityIdentity caller) {
        return caller != null && (caller.hasRole(Roles.EDITOR) || caller.hasRole(Roles.ADMIN));
    }
}
