package io.parley.graphql;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Mutation;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Reads are public unless {@code parley.auth.reads-require-reader} is set; then every query,
 * nested field and subscription needs a token with the reader, editor or admin role.
 * Mutations are guarded by their own {@code @RolesAllowed}.
 */
@GraphQLBoundary
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
public class ReadAccess {

    private final SecurityIdentity identity;
    private final boolean readsRequireReader;

    public ReadAccess(SecurityIdentity identity,
            @ConfigProperty(name = "parley.auth.reads-require-reader") boolean readsRequireReader) {
        this.identity = identity;
        this.readsRequireReader = readsRequireReader;
    }

    @AroundInvoke
    Object check(InvocationContext context) throws Exception {
        if (readsRequireReader && !context.getMethod().isAnnotationPresent(Mutation.class)) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            if (!(identity.hasRole(Roles.READER) || identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.ADMIN))) {
                throw new ForbiddenException();
            }
        }
        return context.proceed();
    }
}
