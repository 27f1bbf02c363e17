package io.parley.access;

import io.parley.common.ApiException;

import io.parley.common.GraphQLBoundary;

import io.parley.common.Roles;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Mutation;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;

/**
 * Reads are public unless {@code parley.auth.reads-require-reader} is set; then every query,
 * nested field and subscription needs a token with the reader, editor or admin role.
 * Mutations are guarded by their own {@code @RolesAllowed}.
 */
@GraphQLBoundary
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
public class ReadAccess {

    private static final Duration IDENTITY_WAIT = Duration.ofSeconds(2);

    private final CurrentIdentityAssociation identities;
    private final boolean readsRequireReader;

    public ReadAccess(CurrentIdentityAssociation identities,
            @ConfigProperty(name = "parley.auth.reads-require-reader") boolean readsRequireReader) {
        this.identities = identities;
        this.readsRequireReader = readsRequireReader;
    }

    @AroundInvoke
    Object check(InvocationContext context) throws Exception {
        if (!readsRequireReader || context.getMethod().isAnnotationPresent(Mutation.class)) {
            return context.proceed();
        }
        if (Multi.class.isAssignableFrom(context.getMethod().getReturnType())) {
            // Subscriptions start on the event loop, where the identity may only be awaited.
            Multi<?> stream = (Multi<?>) context.proceed();
            return identities.getDeferredIdentity()
                    .ifNoItem().after(IDENTITY_WAIT).failWith(ApiException::unauthenticated)
                    .onItem().transformToMulti(identity -> {
                        requireReader(identity);
                        return stream;
                    });
        }
        requireReader(identities.getIdentity());
        return context.proceed();
    }

    /** Fails with UNAUTHENTICATED without a token and FORBIDDEN without a role that may read. */
    public static void requireReader(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw ApiException.unauthenticated();
        }
        if (!mayRead(identity)) {
            throw ApiException.forbidden();
        }
    }

    /** Whether the identity may read when reads require the reader role. */
    public static boolean mayRead(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous() && (identity.hasRole(Roles.READER)
                || identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.ADMIN));
    }
}
