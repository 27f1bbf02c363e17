package io.parley.graphql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.bind.Jsonb;

import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;

import io.parley.db.ListQuery;
import io.parley.db.Listing;

/**
 * Compiles one read operation into one SQL statement whose single value is the operation's
 * {@code data} as JSON text, built by PostgreSQL. Throws {@link NotCompilable} for anything it
 * does not describe exactly (mutations, interfaces and unions, nested connections, fields
 * without a {@link JsonShape}); such operations take the general path. One instance per
 * request: it collects the statement's parameters.
 */
public final class ReadCompiler {

    /** The operation is left to the general path. */
    public static final class NotCompilable extends RuntimeException {
        NotCompilable(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The row a type is read from: a table alias, a column prefix for embedded values, and the
     * joins of the statement's FROM that reads it, where records it refers to are joined in.
     */
    public record Row(String alias, String prefix, List<String> joins) {
        String column(String name) {
            return alias + "." + prefix + name;
        }

        Row embedded(String more) {
            return new Row(alias, prefix + more, joins);
        }

        static Row of(String alias) {
            return new Row(alias, "", new ArrayList<>());
        }

        String from(String from) {
            return from + (joins.isEmpty() ? "" : " " + String.join(" ", joins));
        }
    }

    /** json_build_object takes at most 100 arguments. */
    private static final int MAX_KEYS = 50;

    private final Map<String, JsonShape> shapes;
    private final Map<String, JsonReads.RootField> roots;
    private final Jsonb jsonb;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private int aliases;

    ReadCompiler(Map<String, JsonShape> shapes, Map<String, JsonReads.RootField> roots, Jsonb jsonb) {
        this.shapes = shapes;
        this.roots = roots;
        this.jsonb = jsonb;
    }

    /** The statement answering the operation; its parameters are in {@link #parameters()}. */
    String compile(ExecutableNormalizedOperation operation) {
        if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
            throw new NotCompilable("not a query");
        }
        List<String> pairs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
            String value;
            if (field.getName().equals("__typename")) {
                value = "'Query'";
            } else {
                JsonReads.RootField root = roots.get(field.getName());
                if (root == null) {
                    throw new NotCompilable("Query." + field.getName());
                }
                value = "(" + root.sql(this, field) + ")";
            }
            pairs.add(key(field, keys) + ", " + value);
        }
        return "select cast(" + jsonObject(pairs) + " as text)";
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** A parameter's placeholder. */
    public String parameter(Object value) {
        String name = "v" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    /** An argument of the field as the input class the resolvers receive (as SmallRye maps it, through JSON-B). */
    public <T> T argument(ExecutableNormalizedField field, String name, Class<T> type) {
        Object value = field.getResolvedArguments().get(name);
        if (value == null) {
            return null;
        }
        try {
            return type.isInstance(value) ? type.cast(value) : jsonb.fromJson(jsonb.toJson(value), type);
        } catch (RuntimeException unreadable) {
            throw new NotCompilable("argument " + name + ": " + unreadable.getMessage());
        }
    }

    /** The record of {@code type} with the key, or null: {@code node}-style lookups by ID. */
    public String byId(NodeType type, ExecutableNormalizedField field) {
        Long key = GlobalId.keyIfType(argument(field, "id", String.class), type, "id");
        String x = alias();
        Row row = Row.of(x);
        String value = object(type.label(), row, field);
        return "select " + value + " from " + row.from(shape(type.label()).table + " " + x) + " where " + x + ".id = "
                + (key == null ? "null" : parameter(key));
    }

    /**
     * A connection over a list: its edges, nodes, cursors, pageInfo and (only when selected)
     * totalCount, from the list's own page SQL ({@link ListQuery#pageSql}).
     */
    public String connection(Listing<?> listing, ExecutableNormalizedField field) {
        boolean counted = field.getChildren().stream().anyMatch(child -> child.getName().equals("totalCount"));
        PageRequest request = PageRequest.of(argument(field, "first", Integer.class),
                argument(field, "after", String.class), counted);
        String prefix = "q" + (++aliases) + "_";
        ListQuery.PageSql page = listing.sql(request, prefix);
        parameters.putAll(page.parameters());
        String first = Integer.toString(request.first());
        String a = page.alias();
        String rows = prefix + "rows";
        String ranked = prefix + "ranked";
        String rank = a + ".rank_";
        String inPage = " where " + rank + " <= " + first;
        String pageRows = ranked + " " + a;

        List<String> pairs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ExecutableNormalizedField child : field.getChildren()) {
            String value = switch (child.getName()) {
                case "__typename" -> typename(field);
                case "totalCount" -> page.count();
                case "edges", "nodes" -> {
                    Row row = Row.of(a);
                    String item = child.getName().equals("edges") ? edge(child, page, row) : node(child, row);
                    yield "(select coalesce(json_agg(" + item + " order by " + rank + "), '[]') from "
                            + row.from(pageRows) + inPage + ")";
                }
                case "pageInfo" -> pageInfo(child, page, ranked, " from " + pageRows + inPage, rank, first);
                default -> throw new NotCompilable("connection field " + child.getName());
            };
            pairs.add(key(child, keys) + ", " + value);
        }
        return "with " + rows + " as (" + page.rows() + "), " + ranked + " as (select " + a + ".*, row_number() over"
                + " (order by " + page.order() + ") as rank_ from " + rows + " " + a + ") select " + jsonObject(pairs);
    }

