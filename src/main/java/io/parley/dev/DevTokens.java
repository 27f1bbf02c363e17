package io.parley.dev;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.common.Roles;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import io.vertx.ext.web.Router;

/**
 * Dev mode only: {@code GET /dev/token?roles=editor,admin} mints a 30-minute token signed with
 * the throwaway dev key. The bean does not exist in any other build, so neither does the route.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevTokens {

    private static final Set<String> ROLES = Set.of(Roles.READER, Roles.EDITOR, Roles.ADMIN);

    private final String issuer;

    public DevTokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.issuer = issuer;
    }

    void route(@Observes Router router) {
        router.get("/dev/token").handler(context -> {
            String requested = context.request().getParam("roles", Roles.EDITOR);
            Set<String> roles = Arrays.stream(requested.split(",")).map(String::strip).filter(ROLES::contains)
                    .collect(Collectors.toSet());
            String token = Jwt.issuer(issuer).subject("dev-" + String.join("-", roles.stream().sorted().toList()))
                    .groups(roles).expiresIn(Duration.ofMinutes(30)).sign();
            context.response().putHeader("Content-Type", "text/plain").end(token);
        });
    }
}
