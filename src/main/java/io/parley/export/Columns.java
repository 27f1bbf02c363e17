package io.parley.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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

    /** A header, the select item holding its value, and whether it is free text. */
    record Column(String header, int select, boolean text) {
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
            cells[i] = row.getString(columns.get(i).select() + 1);
        }
        return cells;
    }

    /** Free text: guarded against spreadsheet formulas. */
    Columns text(String header, String sql) {
        return plain(header, sql, true);
    }

    /** A value of fixed shape (number, date, code, ID, boolean), written as PostgreSQL writes it as text. */
    Columns value(String header, String sql) {
        return plain(header, "cast(" + sql + " as text)", false);
    }

    Columns instant(String header, String sql) {
        return plain(header, "iso_instant(" + sql + ")", false);
    }

    /** The global ID of the record a key names (null stays null). */
    Columns id(String header, String type, String keySql) {
        return plain(header, "graphql_id('" + type + "', " + keySql + ")", false);
    }

    /** A related record joined to each row ({@code join}: a LEFT JOIN's table, alias and ON), for the columns after it. */
    Columns joined(String join) {
        joins.add(" left join " + join);
        return this;
    }

    /**
     * Text cells aggregated over a related table: {@code from} is its FROM (joins included),
     * {@code owner} the column holding the listed record's key, then header and aggregate
     * expression pairs (each giving text), computed for the listed records only.
     */
    Columns aggregates(String from, String owner, String... headersAndAggregates) {
        String group = "g" + joins.size();
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < headersAndAggregates.length; i += 2) {
            aggregates.add(headersAndAggregates[i + 1] + " as a" + (i / 2));
            plain(headersAndAggregates[i], group + ".a" + (i / 2), true);
        }
        joins.add(" left join (select " + owner + " as owner, " + String.join(", ", aggregates) + " from " + from
                + " where " + owner + " in (select id from listed) group by " + owner + ") " + group + " on " + group
                + ".owner = " + alias + ".id");
        return this;
    }

    /** This row's own ID, version and last change: every export starts with them. */
    Columns identity(String type) {
        return id("id", type, alias + ".id").value("version", alias + ".version");
    }

    Columns updatedAt() {
        return instant("updated_at", alias + ".updated_at");
    }

    /** The row's citations: sources as "publisher: title", their IDs, URLs and the cited passages. */
    Columns citations(String ownerColumn) {
        return aggregates("citation c join source s on s.id = c.source_id", "c." + ownerColumn,
                "sources", "string_agg(s.publisher || coalesce(': ' || s.title, ''), '; ' order by c.ordinal)",
                "source_ids", "string_agg(graphql_id('Source', c.source_id), '; ' order by c.ordinal)",
                "source_urls", "string_agg(coalesce(s.url, ''), '; ' order by c.ordinal)",
                "passages", "string_agg(coalesce(c.excerpt, ''), '; ' order by c.ordinal)");
    }

    private Columns plain(String header, String sql, boolean text) {
        columns.add(new Column(header, selects.size(), text));
        selects.add(sql);
        return this;
    }
}