    private String edge(ExecutableNormalizedField edges, ListQuery.PageSql page, Row row) {
        List<String> pairs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ExecutableNormalizedField child : edges.getChildren()) {
            String value = switch (child.getName()) {
                case "__typename" -> typename(edges);
                case "cursor" -> page.cursor();
                case "node" -> node(child, row);
                default -> throw new NotCompilable("edge field " + child.getName());
            };
            pairs.add(key(child, keys) + ", " + value);
        }
        return jsonObject(pairs);
    }

    private String node(ExecutableNormalizedField field, Row row) {
        return object(childType(field), row, field);
    }

    private String pageInfo(ExecutableNormalizedField field, ListQuery.PageSql page, String ranked, String inPage,
            String rank, String first) {
        List<String> pairs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ExecutableNormalizedField child : field.getChildren()) {
            String value = switch (child.getName()) {
                case "__typename" -> typename(field);
                case "hasNextPage" -> "((select count(*) from " + ranked + ") > " + first + ")";
                case "hasPreviousPage" -> page.hasPrevious();
                case "startCursor" -> "(select " + page.cursor() + inPage + " order by " + rank + " limit 1)";
                case "endCursor" -> "(select " + page.cursor() + inPage + " order by " + rank + " desc limit 1)";
                default -> throw new NotCompilable("pageInfo field " + child.getName());
            };
            pairs.add(key(child, keys) + ", " + value);
        }
        return jsonObject(pairs);
    }

    /** The JSON object of a {@code type} read from {@code row}, with the fields {@code field} selects. */
    String object(String type, Row row, ExecutableNormalizedField field) {
        JsonShape shape = shape(type);
        List<String> pairs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ExecutableNormalizedField child : field.getChildren()) {
            if (!child.getObjectTypeNames().equals(Set.of(type))) {
                throw new NotCompilable("field on an abstract type: " + child.getName());
            }
            String value;
            if (child.getName().equals("__typename")) {
                value = "'" + type + "'";
            } else {
                JsonShape.Field read = shape.fields.get(child.getName());
                if (read == null || !child.getResolvedArguments().isEmpty()) {
                    throw new NotCompilable(type + "." + child.getName());
                }
                value = read.sql(this, row, child);
            }
            pairs.add(key(child, keys) + ", " + value);
        }
        return jsonObject(pairs);
    }

    /**
     * A record referred to by key, joined into the FROM that reads {@code row} rather than looked
     * up by a subquery per row: PostgreSQL then plans one join (a subquery on a small table was
     * a sequential scan per row).
     */
    String one(String targetType, Row row, String keyColumn, ExecutableNormalizedField field) {
        String x = alias();
        row.joins().add("left join " + shape(targetType).table + " " + x + " on " + x + ".id = " + row.column(keyColumn));
        Row joined = new Row(x, "", row.joins());
        return "case when " + x + ".id is null then null else " + object(targetType, joined, field) + " end";
    }

    String many(String targetType, String from, String where, String order, Row row,
            ExecutableNormalizedField field) {
        String x = alias();
        String l = alias();
        Row element = Row.of(x);
        String value = object(targetType, element, field);
        return "(select coalesce(json_agg(" + value + " order by " + expand(order, row, x, l) + "), '[]') from "
                + element.from(expand(from, row, x, l)) + " where " + expand(where, row, x, l) + ")";
    }

    String embedded(String targetType, Row row, String prefix, String present, ExecutableNormalizedField field) {
        String value = object(targetType, row.embedded(prefix), field);
        return present == null ? value : "case when " + expand(present, row, null, null) + " then " + value + " end";
    }

    String expand(String template, Row row, String x, String l) {
        String sql = template.replace("{row}", row.alias());
        if (x != null) {
            sql = sql.replace("{x}", x).replace("{l}", l);
        }
        return sql;
    }

    private JsonShape shape(String type) {
        JsonShape shape = shapes.get(type);
        if (shape == null) {
            throw new NotCompilable("type " + type);
        }
        return shape;
    }

    private String alias() {
        return "j" + (++aliases);
    }

    /** The object type of the field's value: the one type all its selected fields belong to. */
    private static String childType(ExecutableNormalizedField field) {
        Set<String> types = new HashSet<>();
        field.getChildren().forEach(child -> types.addAll(child.getObjectTypeNames()));
        if (types.size() != 1) {
            throw new NotCompilable("field of an abstract type: " + field.getName());
        }
        return types.iterator().next();
    }

    private static String typename(ExecutableNormalizedField parent) {
        return "'" + childType(parent) + "'";
    }

    private static String key(ExecutableNormalizedField field, Set<String> seen) {
        if (!seen.add(field.getResultKey())) {
            throw new NotCompilable("result key " + field.getResultKey() + " twice");
        }
        return "'" + field.getResultKey() + "'";
    }

    private static String jsonObject(List<String> pairs) {
        if (pairs.size() > MAX_KEYS) {
            throw new NotCompilable("more than " + MAX_KEYS + " fields in one object");
        }
        return "json_build_object(" + String.join(", ", pairs) + ")";
    }
}
