package io.parley.read;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import graphql.normalized.ExecutableNormalizedField;

import io.parley.common.NodeType;
import io.parley.db.Listing;
import io.parley.sql.Sql;

/**
 * The read definition of every field of one GraphQL object type: how each is built as JSON in
 * SQL from the row the object is read from. It is the field's only definition: the compiler
 * answers it with this wherever it appears (at the root, nested, through {@code node}, in a
 * union, in a mutation's payload or a subscription's event). Each feature describes its own
 * types ({@link JsonReads}).
 */
public final class JsonShape {

    /** SQL of one selected field's value over the current row. */
    @FunctionalInterface
    public interface Field {
        Sql sql(ReadCompiler compiler, Row row, ExecutableNormalizedField selection);
    }

    /**
     * The rows of a list related to a parent row: {@code from} (tables, the target's aliased
     * {@code x}, a link table's {@code l}), {@code where} over them and the parent, and the
     * {@code order} of the list.
     */
    public record Related(Sql from, Sql where, Sql order) {
    }

    /** The related rows of a parent, given the aliases the statement reserved for them. */
    @FunctionalInterface
    public interface Relation {
        Related of(Row parent, String x, String l);
    }

    final String type;
    final String table;
    final Map<String, Field> fields = new HashMap<>();
    /** The key a record's key answers with now (SQL over SQL), for records that can be merged into others; or null. */
    Function<Sql, Sql> current;

    private JsonShape(String type, String table) {
        this.type = type;
        this.table = table;
    }

    /**
     * A type stored as rows of {@code table}, or read from rows a field's SQL selects ({@code
     * table} null); or, from another feature, more fields of a type ({@code table} null).
     */
    public static JsonShape of(String type, String table) {
        return new JsonShape(type, table);
    }

    /** A record type: its global ID, version and last change, besides what the caller adds. */
    public static JsonShape node(NodeType nodeType, String table) {
        return of(nodeType.label(), table)
                .computed("id", row -> Sql.of("graphql_id(", Sql.value(nodeType.label()), ", ", row.id(), ")"))
                .columns("version")
                .dateTime("updatedAt", "updated_at");
    }

    /** A type stored in its owner's row, in columns that share a prefix (see {@link #embedded}). */
    public static JsonShape embeddedIn(String type) {
        return new JsonShape(type, null);
    }

    public String type() {
        return type;
    }

    /**
     * This type's fields and those another feature defines on it (a person's talks are defined
     * by the feature of talks); a field defined twice is refused.
     */
    JsonShape with(JsonShape more) {
        if (table != null && more.table != null && !table.equals(more.table)) {
            throw new IllegalStateException(type + " is read from " + table + " and " + more.table);
        }
        if (current != null && more.current != null) {
            throw new IllegalStateException(type + " has two redirects");
        }
        JsonShape merged = new JsonShape(type, table != null ? table : more.table);
        merged.current = current != null ? current : more.current;
        fields.forEach(merged::field);
        more.fields.forEach(merged::field);
        return merged;
    }

    /** The names of the fields defined here. */
    public java.util.Set<String> fieldNames() {
        return java.util.Collections.unmodifiableSet(fields.keySet());
    }

    /**
     * Records of this type can be merged into others, and the IDs of merged ones keep answering:
     * {@code current} gives the key a key answers with now (SQL of SQL). Reads by ID ({@code node},
     * {@code nodes}, a root field by {@code id}) look the record up through it, in the same statement.
     */
    public JsonShape redirected(Function<Sql, Sql> current) {
        if (this.current != null) {
            throw new IllegalStateException(type + " has two redirects");
        }
        this.current = current;
        return this;
    }

    /** The key {@code key} answers with now: itself unless the type is {@link #redirected}. */
    Sql current(Sql key) {
        return current == null ? key : current.apply(key);
    }

