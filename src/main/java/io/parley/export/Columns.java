package io.parley.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;

import io.parley.common.GlobalId;
import io.parley.common.NodeType;
import io.parley.sql.Sql;

/**
 * The columns of one CSV export: a header and the SQL (over the list's alias) that gives each
 * row's value as text, and the statement that reads them for a list ({@link #statement}).
 *
 * <p>Related records are read in sets, not per row: the cells one related table feeds (a talk's
 * participants: names, IDs and Wikidata IDs) come from one aggregate over that table's rows for
 * every listed record, grouped by owner and hash-joined to the list ({@link #aggregates}), and a
 * single related record (a talk's track) is joined ({@link #joined}). A correlated subquery per
 * row cost PostgreSQL about 35 µs each (on the benchmark's 50,000 talks, seven separate ones took
 * 17 s of a 40 s export; three array subqueries still took about half of a 9.3 s one). Several
 * values in one cell are joined with "; " in their stored order, and the matching *_ids cell
 * lists their IDs in the same order.
 */
final class Columns {

    /** How a select item becomes a cell. */
    enum Kind {
        /** Free text: guarded against spreadsheet formulas. */
        TEXT,
        /** A value of fixed shape (number, date, code, boolean), as PostgreSQL writes it as text. */
        VALUE,
        /** A record key, written as its global ID. */
        ID,
        /** Record keys joined by "; ", each written as its global ID. */
        IDS,
        /** Microseconds since the epoch, written as an instant (iso_instant, Instant.toString). */
        INSTANT
    }

    /** A header, the select item holding its value, how it is written, and the type of the records its keys name. */
    record Column(String header, int select, Kind kind, NodeType type) {
        boolean text() {
            return kind == Kind.TEXT;
        }

        /**
         * The cell from the select item's text. IDs and instants are written here rather than by
         * graphql_id() and iso_instant(): in SQL they took 0.58 s and 0.2 s of a 1.77 s statement
         * for the 50,000 talks (250,000 IDs), here a few microseconds a row.
         */
        String cell(String item) {
            if (item == null) {
                return null;
            }
            return switch (kind) {
                case TEXT, VALUE -> item;
                case ID -> GlobalId.encode(type, Long.parseLong(item));
                case IDS -> {
                    StringBuilder ids = new StringBuilder(item.length() * 2);
                    int start = 0;
                    while (true) {
                        int end = item.indexOf("; ", start);
                        ids.append(GlobalId.encode(type, Long.parseLong(end < 0 ? item.substring(start) : item.substring(start, end))));
                        if (end < 0) {
                            yield ids.toString();
                        }
                        ids.append("; ");
                        start = end + 2;
                    }
                }
                case INSTANT -> {
                    long micros = Long.parseLong(item);
                    yield Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L)
                            .toString();
                }
            };
        }
    }

    /** One aggregate over a related table's rows: its header, SQL giving text, and how its cell is written. */
    record Aggregate(String header, String sql, Kind kind, NodeType type) {
        /** Text values in {@code order}, joined by "; ". */
        static Aggregate text(String header, String sql) {
            return new Aggregate(header, sql, Kind.TEXT, null);
        }

        /** The IDs of the records {@code key} names, in {@code order}, joined by "; ". */
        static Aggregate ids(String header, NodeType type, String key, String order) {
            return new Aggregate(header, "string_agg(cast(" + key + " as text), '; ' order by " + order + ")", Kind.IDS, type);
        }
    }

    private final String table;
    private final String alias;
    private final List<String> selects = new ArrayList<>();
    private final List<String> joins = new ArrayList<>();
    private final List<Column> columns = new ArrayList<>();

    Columns(String table, String alias) {
        this.table = table;
        this.alias = alias;
    }

    /** The listed record's key, over the list's alias. */
    String key() {
        return alias + ".id";
    }

    List<Column> list() {
        return columns;
    }

    /**
     * Every row of a list, in its order: {@code listed} selects the listed records' keys in
     * order (the list's own SQL, so its filters and ordering are the GraphQL list's). They are
     * numbered once, the related tables aggregated for just those keys, and the rows read in
     * that numbering.
     */
    Sql statement(Sql listed) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < selects.size(); i++) {
            parts.add(selects.get(i) + " as c" + i);
        }
        return Sql.of("with listed as materialized (select x.id, row_number() over () as n from (", listed, ") x)"
                + " select " + String.join(", ", parts) + " from listed join " + table + " " + alias + " on "
                + alias + ".id = listed.id" + String.join("", joins) + " order by listed.n");
    }

    /** The current row's cells, in header order (null for an absent value). */
    String[] read(ResultSet row) throws SQLException {
        String[] cells = new String[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            Column column = columns.get(i);
            cells[i] = column.cell(row.getString(column.select() + 1));
        }
        return cells;
    }

    /** Free text: guarded against spreadsheet formulas. */
    Columns text(String header, String sql) {
        return plain(header, sql, Kind.TEXT, null);
    }

    /** A value of fixed shape (number, date, code, boolean), written as PostgreSQL writes it as text. */
    Columns value(String header, String sql) {
        return plain(header, "cast(" + sql + " as text)", Kind.VALUE, null);
    }

    Columns instant(String header, String sql) {
        return plain(header, "cast(cast(extract(epoch from " + sql + ") * 1000000 as bigint) as text)", Kind.INSTANT, null);
    }

    /** The global ID of the record a key names (null stays null). */
    Columns id(String header, NodeType type, String keySql) {
        return plain(header, "cast(" + keySql + " as text)", Kind.ID, type);
    }

    /** A related record joined to each row ({@code join}: a LEFT JOIN's table, alias and ON), for the columns after it. */
    Columns joined(String join) {
        joins.add(" left join " + join);
        return this;
    }

    /**
     * Cells aggregated over a related table: {@code from} is its FROM (joins included),
     * {@code owner} the column holding the listed record's key; computed for the listed records
     * only, grouped by owner.
     */
    Columns aggregates(String from, String owner, Aggregate... aggregates) {
        String group = "g" + joins.size();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < aggregates.length; i++) {
            items.add(aggregates[i].sql() + " as a" + i);
            plain(aggregates[i].header(), group + ".a" + i, aggregates[i].kind(), aggregates[i].type());
        }
        joins.add(" left join (select " + owner + " as owner, " + String.join(", ", items) + " from " + from
                + " where " + owner + " in (select id from listed) group by " + owner + ") " + group + " on " + group
                + ".owner = " + alias + ".id");
        return this;
    }

    /** This row's own ID, version and last change: every export starts with them. */
    Columns identity(NodeType type) {
        return id("id", type, alias + ".id").value("version", alias + ".version");
    }

    Columns updatedAt() {
        return instant("updated_at", alias + ".updated_at");
    }

    /** The row's citations: sources as "publisher: title", their IDs, URLs and the cited passages. */
    Columns citations(String ownerColumn) {
        return aggregates("citation c join source s on s.id = c.source_id", "c." + ownerColumn,
                Aggregate.text("sources", "string_agg(s.publisher || coalesce(': ' || s.title, ''), '; ' order by c.ordinal)"),
                Aggregate.ids("source_ids", NodeType.SOURCE, "c.source_id", "c.ordinal"),
                Aggregate.text("source_urls", "string_agg(coalesce(s.url, ''), '; ' order by c.ordinal)"),
                Aggregate.text("passages", "string_agg(coalesce(c.excerpt, ''), '; ' order by c.ordinal)"));
    }

    private Columns plain(String header, String sql, Kind kind, NodeType type) {
        columns.add(new Column(header, selects.size(), kind, type));
        selects.add(sql);
        return this;
    }
}
