package io.parley.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * A piece of SQL: text written in the code plus the values it uses as positional parameters,
 * composed from smaller pieces, in the spirit of pg-sql2 in PostGraphile 5. This is the only way
 * Parley writes SQL: a value never becomes SQL text (every value is a parameter; the one
 * exception is a page size, an {@code int} the planner must see: {@link #pageSize}), nothing is
 * renamed or filled in afterwards, and a piece means the same wherever it is composed.
 *
 * <p>Strings given to {@link #of} are SQL text; values go through {@link #value}. The text of a
 * piece may not contain {@code ?} (so every placeholder is a parameter, and PostgreSQL's JSON
 * operators {@code ?|}/{@code ?&} are written as functions).
 */
public final class Sql {

    /** The empty piece: nothing, no parameters. */
    public static final Sql EMPTY = new Sql("", List.of());

    private final String text;
    private final List<Object> parameters;

    private Sql(String text, List<Object> parameters) {
        this.text = text;
        this.parameters = parameters;
    }

    /** SQL text written in the code; it may not contain {@code ?}. */
    public static Sql sql(String text) {
        if (text.indexOf('?') >= 0) {
            throw new IllegalArgumentException("SQL text may not contain '?', use Sql.value: " + text);
        }
        return new Sql(text, List.of());
    }

    /**
     * One value as a parameter. Text is cast to {@code text}: PostgreSQL cannot tell the type of a
     * parameter passed where any type goes ({@code json_build_object}, {@code ||}).
     */
    public static Sql value(Object value) {
        List<Object> one = new ArrayList<>(1);
        one.add(value);
        return new Sql(value instanceof String ? "cast(? as text)" : "?", Collections.unmodifiableList(one));
    }

    /**
     * A page size written into the SQL text, as pg-sql2's {@code sql.literal} inlines simple
     * values: the one kind of value the planner must see. A statement whose {@code limit} is a
     * parameter gets a generic plan that guesses a tenth of the table (5,000 of 50,000 talks) and
     * then joins every related table whole, so PostgreSQL planned it afresh on every execution
     * (a page of 50 talks: about 1 ms of its 4 ms); with the number in the text the generic plan
     * is the custom one, and a statement asked again is not planned again. An {@code int} carries
     * no SQL, and page sizes are few (1 to 100), so statements stay few as well.
     */
    public static Sql pageSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("a page size is not negative: " + rows);
        }
        return new Sql(Integer.toString(rows), List.of());
    }

    /** Values as parameters separated by commas, for {@code in (...)}; none gives {@code null}, which matches nothing. */
    public static Sql values(Collection<?> values) {
        if (values.isEmpty()) {
            return sql("null");
        }
        return join(values.stream().map(Sql::value).toList(), ", ");
    }

    /**
     * Pieces one after the other: each part is SQL text (a {@code String}) or a piece
     * ({@code Sql}); anything else is refused, so a value cannot slip into the text.
     */
    public static Sql of(Object... parts) {
        StringBuilder text = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Sql piece) {
                text.append(piece.text);
                parameters.addAll(piece.parameters);
            } else if (part instanceof String literal) {
                text.append(sql(literal).text);
            } else {
                throw new IllegalArgumentException("not SQL: " + part + " (values go through Sql.value)");
            }
        }
        return new Sql(text.toString(), Collections.unmodifiableList(parameters));
    }

    /** The pieces with {@code separator} (SQL text) between them. */
    public static Sql join(Collection<Sql> pieces, String separator) {
        List<Object> parts = new ArrayList<>(pieces.size() * 2);
        for (Sql piece : pieces) {
            if (!parts.isEmpty()) {
                parts.add(separator);
            }
            parts.add(piece);
        }
        return of(parts.toArray());
    }

    /** This piece followed by the parts ({@link #of}). */
    public Sql append(Object... parts) {
        Object[] all = new Object[parts.length + 1];
        all[0] = this;
        System.arraycopy(parts, 0, all, 1, parts.length);
        return of(all);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The text with a {@code ?} for each parameter, as JDBC takes it. */
    public String text() {
        return text;
    }

    public List<Object> parameters() {
        return parameters;
    }

    /** A JDBC statement of this SQL with its parameters bound. */
    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
        } catch (SQLException | RuntimeException failed) {
            statement.close();
            throw failed;
        }
        return statement;
    }

    /** A Hibernate native query of this SQL (ordinal parameters {@code ?1...}) with its parameters bound. */
    public Query nativeQuery(EntityManager em, Class<?> resultType) {
        Query query = em.createNativeQuery(ordinalText(), resultType);
        return bind(query);
    }

    /** A Hibernate native query of this SQL returning no entity (updates, or rows as {@code Object[]}). */
    public Query nativeQuery(EntityManager em) {
        return bind(em.createNativeQuery(ordinalText()));
    }

    private Query bind(Query query) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    private String ordinalText() {
        StringBuilder ordinal = new StringBuilder(text.length() + parameters.size() * 2);
        int next = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            ordinal.append(c);
            if (c == '?') {
                ordinal.append(next++);
            }
        }
        return ordinal.toString();
    }

    @Override
    public String toString() {
        return text + " " + parameters;
    }
}
