package io.parley.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.parley.graphql.Cursor;
import io.parley.graphql.Page;
import io.parley.graphql.PageInfo;
import io.parley.graphql.PageRequest;

/**
 * A filtered list read as keyset pages in native SQL: {@code where} clauses with named
 * parameters, then one statement for the page (one row more than asked, to know whether
 * another page follows), one for the total and, after a cursor, one to tell whether rows
 * precede it.
 */
public final class ListQuery<E extends VersionedEntity> {

    /** totalCount of a page whose field did not select it: never serialised. */
    private static final int NOT_COUNTED = -1;

    private final EntityManager em;
    private final Class<E> type;
    private final String table;
    private final String alias;
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public ListQuery(EntityManager em, Class<E> type, String table, String alias) {
        this.em = em;
        this.type = type;
        this.table = table;
        this.alias = alias;
    }

    /** Adds a condition when {@code value} is present; the clause names it as {@code :parameter}. */
    public ListQuery<E> where(String clause, String parameter, Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Adds a condition that needs no parameter. */
    public ListQuery<E> where(String clause) {
        clauses.add(clause);
        return this;
    }

    /** This list in {@code ordering}. */
    public Listing<E> ordered(Ordering<E> ordering) {
        return new Listing<>(this, ordering);
    }

    /** How many rows of the filtered set fall in each group, as (group, count) pairs in group order. */
    public List<Object[]> countBy(String groupExpression) {
        Query query = em.createNativeQuery("select " + groupExpression + " as grp, count(*) as n from " + table + " "
                + alias + where(clauses) + " group by 1 order by 1", Object[].class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    public Page<E> page(PageRequest request, Ordering<E> ordering) {
        PageSql sql = pageSql(request, ordering, "");
        Query rows = em.createNativeQuery(sql.rows(), type);
        sql.parameters().forEach(rows::setParameter);
        @SuppressWarnings("unchecked")
        List<E> fetched = rows.getResultList();

        boolean hasPrevious = false;
        if (request.after() != null) {
            Query exists = em.createNativeQuery("select " + sql.hasPrevious(), Boolean.class);
            sql.bind(exists);
            hasPrevious = (Boolean) exists.getSingleResult();
        }
        int total = NOT_COUNTED;
        if (request.counted()) {
            Query count = em.createNativeQuery("select " + sql.count(), Long.class);
            sql.bind(count);
            total = ((Long) count.getSingleResult()).intValue();
        }
        return page(fetched, request, ordering, hasPrevious, total);
    }

    /**
     * The page as SQL text, for reads compiled into one statement (and for {@link #page}):
     * {@code rows} selects the page's rows (one more than asked) under this list's alias, in
     * order, its limit written out (a checked integer) so that a list without filters is a
     * statement without parameters, whose plan PostgreSQL keeps; {@code hasPrevious} and
     * {@code count} are scalar subqueries; {@code cursor} is the SQL expression of a row's
     * cursor, equal to {@link Cursor#encode()}. Every parameter name starts with {@code prefix},
     * so several lists can share a statement.
     */
    public PageSql pageSql(PageRequest request, Ordering<E> ordering, String prefix) {
        Cursor after = Cursor.decode(request.after(), ordering.name());
        String sortKey = "(" + ordering.expression() + ", " + alias + ".id)";
        String direction = ordering.descending() ? " desc" : " asc";
        Map<String, Object> bound = new LinkedHashMap<>();
        parameters.forEach((name, value) -> bound.put(prefix + name, value));
        List<String> pageClauses = new ArrayList<>(clauses);
        String hasPrevious = "false";
        if (after != null) {
            bound.put(prefix + "cursorValue", ordering.parse(after.value()));
            bound.put(prefix + "cursorKey", after.key());
            String position = "(:cursorValue, :cursorKey)";
            pageClauses.add(sortKey + (ordering.descending() ? " < " : " > ") + position);
            List<String> before = new ArrayList<>(clauses);
            before.add(sortKey + (ordering.descending() ? " >= " : " <= ") + position);
            hasPrevious = "exists (select 1 from " + table + " " + alias + where(before) + ")";
        }
        String order = ordering.expression() + direction + ", " + alias + ".id" + direction;
        String rows = "select " + alias + ".* from " + table + " " + alias + where(pageClauses) + " order by " + order
                + " limit " + (request.first() + 1);
        String count = "(select count(*) from " + table + " " + alias + where(clauses) + ")";
        String cursor = "base64url('" + ordering.name() + "' || chr(10) || " + alias + ".id || chr(10) || "
                + ordering.kind().text(ordering.expression()) + ")";
        return new PageSql(prefixed(rows, bound.keySet(), prefix), prefixed("(" + hasPrevious + ")", bound.keySet(),
                prefix), prefixed(count, bound.keySet(), prefix), cursor, order, alias, bound);
    }

    /**
     * Every row of the filtered list in {@code ordering}, as SQL selecting {@code columns} (SQL
     * expressions over this list's alias), for reads that stream the whole list, such as exports.
     */
    public RowsSql rowsSql(Ordering<E> ordering, String columns) {
        String direction = ordering.descending() ? " desc" : " asc";
        return new RowsSql("select " + columns + " from " + table + " " + alias + where(clauses) + " order by "
                + ordering.expression() + direction + ", " + alias + ".id" + direction, Map.copyOf(parameters));
    }

    /** SQL with named parameters, and their values; see {@link ListQuery#rowsSql}. */
    public record RowsSql(String sql, Map<String, Object> parameters) {
    }

    /** A page's SQL and its parameters; see {@link ListQuery#pageSql}. */
    public record PageSql(String rows, String hasPrevious, String count, String cursor, String order, String alias,
            Map<String, Object> parameters) {

        /** Binds the parameters the query's text uses. */
        public Query bind(Query query) {
            for (var parameter : query.getParameters()) {
                query.setParameter(parameter.getName(), parameters.get(parameter.getName()));
            }
            return query;
        }
    }

    private static String prefixed(String sql, Set<String> prefixedNames, String prefix) {
        if (prefix.isEmpty()) {
            return sql;
        }
        String result = sql;
        for (String name : prefixedNames) {
            result = result.replaceAll(":" + name.substring(prefix.length()) + "\\b", ":" + name);
        }
        return result;
    }

    /**
     * One page per parent, for a connection nested in a list: the rows reach their parent
     * through {@code parentKey} (a column, after {@code join} if given). Three statements
     * however many parents (four after a cursor): the ranked keys of every parent's page, the
     * rows themselves, and each parent's total.
     */
    public Map<Long, Page<E>> pagesByParent(String join, String parentKey, Collection<Long> parents,
            PageRequest request, Ordering<E> ordering) {
        Map<Long, Page<E>> pages = new LinkedHashMap<>();
        if (parents.isEmpty()) {
            return pages;
        }
        Cursor after = Cursor.decode(request.after(), ordering.name());
        String direction = ordering.descending() ? " desc" : " asc";
        String sortKey = "(" + ordering.expression() + ", " + alias + ".id)";
        String from = " from " + table + " " + alias + (join == null ? "" : " " + join);
        List<String> scoped = new ArrayList<>(clauses);
        scoped.add(parentKey + " in (:parents)");

        List<String> pageClauses = new ArrayList<>(scoped);
        if (after != null) {
            pageClauses.add(sortKey + (ordering.descending() ? " < " : " > ") + "(:cursorValue, :cursorKey)");
        }
        Query ranked = em.createNativeQuery("select parent, id from (select " + parentKey + " as parent, " + alias
                + ".id as id, row_number() over (partition by " + parentKey + " order by " + ordering.expression()
                + direction + ", " + alias + ".id" + direction + ") as rank" + from + where(pageClauses)
                + ") ranked where rank <= :limit order by parent, rank", Object[].class);
        bind(ranked, after, ordering).setParameter("parents", parents).setParameter("limit", request.first() + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> keys = ranked.getResultList();
        Map<Long, E> rows = new LinkedHashMap<>();
        List<Long> rowKeys = keys.stream().map(row -> ((Number) row[1]).longValue()).distinct().toList();
        if (!rowKeys.isEmpty()) {
            em.createQuery("from " + type.getSimpleName() + " e where e.pk in :keys", type)
                    .setParameter("keys", rowKeys).getResultList().forEach(row -> rows.put(row.pk, row));
        }
        Map<Long, Long> totals = request.counted() ? countsByParent(from, parentKey, scoped, null, ordering, parents, null)
                : null;
        Map<Long, Long> before = after == null ? Map.of()
                : countsByParent(from, parentKey, scoped, sortKey + (ordering.descending() ? " >= " : " <= ")
                        + "(:cursorValue, :cursorKey)", ordering, parents, after);

        Map<Long, List<E>> fetched = new LinkedHashMap<>();
        for (Object[] row : keys) {
            E entity = rows.get(((Number) row[1]).longValue());
            if (entity != null) {
                fetched.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(entity);
            }
        }
        for (Long parent : parents) {
            List<E> candidates = fetched.getOrDefault(parent, List.of());
            pages.put(parent, page(candidates, request, ordering, before.getOrDefault(parent, 0L) > 0,
                    totals == null ? NOT_COUNTED : totals.getOrDefault(parent, 0L).intValue()));
        }
        return pages;
    }

    private Map<Long, Long> countsByParent(String from, String parentKey, List<String> scoped, String extra,
            Ordering<E> ordering, Collection<Long> parents, Cursor after) {
        List<String> conditions = new ArrayList<>(scoped);
        if (extra != null) {
            conditions.add(extra);
        }
        Query query = em.createNativeQuery("select " + parentKey + ", count(*)" + from + where(conditions)
                + " group by 1", Object[].class);
        bind(query, after, ordering).setParameter("parents", parents);
        Map<Long, Long> counts = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        rows.forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    /** Shapes fetched rows (up to one more than asked for) into a page. */
    private static <E extends VersionedEntity> Page<E> page(List<E> fetched, PageRequest request,
            Ordering<E> ordering, boolean hasPrevious, int total) {
        boolean hasNext = fetched.size() > request.first();
        List<E> nodes = hasNext ? fetched.subList(0, request.first()) : fetched;
        List<String> cursors = nodes.stream()
                .map(row -> new Cursor(ordering.name(), ordering.cursorValue(row), row.pk).encode())
                .toList();
        PageInfo info = new PageInfo(hasNext, hasPrevious, cursors.isEmpty() ? null : cursors.get(0),
                cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
        return new Page<>(List.copyOf(nodes), cursors, info, total);
    }

    private Query bind(Query query, Cursor after, Ordering<E> ordering) {
        parameters.forEach(query::setParameter);
        if (after != null && query.getParameters().stream().anyMatch(p -> "cursorValue".equals(p.getName()))) {
            query.setParameter("cursorValue", ordering.parse(after.value()));
            query.setParameter("cursorKey", after.key());
        }
        return query;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
