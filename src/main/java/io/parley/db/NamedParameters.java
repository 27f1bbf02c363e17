package io.parley.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain JDBC for SQL written with Hibernate-style named parameters ({@code :name}, a collection
 * expanding to a list for {@code in (:name)}), where going through Hibernate costs more than the
 * statement: its native-query cache compares whole SQL texts, which for long compiled reads
 * was three quarters of the CPU they took. The SQL must not contain {@code ::} casts.
 */
public final class NamedParameters {

    private static final Pattern NAME = Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)");

    private NamedParameters() {
    }

    public static PreparedStatement prepare(Connection connection, String sql, Map<String, Object> values)
            throws SQLException {
        List<Object> bound = new ArrayList<>();
        StringBuilder text = new StringBuilder(sql.length());
        Matcher name = NAME.matcher(sql);
        while (name.find()) {
            if (!values.containsKey(name.group(1))) {
                throw new IllegalArgumentException("no value for :" + name.group(1));
            }
            Object value = values.get(name.group(1));
            String placeholders = "?";
            if (value instanceof Collection<?> list) {
                bound.addAll(list);
                placeholders = String.join(", ", java.util.Collections.nCopies(list.size(), "?"));
            } else {
                bound.add(value);
            }
            name.appendReplacement(text, placeholders);
        }
        name.appendTail(text);
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < bound.size(); i++) {
            statement.setObject(i + 1, bound.get(i));
        }
        return statement;
    }
}
