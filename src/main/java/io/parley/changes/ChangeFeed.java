package io.parley.changes;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.parley.graphql.Cursor;
import io.parley.graphql.GlobalId;
import io.parley.graphql.NodeType;
import io.parley.graphql.PageInfo;
import io.parley.graphql.PageRequest;
import io.parley.history.HistoryService;
import io.parley.history.RevisionAction;
import io.parley.sql.Sql;

/**
 * Reads the audit history (V3) in commit order, through the positions V8 gives each revision
 * as its transaction commits. A cursor is a position, so it stays valid across restarts and
 * means the same on every replica.
 */
@ApplicationScoped
public class ChangeFeed {

    /** The ordering a change-feed cursor names; cursors of other lists are refused. */
    static final String ORDERING = "changes";

    private final EntityManager em;

    public ChangeFeed(EntityManager em) {
        this.em = em;
    }

    public ChangeConnection after(String after, Integer first) {
        PageRequest request = PageRequest.of(first, after, false);
        Cursor cursor = Cursor.decode(after, ORDERING);
        long from = cursor == null ? 0 : cursor.key();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Sql.of("select c.position, r.node_type, r.record_id, r.action,"
                + " coalesce(r.version, r.number - 1), r.at, cast(r.changes as text)"
                + " from change_log c join revision r on r.id = c.revision_id"
                + " where c.position > ", Sql.value(from),
                " order by c.position limit ", Sql.value(request.first() + 1))
                .nativeQuery(em, Object[].class)
                .getResultList();
        boolean hasNext = rows.size() > request.first();
        List<ChangeConnection.ChangeEdge> edges = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(rows.size(), request.first()))) {
            NodeType type = NodeType.valueOf((String) row[1]);
            RecordChange change = new RecordChange(GlobalId.encode(type, ((Number) row[2]).longValue()), type.label(),
                    RevisionAction.valueOf((String) row[3]), ((Number) row[4]).intValue(),
                    HistoryService.instant(row[5]).atOffset(ZoneOffset.UTC),
                    HistoryService.changes((String) row[6]));
            edges.add(new ChangeConnection.ChangeEdge(cursor(((Number) row[0]).longValue()), change));
        }
        String start = edges.isEmpty() ? null : edges.get(0).cursor();
        // An empty page hands back the cursor it was given, so a poller always has one to continue from.
        String end = edges.isEmpty() ? cursor(from) : edges.get(edges.size() - 1).cursor();
        return new ChangeConnection(edges, edges.stream().map(ChangeConnection.ChangeEdge::node).toList(),
                new PageInfo(hasNext, cursor != null, start, end));
    }

    private static String cursor(long position) {
        return new Cursor(ORDERING, "", position).encode();
    }
}
