package io.parley.db;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.parley.paging.Cursor;
import io.parley.paging.PageRequest;
import io.parley.sql.Sql;

/**
 * A filtered list of one table's rows, as SQL: conditions over the table's alias (each a
 * {@link Sql} piece, its values parameters), then, in an {@link Ordering}, a keyset page
 * ({@link #pageSql}) or every row ({@link #rowsSql}). Conditions may refer to rows outside the
 * list (a nested connection's parent), so one statement can read one page per parent.
 */
public final class ListQuery {

    private final String table;
    private final String alias;
    private final List<Sql> conditions = new ArrayList<>();

    public ListQuery(String table, String alias) {
        this.table = table;
        this.alias = alias;
    }

    /** Adds a condition. */
    public ListQuery where(Sql condition) {
        conditions.add(condition);
        return this;
    }

    /** Adds the condition on {@code value} when it is present (a filter the client gave). */
    public <V> ListQuery where(V value, Function<V, Sql> condition) {
        if (value != null) {
            conditions.add(condition.apply(value));
        }
        return this;
    }

    /** This list in {@code ordering}. */
    public Listing ordered(Ordering ordering) {
        return new Listing(this, ordering);
    }

    public String alias() {
        return alias;
    }

    /**
     * One page of the list: {@code rows} selects the page's rows (one more than asked, to know
     * whether another follows) under the list's alias, in order; {@code hasPrevious} and
     * {@code count} are scalar subqueries; {@code cursor} is the SQL of a row's cursor, equal to
     * {@link Cursor#encode()}; {@code order} the ORDER BY of a page's rows.
     */
    public PageSql pageSql(PageRequest request, Ordering ordering) {
        Cursor after = Cursor.decode(request.after(), ordering.name());
        Sql sortKey = Sql.sql("(" + ordering.expression() + ", " + alias + ".id)");
        String direction = ordering.descending() ? " desc" : " asc";
        List<Sql> pageConditions = new ArrayList<>(conditions);
        Sql hasPrevious = Sql.sql("false");
        if (after != null) {
            Sql position = Sql.of("(", Sql.value(ordering.parse(after.value())), ", ", Sql.value(after.key()), ")");
            pageConditions.add(Sql.of(sortKey, ordering.descending() ? " < " : " > ", position));
            List<Sql> before = new ArrayList<>(conditions);
            before.add(Sql.of(sortKey, ordering.descending() ? " >= " : " <= ", position));
            hasPrevious = Sql.of("exists (select 1 from " + table + " " + alias, where(before), ")");
        }
        String order = ordering.expression() + direction + ", " + alias + ".id" + direction;
        // A list narrowed by values the client sent (filters, a cursor) keeps its limit a parameter,
        // so that PostgreSQL plans it with those values: its generic plan guesses their selectivity
        // (for 2020's skeptical statements: 17 rows where 912 match, so it sorted them all instead of
        // walking the date index), and a limit it cannot see keeps that plan from ever winning. A
        // list narrowed only by its parent row gets the number, and the generic plan (Sql.pageSize).
        boolean narrowedByValues = pageConditions.stream().anyMatch(condition -> !condition.parameters().isEmpty());
        Sql limit = narrowedByValues ? Sql.value(request.first() + 1) : Sql.pageSize(request.first() + 1);
        Sql rows = Sql.of("select " + alias + ".* from " + table + " " + alias, where(pageConditions), " order by " + order
                + " limit ", limit);
        Sql count = Sql.of("(select count(*) from " + table + " " + alias, where(conditions), ")");
        Sql cursor = Sql.of("base64url(", Sql.value(ordering.name()), " || chr(10) || " + alias + ".id || chr(10) || "
                + ordering.kind().text(ordering.expression()) + ")");
        return new PageSql(rows, Sql.of("(", hasPrevious, ")"), count, cursor, order, alias);
    }

    /**
     * Every row of the list in {@code ordering}, selecting {@code columns} (SQL over the list's
     * alias), for reads that stream the whole list, such as exports.
     */
    public Sql rowsSql(Ordering ordering, Sql columns) {
        String direction = ordering.descending() ? " desc" : " asc";
        return Sql.of("select ", columns, " from " + table + " " + alias, where(conditions), " order by "
                + ordering.expression() + direction + ", " + alias + ".id" + direction);
    }

    /**
     * The number of rows in each group ({@code group}: SQL over the list's alias), as
     * {@code (group, count)} rows in group order: e.g. talks per month.
     */
    public Sql countsSql(Sql group) {
        return Sql.of("select ", group, " as grp, count(*) as n from " + table + " " + alias, where(conditions),
                " group by 1 order by 1");
    }

    /** A page's SQL; see {@link ListQuery#pageSql}. */
    public record PageSql(Sql rows, Sql hasPrevious, Sql count, Sql cursor, String order, String alias) {
    }

    private static Sql where(List<Sql> conditions) {
        return conditions.isEmpty() ? Sql.EMPTY : Sql.of(" where ", Sql.join(conditions, " and "));
    }
}
