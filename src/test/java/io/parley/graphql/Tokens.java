package io.parley.graphql;

import io.parley.common.Roles;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Tokens signed with the dev/test key pair, as an identity provider would issue them. */
public final class Tokens {

    private static final String ISSUER = "https://parley.dev/dev";

    private Tokens() {
    }

    public static String withRoles(String... roles) {
        return withSubject("test-" + String.join("-", roles), roles);
    }

    public static String withSubject(String subject, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(roles)).expiresIn(Duration.ofMinutes(10)).sign();
    }

    /** A well-formed, unexpired token signed with a key the service has never seen. */
    public static String wronglySigned() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER).subject("test-forger").groups(Set.of(Roles.ADMIN))
                    .expiresIn(Duration.ofMinutes(10)).sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String expired() {
        return Jwt.issuer(ISSUER).subject("test-expired").groups(Set.of(Roles.ADMIN))
                .issuedAt(System.currentTimeMillis() / 1000 - 7200).expiresAt(System.currentTimeMillis() / 1000 - 3600)
                .sign();
    }
}
