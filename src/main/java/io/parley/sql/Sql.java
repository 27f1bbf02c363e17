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
 * Parley writes SQL: a value never becomes SQL text (every value is a parameter), nothing is
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

    /** One value as a parameter. */
    public static Sql value(Object value) {
        List<Object> one = new ArrayList<>(1);
        one.add(value);
        return new Sql("?", Collections.unmodifiableList(one));
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

    /** An ILIKE pattern (a value, not SQL) matching {@code text} anywhere, with the client's wildcards escaped. */
    public static String containing(String text) {
        if (text == null) {
            return null;
        }
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** The values for an {@code in (...)} filter; an absent or empty list means no filter ({@code null}). */
    public static <T> List<T> anyOf(List<T> values) {
        return values == null || values.isEmpty() ? null : values;
    }

    /** Enum constants as stored, for an {@code in (...)} filter; absent or empty means no filter ({@code null}). */
    public static List<String> names(List<? extends Enum<?>> values) {
        return values == null || values.isEmpty() ? null : values.stream().map(Enum::name).distinct().toList();
    }

    /** The websearch query of {@code text}, folded like the stored documents. */
    public static Sql tsQuery(Object text) {
        return of("websearch_to_tsquery('english', fold(", value(text), "))");
    }

    /**
     * Condition: the row {@code alias}'s {@code search} vector matches the websearch {@code text},
     * or its short text (an SQL expression: a name or title, as indexed for trigrams) is within a
     * typo of it.
     */
    public static Sql textMatches(String alias, String shortText, Object text) {
        return of("(" + alias + ".search @@ ", tsQuery(text), " or " + shortText + " %> fold(", value(text), "))");
    }

    /**
     * Condition: a period (SQL expressions {@code start} to {@code end}) ends by {@code bound}. The
     * start bound is implied (a period starts before it ends) but lets PostgreSQL range-scan the
     * date index from the bound instead of walking every later row (64 ms against 1 ms on 50,000
     * statements).
     */
    public static Sql endsBy(String start, String end, Object bound) {
        return of(start + " <= ", value(bound), " and " + end + " <= ", value(bound));
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
