package io.parley.read;

import java.util.ArrayList;
import java.util.List;

import io.parley.sql.Sql;

/**
 * The row an object is read from in a compiled statement: a table alias unique in the
 * statement, a column prefix for values embedded in their owner's row, and the joins of the
 * FROM that reads it, where records it refers to are joined in (see {@link ReadCompiler#one}).
 */
public record Row(String alias, String prefix, List<Sql> joins) {

    static Row of(String alias) {
        return new Row(alias, "", new ArrayList<>());
    }

    /** A column of the row (a name written in the code). */
    public Sql column(String name) {
        return Sql.sql(alias + "." + prefix + name);
    }

    /** The row's key. */
    public Sql id() {
        return column("id");
    }

    Row embedded(String more) {
        return new Row(alias, prefix + more, joins);
    }

    /** {@code from} followed by the joins added while reading the row. */
    Sql from(Sql from) {
        return joins.isEmpty() ? from : Sql.of(from, " ", Sql.join(joins, " "));
    }
}
