package io.parley.graphql;

public enum OrderDirection {
    ASC,
    DESC
}
