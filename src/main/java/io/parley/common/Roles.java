package io.parley.common;

/** The roles a token's groups claim can grant. An admin may do everything an editor may. */
public final class Roles {

    public static final String READER = "reader";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
