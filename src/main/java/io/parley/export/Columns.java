package io.parley.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one CSV export: a header and the SQL expression (over the list's alias) that
 * gives each row's value as text. Related records are read by correlated subqueries in the
 * same statement, so a row costs no extra round trip. Several values in one cell (a talk's
 * participants, a record's sources) are joined with "; " in their stored order, and the
 * matching *_ids column lists their IDs in the same order.
 */
final class Columns {

    record Column(String header, String sql, boolean text) {
    }

    private final String alias;
    private final List<Column> columns = new ArrayList<>();

    Columns(String alias) {
        this.alias = alias;
    }

    List<Column> list() {
        return columns;
    }

    /** The SELECT list: one text column per header, in order. */
    String selectList() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            parts.add(columns.get(i).sql() + " as c" + i);
        }
        return String.join(", ", parts);
    }

    /** Free text: guarded against spreadsheet formulas. */
    Columns text(String header, String sql) {
        columns.add(new Column(header, sql, true));
        return this;
    }

    /** A value of fixed shape (number, date, code, ID, boolean), written as PostgreSQL writes it as text. */
    Columns value(String header, String sql) {
        columns.add(new Column(header, "cast(" + sql + " as text)", false));
        return this;
    }

    Columns instant(String header, String sql) {
        columns.add(new Column(header, "iso_instant(" + sql + ")", false));
        return this;
    }

    /** The global ID of the record a key names (null stays null). */
    Columns id(String header, String type, String keySql) {
        columns.add(new Column(header, "graphql_id('" + type + "', " + keySql + ")", false));
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
        String from = " from citation c join source s on s.id = c.source_id where c." + ownerColumn + " = " + alias
                + ".id";
        return text("sources", "(select string_agg(s.publisher || coalesce(': ' || s.title, ''), '; ' order by c.ordinal)"
                + from + ")")
                .text("source_ids", "(select string_agg(graphql_id('Source', c.source_id), '; ' order by c.ordinal)"
                        + from + ")")
                .text("source_urls", "(select string_agg(coalesce(s.url, ''), '; ' order by c.ordinal)" + from + ")")
                .text("passages", "(select string_agg(coalesce(c.excerpt, ''), '; ' order by c.ordinal)" + from + ")");
    }
}
