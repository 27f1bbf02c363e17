package io.parley.db;

import io.parley.graphql.Page;
import io.parley.graphql.PageRequest;

/**
 * A filtered list in one order, before any page is read: read as a page of entities by the
 * resolvers, or as SQL by reads compiled into one statement.
 */
public record Listing<E extends VersionedEntity>(ListQuery<E> query, Ordering<E> ordering) {

    public Page<E> page(PageRequest request) {
        return query.page(request, ordering);
    }

    /** Every row in this order, selecting {@code columns}; see {@link ListQuery#rowsSql}. */
    public ListQuery.RowsSql rows(String columns) {
        return query.rowsSql(ordering, columns);
    }

    public ListQuery.PageSql sql(PageRequest request, String parameterPrefix) {
        return query.pageSql(request, ordering, parameterPrefix);
    }
}
