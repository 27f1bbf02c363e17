package io.parley.changes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import graphql.normalized.ExecutableNormalizedField;

import io.parley.history.HistoryReads;
import io.parley.paging.Cursor;
import io.parley.paging.PageRequest;
import io.parley.read.JsonReads;
import io.parley.read.JsonShape;
import io.parley.read.ReadCompiler;
import io.parley.read.Row;
import io.parley.sql.Sql;

/**
 * The read definition of the change feed: every created, updated and deleted record in commit
 * order (positions numbered at commit, V8), paged by position. Unlike other connections, an
 * empty page hands back the cursor it was given as its endCursor, so a poller always has one to
 * continue from.
 */
@ApplicationScoped
public class ChangeReads implements JsonReads {

    /** The ordering a change-feed cursor names; cursors of other lists are refused. */
    static final String ORDERING = "changes";

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.of("RecordChange", null)
                .computed("id", change -> Sql.of("graphql_id(initcap(", change.column("node_type"), "), ",
                        change.column("record_id"), ")"))
                .computed("type", change -> Sql.of("initcap(", change.column("node_type"), ")"))
                .column("operation", "action")
                .column("version", "version")
                .dateTime("changedAt", "at")
                .field("changes", (compiler, change, field) -> Sql.of("(", compiler.list("FieldChange",
                        x -> HistoryReads.changes(change), x -> Sql.sql(x + ".ordinal"), field), ")"))
                .field("record", (compiler, change, field) -> compiler.polymorphic(
                        Sql.of("initcap(", change.column("node_type"), ")"), change.column("record_id"), field))
                .field("mergedInto", (compiler, change, field) -> compiler.polymorphic(
                        Sql.of("initcap(", change.column("node_type"), ")"), Sql.of("case when ", change.column("action"),
                                " = 'DELETED' then merged_into(", change.column("node_type"), ", ",
                                change.column("record_id"), ") end"), field)));
        registry.root("changes", ChangeReads::page);
    }

    private static Sql page(ReadCompiler compiler, ExecutableNormalizedField field) {
        PageRequest request = PageRequest.of(compiler.argument(field, "first", Integer.class),
                compiler.argument(field, "after", String.class), false);
        Cursor after = Cursor.decode(request.after(), ORDERING);
        long from = after == null ? 0 : after.key();
        String rows = compiler.alias();
        Sql first = Sql.pageSize(request.first());
        Sql inPage = Sql.of(" from " + rows + " r where r.rank_ <= ", first);
        List<Sql> pairs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ExecutableNormalizedField child : field.getChildren()) {
            Sql value = switch (child.getName()) {
                case "__typename" -> Sql.value("ChangeConnection");
                case "edges", "nodes" -> {
                    Row row = new Row("r", "", new ArrayList<>());
                    Sql item = child.getName().equals("edges") ? edge(compiler, child, row) : compiler.object(
                            "RecordChange", row, child);
                    yield Sql.of("(select coalesce(json_agg(", item, " order by r.rank_), '[]') from ", row.joins().isEmpty()
                            ? Sql.sql(rows + " r") : Sql.of(rows + " r ", Sql.join(row.joins(), " ")),
                            " where r.rank_ <= ", first, ")");
                }
                case "pageInfo" -> pageInfo(child, rows, inPage, first, after != null, from);
                default -> throw new IllegalStateException("ChangeConnection." + child.getName());
            };
            if (keys.add(child.getResultKey())) {
                pairs.add(Sql.of(Sql.value(child.getResultKey()), ", ", value));
            }
        }
        return Sql.of("with " + rows + " as (select c.position, r.node_type, r.record_id, r.action,"
                + " coalesce(r.version, r.number - 1) as version, r.at, r.changes,"
                + " row_number() over (order by c.position) as rank_"
                + " from change_log c join revision r on r.id = c.revision_id where c.position > ", Sql.value(from),
                " order by c.position limit ", Sql.pageSize(request.first() + 1), ") select json_build_object(",
                Sql.join(pairs, ", "), ")");
    }

    private static Sql edge(ReadCompiler compiler, ExecutableNormalizedField edges, Row row) {
        List<Sql> pairs = new ArrayList<>();
        for (ExecutableNormalizedField child : edges.getChildren()) {
            Sql value = switch (child.getName()) {
                case "__typename" -> Sql.value("ChangeEdge");
                case "cursor" -> cursor(Sql.sql("r.position"));
                case "node" -> compiler.object("RecordChange", row, child);
                default -> throw new IllegalStateException("ChangeEdge." + child.getName());
            };
            pairs.add(Sql.of(Sql.value(child.getResultKey()), ", ", value));
        }
        return Sql.of("json_build_object(", Sql.join(pairs, ", "), ")");
    }

    private static Sql pageInfo(ExecutableNormalizedField field, String rows, Sql inPage, Sql first, boolean hasPrevious,
            long from) {
        List<Sql> pairs = new ArrayList<>();
        for (ExecutableNormalizedField child : field.getChildren()) {
            Sql value = switch (child.getName()) {
                case "__typename" -> Sql.value("PageInfo");
                case "hasNextPage" -> Sql.of("((select count(*) from " + rows + ") > ", first, ")");
                case "hasPreviousPage" -> Sql.value(hasPrevious);
                case "startCursor" -> Sql.of("(select ", cursor(Sql.sql("r.position")), inPage, " order by r.rank_ limit 1)");
                // An empty page hands back the cursor it was given.
                case "endCursor" -> Sql.of("coalesce((select ", cursor(Sql.sql("r.position")), inPage,
                        " order by r.rank_ desc limit 1), ", cursor(Sql.value(from)), ")");
                default -> throw new IllegalStateException("PageInfo." + child.getName());
            };
            pairs.add(Sql.of(Sql.value(child.getResultKey()), ", ", value));
        }
        return Sql.of("json_build_object(", Sql.join(pairs, ", "), ")");
    }

    /** The cursor of a position, as {@link Cursor#encode()} writes it. */
    private static Sql cursor(Sql position) {
        return Sql.of("base64url(", Sql.value(ORDERING), " || chr(10) || ", position, " || chr(10))");
    }
}
