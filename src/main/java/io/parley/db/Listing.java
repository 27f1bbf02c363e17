package io.parley.db;

import io.parley.paging.PageRequest;
import io.parley.sql.Sql;

/** A filtered list in one order, before any page is read: read as pages by compiled reads, or whole by exports. */
public record Listing(ListQuery query, Ordering ordering) {

    /** Every row in this order, selecting {@code columns}; see {@link ListQuery#rowsSql}. */
    public Sql rows(String columns) {
        return query.rowsSql(ordering, Sql.sql(columns));
    }

    public ListQuery.PageSql page(PageRequest request) {
        return query.pageSql(request, ordering);
    }
}
