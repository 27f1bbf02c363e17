package io.parley.graphql;

import java.util.HashMap;
import java.util.Map;

/**
 * How the fields of one GraphQL object type are read from a table row as JSON, for reads
 * compiled into one SQL statement ({@link CompiledReads}). Each feature describes its own types
 * ({@link JsonReads}); a field left undescribed sends the operations selecting it down the
 * general path. SQL templates name the parent row {@code {row}}, the row of the type read
 * {@code {x}} and a link table {@code {l}}; each becomes an alias unique in the statement.
 */
public final class JsonShape {

    /** SQL of one selected field over the current row. */
    @FunctionalInterface
    interface Field {
        String sql(ReadCompiler compiler, ReadCompiler.Row row, graphql.normalized.ExecutableNormalizedField selection);
    }

    final String type;
    final String table;
    final Map<String, Field> fields = new HashMap<>();

    private JsonShape(String type, String table) {
        this.type = type;
        this.table = table;
    }

    /** A type stored as rows of {@code table}. */
    public static JsonShape of(String type, String table) {
        return new JsonShape(type, table);
    }

    /** A record type: its global ID, version and last change, besides what the caller adds. */
    public static JsonShape node(NodeType nodeType, String table) {
        return of(nodeType.label(), table).id(nodeType).column("version", "version").dateTime("updatedAt", "updated_at");
    }

    /** A type stored in its owner's row, in columns that share a prefix (see {@link #embedded}). */
    public static JsonShape embeddedIn(String type) {
        return new JsonShape(type, null);
    }

    private JsonShape id(NodeType nodeType) {
        return computed("id", "graphql_id('" + nodeType.label() + "', {row}.id)");
    }

    /** A column whose JSON is already what the API writes: text, numbers, booleans, dates, enums, text arrays. */
    public JsonShape column(String field, String column) {
        fields.put(field, (compiler, row, selection) -> row.column(column));
        return this;
    }

    /** A {@code timestamptz} column written as a DateTime. */
    public JsonShape dateTime(String field, String column) {
        fields.put(field, (compiler, row, selection) -> "iso_instant(" + row.column(column) + ")");
        return this;
    }

    /** A {@code double precision} column written as Java writes a Double. */
    public JsonShape decimal(String field, String column) {
        fields.put(field, (compiler, row, selection) -> "json_float(" + row.column(column) + ")");
        return this;
    }

    /** A value computed from the row by an SQL template. */
    public JsonShape computed(String field, String template) {
        fields.put(field, (compiler, row, selection) -> compiler.expand(template, row, null, null));
        return this;
    }

    /** The record of {@code targetType} whose id is in {@code keyColumn}; null when the column is. */
    public JsonShape one(String field, String targetType, String keyColumn) {
        fields.put(field, (compiler, row, selection) -> compiler.one(targetType, row, keyColumn, selection));
        return this;
    }

    /**
     * The records of {@code targetType} that SQL templates select: {@code from} tables (the
     * type's as {@code {x}}, optionally a link table {@code {l}}), {@code where} over them and the
     * parent {@code {row}}, in {@code order}.
     */
    public JsonShape many(String field, String targetType, String from, String where, String order) {
        fields.put(field, (compiler, row, selection) -> compiler.many(targetType, from, where, order, row, selection));
        return this;
    }

    /** A value of {@code targetType} kept in this row's columns named {@code prefix} + its own; null unless {@code present}. */
    public JsonShape embedded(String field, String targetType, String prefix, String present) {
        fields.put(field, (compiler, row, selection) -> compiler.embedded(targetType, row, prefix, present, selection));
        return this;
    }
}
