package io.parley.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.parley.graphql.GlobalId;
import io.parley.graphql.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reads the revisions the database's triggers keep (V3); they survive the record's deletion. */
@ApplicationScoped
public class HistoryService {

    private final EntityManager em;
    private final SecurityIdentity identity;

    public HistoryService(EntityManager em, SecurityIdentity identity) {
        this.em = em;
        this.identity = identity;
    }

    public List<Revision> of(String id) {
        GlobalId record = GlobalId.decode(id, "id");
        boolean showActors = identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.ADMIN);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select number, at, actor, action, changes::text from revision"
                + " where node_type = :type and record_id = :key order by number", Object[].class)
                .setParameter("type", record.type().name())
                .setParameter("key", record.key())
                .getResultList();
        List<Revision> revisions = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            revisions.add(new Revision(((Number) row[0]).intValue(), instant(row[1]).atOffset(ZoneOffset.UTC),
                    showActors ? (String) row[2] : null, RevisionAction.valueOf((String) row[3]),
                    changes((String) row[4])));
        }
        return revisions;
    }

    /** The changed fields of a revision, as its {@code changes} column holds them. */
    public static List<FieldChange> changes(String json) {
        JsonArray array = new JsonArray(json);
        List<FieldChange> changes = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonObject change = array.getJsonObject(i);
            changes.add(new FieldChange(camelCase(change.getString("field")), change.getString("from"),
                    change.getString("to")));
        }
        return changes;
    }

    /** Column names as the API names the fields: {@code location_country_code} is {@code locationCountryCode}. */
    static String camelCase(String column) {
        StringBuilder name = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /** A timestamptz column's value as the JDBC driver hands it over, as an instant. */
    public static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
