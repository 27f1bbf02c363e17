package io.parley.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.json.bind.Jsonb;

import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;

import io.parley.db.ListQuery;
import io.parley.db.Listing;
import io.parley.common.ApiException;
import io.parley.common.GlobalId;
import io.parley.common.NodeType;
import io.parley.paging.PageRequest;
import io.parley.sql.Sql;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Compiles reads into SQL statements whose single value is JSON text built by PostgreSQL, from
 * the features' read definitions ({@link JsonShape}, {@link JsonReads}) and nothing else: a
 * whole query operation into one statement ({@link #operation}), one Query field
 * ({@link #rootField}), or the object a mutation wrote or a subscription announced
 * ({@link #record}). One instance per statement.
 */
public final class ReadCompiler {

    /** The operation is not a read this compiler answers (a mutation, or introspection). */
    public static final class NotCompilable extends RuntimeException {
        NotCompilable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** json_build_object takes at most 100 arguments. */
    private static final int MAX_KEYS = 50;

    private final ReadModel model;
    private final Jsonb jsonb;
    private final SecurityIdentity caller;
    /** Whether objects carry their type under {@link #TYPE_KEY}, for SmallRye's execution. */
    private boolean typed;
    private int aliases;

    /**
     * The key under which objects read for SmallRye's execution carry their GraphQL type, so
     * that an interface or union value resolves to its object type ({@link ReadFetchers}).
     * graphql-java reads only the keys of the fields selected; the whole-operation path,
     * whose JSON is the answer, leaves it out.
     */
    static final String TYPE_KEY = "__parley_type";

    ReadCompiler(ReadModel model, Jsonb jsonb, SecurityIdentity caller) {
        this.model = model;
        this.jsonb = jsonb;
        this.caller = caller;
    }

    /** Who the statement is read for (null outside a request), for definitions whose answer depends on it. */
    public SecurityIdentity caller() {
        return caller;
    }

    /** The statement answering a whole query operation: its {@code data} as JSON text. */
    Sql operation(ExecutableNormalizedOperation operation) {
        if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
            throw new NotCompilable("not a query");
        }
        List<Sql> pairs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
            Sql value = field.getName().equals("__typename") ? Sql.value("Query")
                    : Sql.of("(", root(field), ")");
            pairs.add(pair(field, keys, value));
        }
        return Sql.of("select cast(", jsonObject(pairs), " as text)");
    }

    /** The statement answering one Query field: its value as JSON text. */
    Sql rootField(ExecutableNormalizedField field) {
        typed = true;
        return Sql.of("select cast((", root(field), ") as text)");
    }

    /** The statement reading the record of {@code type} with {@code key} as {@code field} selects it: JSON text or no row. */
    Sql record(String type, long key, ExecutableNormalizedField field) {
        typed = true;
        String x = alias();
        Row row = Row.of(x);
        Sql value = object(type, row, field);
        return Sql.of("select cast(", value, " as text) from ", row.from(Sql.sql(shape(type).table + " " + x)),
                " where " + x + ".id = ", Sql.value(key));
    }

    private Sql root(ExecutableNormalizedField field) {
        JsonReads.RootField root = model.roots().get(field.getName());
        if (root == null) {
            throw new NotCompilable("Query." + field.getName());
        }
        return root.sql(this, field);
    }

    /** An argument of the field as the input class the API declares (mapped as SmallRye maps it, through JSON-B). */
    public <T> T argument(ExecutableNormalizedField field, String name, Class<T> type) {
        Object value = field.getResolvedArguments().get(name);
        if (value == null) {
            return null;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return jsonb.fromJson(jsonb.toJson(value), type);
        } catch (RuntimeException unreadable) {
            throw ApiException.badInput(name + property(unreadable), "is not a valid value");
        }
    }

    /** The input object's property JSON-B could not read (".from"), from its message; empty if it names none. */
    private static String property(Throwable unreadable) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            int start = message.indexOf("property '");
            if (start >= 0) {
                int end = message.indexOf('\'', start + 10);
                return end > start ? "." + message.substring(start + 10, end) : "";
            }
        }
        return "";
    }

    /**
     * The record of {@code type} with the key the field's {@code id} argument names, or null; the
     * ID of a record merged into another answers with that one ({@link JsonShape#redirected}).
     */
    public Sql byId(NodeType type, ExecutableNormalizedField field) {
        Long key = GlobalId.keyIfType(argument(field, "id", String.class), type, "id");
        return byKey(type.label(), key == null ? Sql.sql("null") : shape(type.label()).current(Sql.value(key)), field);
    }

    /** The record of {@code type} whose key is {@code key} (SQL), as a {@code select}, or no row. */
    public Sql byKey(String type, Sql key, ExecutableNormalizedField field) {
        String x = alias();
        Row row = Row.of(x);
        Sql value = object(type, row, field);
        return Sql.of("select ", value, " from ", row.from(Sql.sql(shape(type).table + " " + x)), " where " + x + ".id = ",
                key);
    }

    /**
     * A value of an abstract type (an interface or a union) that is the record named by
     * {@code typeLabel} and {@code key} (SQL over the current rows): each possible type read as
     * the field selects it for that type; null when no such record exists.
     */
    public Sql polymorphic(Sql typeLabel, Sql key, ExecutableNormalizedField field) {
        List<Sql> cases = new ArrayList<>();
        for (String type : possibleTypes(field)) {
            cases.add(Sql.of(" when ", Sql.value(type), " then (", byKey(type, key, field), ")"));
        }
        return Sql.of("case cast(", typeLabel, " as text)", Sql.join(cases, ""), " end");
    }

    /**
     * The record a global ID names, of any type; null when it names none (the ID must be well
     * formed). The ID says the type, so the statement reads that one type: a {@code case} over
     * every type with the label as a parameter is folded only by planning the statement afresh on
     * each execution (for node(id) of a talk, planning took 0.39 ms and running it 0.09). The ID
     * of a record merged into another answers with that one ({@link JsonShape#redirected}).
     */
    public Sql node(String id, String argument, ExecutableNormalizedField field) {
        GlobalId global = GlobalId.decode(id, argument);
        String type = global.type().label();
        return possibleTypes(field).contains(type)
                ? Sql.of("(", byKey(type, shape(type).current(Sql.value(global.key())), field), ")")
                : Sql.sql("null");
    }

    /**
     * A connection over a list: edges, nodes, cursors, pageInfo and (only when selected)
     * totalCount of the page its {@code first}/{@code after} arguments ask for. Its listing's
     * conditions may refer to a parent row: then it is one page per parent in the same statement.
     */
    public Sql connection(Listing listing, ExecutableNormalizedField field) {
        boolean counted = field.getChildren().stream().anyMatch(child -> child.getName().equals("totalCount"));
        PageRequest request = PageRequest.of(argument(field, "first", Integer.class),
                argument(field, "after", String.class), counted);
        ListQuery.PageSql page = listing.page(request);
        String rows = alias();
        String ranked = alias();
        String r = alias();
        Sql first = Sql.pageSize(request.first());
        Sql inPage = Sql.of(" from " + ranked + " " + r + " where " + r + ".rank_ <= ", first);
        Row row = Row.of(r);

        List<Sql> pairs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ExecutableNormalizedField child : field.getChildren()) {
            Sql value = switch (child.getName()) {
                case "__typename" -> typename(field);
                case "totalCount" -> page.count();
                case "edges", "nodes" -> {
                    Row each = Row.of(r);
                    Sql item = child.getName().equals("edges") ? edge(child, each) : object(childType(child), each, child);
                    yield Sql.of("(select coalesce(json_agg(", item, " order by " + r + ".rank_), '[]') from ",
                            each.from(Sql.sql(ranked + " " + r)), " where " + r + ".rank_ <= ", first, ")");
                }
                case "pageInfo" -> pageInfo(child, page, ranked, inPage, r, first);
                default -> throw new NotCompilable("connection field " + child.getName());
            };
            pairs.add(pair(child, keys, value));
        }
        String a = page.alias();
        // A row's cursor is built only when one is selected: base64url over every row of every page otherwise.
        Sql cursor = selectsCursor(field) ? Sql.of(", ", page.cursor(), " as cursor_") : Sql.EMPTY;
        return Sql.of("with " + rows + " as (", page.rows(), "), " + ranked + " as (select " + a + ".*, row_number() over"
                + " (order by " + page.order() + ") as rank_", cursor, " from " + rows + " " + a + ") select ",
                jsonObject(pairs));
    }

    /** Whether a connection selects an edge's cursor or pageInfo's start or end cursor. */
    private static boolean selectsCursor(ExecutableNormalizedField connection) {
        for (ExecutableNormalizedField child : connection.getChildren()) {
            for (ExecutableNormalizedField grandchild : child.getChildren()) {
                String name = grandchild.getName();
                if (child.getName().equals("edges") && name.equals("cursor")
                        || child.getName().equals("pageInfo") && (name.equals("startCursor") || name.equals("endCursor"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private Sql edge(ExecutableNormalizedField edges, Row row) {
        List<Sql> pairs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ExecutableNormalizedField child : edges.getChildren()) {
            Sql value = switch (child.getName()) {
                case "__typename" -> typename(edges);
                case "cursor" -> Sql.sql(row.alias() + ".cursor_");
                case "node" -> object(childType(child), row, child);
                default -> throw new NotCompilable("edge field " + child.getName());
            };
            pairs.add(pair(child, keys, value));
        }
        return jsonObject(pairs);
    }

    private Sql pageInfo(ExecutableNormalizedField field, ListQuery.PageSql page, String ranked, Sql inPage, String r,
            Sql first) {
        List<Sql> pairs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ExecutableNormalizedField child : field.getChildren()) {
            Sql value = switch (child.getName()) {
                case "__typename" -> typename(field);
                case "hasNextPage" -> Sql.of("((select count(*) from " + ranked + ") > ", first, ")");
                case "hasPreviousPage" -> page.hasPrevious();
                case "startCursor" -> Sql.of("(select " + r + ".cursor_", inPage, " order by " + r + ".rank_ limit 1)");
                case "endCursor" -> Sql.of("(select " + r + ".cursor_", inPage, " order by " + r + ".rank_ desc limit 1)");
                default -> throw new NotCompilable("pageInfo field " + child.getName());
            };
            pairs.add(pair(child, keys, value));
        }
        return jsonObject(pairs);
    }

    /** The JSON object of a {@code type} read from {@code row}, with the fields {@code field} selects for that type. */
    public Sql object(String type, Row row, ExecutableNormalizedField field) {
        JsonShape shape = shape(type);
        List<Sql> pairs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        if (typed) {
            pairs.add(Sql.of(Sql.value(TYPE_KEY), ", ", Sql.value(type)));
        }
        for (ExecutableNormalizedField child : field.getChildren()) {
            if (!child.getObjectTypeNames().contains(type)) {
                continue;
            }
            Sql value;
            if (child.getName().equals("__typename")) {
                value = Sql.value(type);
            } else {
                JsonShape.Field read = shape.fields.get(child.getName());
                if (read == null) {
                    throw new NotCompilable(type + "." + child.getName() + " has no read definition");
                }
                value = read.sql(this, row, child);
            }
            pairs.add(pair(child, keys, value));
        }
        return jsonObject(pairs);
    }

    /**
     * A record referred to by key, joined into the FROM that reads {@code row} rather than looked
     * up by a subquery per row: PostgreSQL then plans one join (a subquery on a small table was
     * a sequential scan per row). A reference the schema declares non-null is an inner join: the
     * database holds it as a foreign key that is not null, so no row is lost, and PostgreSQL can
     * look each one up by key (as a left join to the 200 sources, it hashed the page's citations
     * and scanned every source once per talk: half of a page of 50 recent talks' time).
     */
    Sql one(String targetType, Row row, Sql key, ExecutableNormalizedField field) {
        String x = alias();
        boolean required = field.getFieldDefinitions(model.schema()).stream()
                .allMatch(definition -> GraphQLTypeUtil.isNonNull(definition.getType()));
        row.joins().add(Sql.of((required ? "join " : "left join ") + shape(targetType).table + " " + x + " on " + x + ".id = ", key));
        Row joined = new Row(x, "", row.joins());
        Sql object = object(targetType, joined, field);
        return required ? object : Sql.of("case when " + x + ".id is null then null else ", object, " end");
    }

    Sql many(String targetType, JsonShape.Relation relation, Row parent, ExecutableNormalizedField field) {
        String x = alias();
        String l = alias();
        JsonShape.Related related = relation.of(parent, x, l);
        Row element = Row.of(x);
        Sql value = object(targetType, element, field);
        return Sql.of("(select coalesce(json_agg(", value, " order by ", related.order(), "), '[]') from ",
                element.from(related.from()), " where ", related.where(), ")");
    }

    /**
     * A list of {@code type} objects read from the rows of {@code rows} (a {@code select}, given
     * the alias its rows are read under), in {@code order} (SQL over that alias).
     */
    public Sql list(String type, Function<String, Sql> rows, Function<String, Sql> order,
            ExecutableNormalizedField field) {
        String x = alias();
        Row element = Row.of(x);
        Sql value = object(type, element, field);
        return Sql.of("select coalesce(json_agg(", value, " order by ", order.apply(x), "), '[]') from ",
                element.from(Sql.of("(", rows.apply(x), ") " + x)));
    }

    /**
     * A list of records of any type (an interface or union's members), from the rows of
     * {@code rows} (a {@code select} with a {@code type} column holding each record's GraphQL type
     * and a {@code key} column), in {@code order}; given the alias the rows are read under.
     */
    public Sql records(Function<String, Sql> rows, Function<String, Sql> order, ExecutableNormalizedField field) {
        String x = alias();
        Sql value = polymorphic(Sql.sql(x + ".type"), Sql.sql(x + ".key"), field);
        return Sql.of("select coalesce(json_agg(", value, " order by ", order.apply(x), "), '[]') from (", rows.apply(x),
                ") " + x);
    }

    Sql embedded(String targetType, Row row, String prefix, Sql present, ExecutableNormalizedField field) {
        Sql value = object(targetType, row.embedded(prefix), field);
        return present == null ? value : Sql.of("case when ", present, " then ", value, " end");
    }

    /** A name unique in the statement, for a table or subquery. */
    public String alias() {
        return "j" + (++aliases);
    }

    private JsonShape shape(String type) {
        JsonShape shape = model.shapes().get(type);
        if (shape == null) {
            throw new NotCompilable("type " + type + " has no read definitions");
        }
        return shape;
    }

    /** The object types a field's value may have: itself, or every member of its interface or union. */
    private Set<String> possibleTypes(ExecutableNormalizedField field) {
        GraphQLSchema schema = model.schema();
        GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getFieldDefinitions(schema).get(0).getType());
        Set<String> types = new LinkedHashSet<>();
        if (type instanceof GraphQLInterfaceType face) {
            schema.getImplementations(face).forEach(object -> types.add(object.getName()));
        } else if (type instanceof GraphQLUnionType union) {
            union.getTypes().forEach(member -> types.add(((GraphQLNamedType) member).getName()));
        } else if (type instanceof GraphQLObjectType object) {
            types.add(object.getName());
        }
        return types;
    }

    /** The object type of the field's value. */
    private String childType(ExecutableNormalizedField field) {
        Set<String> types = possibleTypes(field);
        if (types.size() != 1) {
            throw new NotCompilable("field of an abstract type: " + field.getName());
        }
        return types.iterator().next();
    }

    private Sql typename(ExecutableNormalizedField parent) {
        return Sql.value(((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(parent.getFieldDefinitions(model.schema()).get(0)
                .getType())).getName());
    }

    private static Sql pair(ExecutableNormalizedField field, Set<String> seen, Sql value) {
        if (!seen.add(field.getResultKey())) {
            throw new NotCompilable("result key " + field.getResultKey() + " twice");
        }
        return Sql.of(Sql.value(field.getResultKey()), ", ", value);
    }

    /**
     * A JSON object of key/value pairs in order. json_build_object takes at most 100 arguments,
     * so larger objects are built in parts joined as text, which keeps the keys in order.
     */
    private static Sql jsonObject(List<Sql> pairs) {
        if (pairs.size() <= MAX_KEYS) {
            return Sql.of("json_build_object(", Sql.join(pairs, ", "), ")");
        }
        List<Sql> parts = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i += MAX_KEYS) {
            Sql part = Sql.of("cast(json_build_object(", Sql.join(pairs.subList(i, Math.min(pairs.size(), i + MAX_KEYS)),
                    ", "), ") as text)");
            parts.add(i == 0 ? Sql.of("left(", part, ", -1)") : Sql.of("substr(", part, ", 2)"));
        }
        return Sql.of("cast(", Sql.join(parts, " || ', ' || "), " as json)");
    }

    /** What the compiler reads from: the served schema and the features' definitions. */
    record ReadModel(GraphQLSchema schema, Map<String, JsonShape> shapes, Map<String, JsonReads.RootField> roots) {
    }
}
