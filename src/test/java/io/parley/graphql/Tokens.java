package io.parley.graphql;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Tokens signed with the dev/test key pair, as an identity provider would issue them. */
public final class Tokens {

    private static final String ISSUER = "https://parley.dev/dev";

    private Tokens() {
    }

    public static String withRoles(String... roles) {
        return Jwt.issuer(ISSUER).subject("test-" + String.join("-", roles)).groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10)).sign();
    }

    public static String expired() {
        return Jwt.issuer(ISSUER).subject("test-expired").groups(Set.of(Roles.ADMIN))
                .issuedAt(System.currentTimeMillis() / 1000 - 7200).expiresAt(System.currentTimeMillis() / 1000 - 3600)
                .sign();
    }
}