    /** Any field, defined by its own SQL (connections, computed lists, polymorphic values...). */
    public JsonShape field(String field, Field definition) {
        if (fields.putIfAbsent(field, definition) != null) {
            throw new IllegalStateException(type + "." + field + " is defined twice");
        }
        return this;
    }

    /** A column whose JSON is already what the API writes: text, numbers, booleans, dates, enums, text arrays. */
    public JsonShape column(String field, String column) {
        return field(field, (compiler, row, selection) -> row.column(column));
    }

    /** Columns named as their fields are, in snake case ({@code datePrecision} is {@code date_precision}). */
    public JsonShape columns(String... fields) {
        for (String field : fields) {
            column(field, snakeCase(field));
        }
        return this;
    }

    static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A {@code timestamptz} column written as a DateTime. */
    public JsonShape dateTime(String field, String column) {
        return field(field, (compiler, row, selection) -> Sql.of("iso_instant(", row.column(column), ")"));
    }

    /** A {@code double precision} column written as Java writes a Double. */
    public JsonShape decimal(String field, String column) {
        return field(field, (compiler, row, selection) -> Sql.of("json_float(", row.column(column), ")"));
    }

    /** A value computed from the row. */
    public JsonShape computed(String field, Function<Row, Sql> value) {
        return field(field, (compiler, row, selection) -> value.apply(row));
    }

    /** The record of {@code targetType} whose id is in {@code keyColumn}; null when the column is. */
    public JsonShape one(String field, String targetType, String keyColumn) {
        return field(field, (compiler, row, selection) -> compiler.one(targetType, row, row.column(keyColumn), selection));
    }

    /**
     * The record of whichever type {@code typeColumn} names (a union's or an interface's member)
     * whose id is in {@code keyColumn}.
     */
    public JsonShape oneOf(String field, String typeColumn, String keyColumn) {
        return field(field, (compiler, row, selection) -> compiler.polymorphic(row.column(typeColumn), row.column(keyColumn),
                selection));
    }

    /** A connection (a page, its cursors and count) over a list of records related to the row. */
    public JsonShape connection(String field, Function<Row, Listing> listing) {
        return field(field, (compiler, row, selection) -> Sql.of("(", compiler.connection(listing.apply(row), selection), ")"));
    }

    /** The records of {@code targetType} related to the row, as a list. */
    public JsonShape many(String field, String targetType, Relation relation) {
        return field(field, (compiler, row, selection) -> compiler.many(targetType, relation, row, selection));
    }

    /**
     * The rows of {@code table} that belong to the row (their {@code ownerColumn} holds its id), as a
     * list of {@code targetType} in the order they were recorded ({@code ordinal}).
     */
    public JsonShape owned(String field, String targetType, String table, String ownerColumn) {
        return many(field, targetType, (row, x, l) -> new Related(Sql.sql(table + " " + x),
                Sql.of(x + "." + ownerColumn + " = ", row.id()), Sql.sql(x + ".ordinal")));
    }

    /**
     * The records of {@code targetType}, rows of {@code targetTable}, that rows of {@code linkTable}
     * link to the row ({@code ownerColumn} holds its id, {@code targetColumn} theirs), as a list in
     * the order the links were recorded ({@code ordinal}).
     */
    public JsonShape linked(String field, String targetType, String targetTable, String linkTable, String ownerColumn,
            String targetColumn) {
        return many(field, targetType, (row, x, l) -> new Related(
                Sql.sql(linkTable + " " + l + " join " + targetTable + " " + x + " on " + x + ".id = " + l + "." + targetColumn),
                Sql.of(l + "." + ownerColumn + " = ", row.id()), Sql.sql(l + ".ordinal")));
    }

    /** A value of {@code targetType} kept in this row's columns named {@code prefix} + its own; null unless {@code present}. */
    public JsonShape embedded(String field, String targetType, String prefix, Function<Row, Sql> present) {
        return field(field, (compiler, row, selection) -> compiler.embedded(targetType, row, prefix,
                present == null ? null : present.apply(row), selection));
    }
}
