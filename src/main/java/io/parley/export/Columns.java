package io.parley.export;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one CSV export: a header and the SQL (over the list's alias) that gives each
 * row's value as text. Related records are read by correlated subqueries in the same
 * statement, so a row costs no extra round trip; the cells one subquery feeds (a talk's
 * participants, names, IDs and Wikidata IDs) come from a single subquery returning an array,
 * because each correlated subquery costs PostgreSQL about 35 µs per row (on the benchmark's
 * 50,000 talks, seven separate ones took 17 s of a 40 s export). Several values in one cell are
 * joined with "; " in their stored order, and the matching *_ids cell lists their IDs in the
 * same order.
 */
final class Columns {

    /** A header, the select item holding its value, and its index in that item's array (-1: a plain value). */
    record Column(String header, int select, int element, boolean text) {
    }

    private final String alias;
    private final List<String> selects = new ArrayList<>();
    private final List<Boolean> arrays = new ArrayList<>();
    private final List<Column> columns = new ArrayList<>();

    Columns(String alias) {
        this.alias = alias;
    }

    List<Column> list() {
        return columns;
    }

    /** The SELECT list. */
    String selectList() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < selects.size(); i++) {
            parts.add(selects.get(i) + " as c" + i);
        }
        return String.join(", ", parts);
    }

    /** The current row's cells, in header order (null for an absent value). */
    String[] read(ResultSet row) throws SQLException {
        Object[] items = new Object[selects.size()];
        for (int i = 0; i < items.length; i++) {
            if (arrays.get(i)) {
                Array array = row.getArray(i + 1);
                items[i] = array == null ? null : (Object[]) array.getArray();
            } else {
                items[i] = row.getString(i + 1);
            }
        }
        String[] cells = new String[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            Column column = columns.get(i);
            Object item = items[column.select()];
            cells[i] = column.element() < 0 ? (String) item : item == null ? null : (String) ((Object[]) item)[column.element()];
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

    /**
     * Text cells computed by one correlated subquery: {@code from} is its FROM and WHERE, then
     * header and aggregate expression pairs (each giving text).
     */
    Columns aggregates(String from, String... headersAndAggregates) {
        int select = selects.size();
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < headersAndAggregates.length; i += 2) {
            columns.add(new Column(headersAndAggregates[i], select, i / 2, true));
            aggregates.add(headersAndAggregates[i + 1]);
        }
        selects.add("(select array[" + String.join(", ", aggregates) + "] " + from + ")");
        arrays.add(true);
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
        return aggregates("from citation c join source s on s.id = c.source_id where c." + ownerColumn + " = " + alias
                + ".id",
                "sources", "string_agg(s.publisher || coalesce(': ' || s.title, ''), '; ' order by c.ordinal)",
                "source_ids", "string_agg(graphql_id('Source', c.source_id), '; ' order by c.ordinal)",
                "source_urls", "string_agg(coalesce(s.url, ''), '; ' order by c.ordinal)",
                "passages", "string_agg(coalesce(c.excerpt, ''), '; ' order by c.ordinal)");
    }

    private Columns plain(String header, String sql, boolean text) {
        columns.add(new Column(header, selects.size(), -1, text));
        selects.add(sql);
        arrays.add(false);
        return this;
    }
}
