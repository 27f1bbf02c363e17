package io.parley.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Cursor after = Cursor.decode(request.after(), ordering.name());
        String sortKey = "(" + ordering.expression() + ", " + alias + ".id)";
        String direction = ordering.descending() ? " desc" : " asc";

        List<String> pageClauses = new ArrayList<>(clauses);
        if (after != null) {
            pageClauses.add(sortKey + (ordering.descending() ? " < " : " > ") + "(:cursorValue, :cursorKey)");
        }
        Query rows = em.createNativeQuery("select " + alias + ".* from " + table + " " + alias + where(pageClauses)
                + " order by " + ordering.expression() + direction + ", " + alias + ".id" + direction
                + " limit :limit", type);
        bind(rows, after, ordering).setParameter("limit", request.first() + 1);
        @SuppressWarnings("unchecked")
        List<E> fetched = rows.getResultList();

        boolean hasNext = fetched.size() > request.first();
        List<E> nodes = hasNext ? fetched.subList(0, request.first()) : fetched;
        List<String> cursors = nodes.stream()
                .map(row -> new Cursor(ordering.name(), ordering.cursorValue(row), row.pk).encode())
                .toList();

        boolean hasPrevious = false;
        if (after != null) {
            List<String> before = new ArrayList<>(clauses);
            before.add(sortKey + (ordering.descending() ? " >= " : " <= ") + "(:cursorValue, :cursorKey)");
            Query exists = em.createNativeQuery("select exists (select 1 from " + table + " " + alias + where(before)
                    + ")", Boolean.class);
            hasPrevious = (Boolean) bind(exists, after, ordering).getSingleResult();
        }
        Query count = em.createNativeQuery("select count(*) from " + table + " " + alias + where(clauses), Long.class);
        int total = ((Long) bind(count, null, ordering).getSingleResult()).intValue();

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
