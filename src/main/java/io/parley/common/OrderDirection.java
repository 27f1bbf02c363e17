package io.parley.common;

public enum OrderDirection {
    ASC,
    DESC
}
