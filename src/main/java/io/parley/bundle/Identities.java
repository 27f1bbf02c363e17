package io.parley.bundle;

import java.util.function.Supplier;

import io.parley.common.Roles;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * Runs work outside a GraphQL request as a given identity, so the services name that writer
 * to the audit history just as they do for a mutation.
 */
public final class Identities {

    private Identities() {
    }

    /** A writer that is not a person: e.g. "demo-dataset" for the demo data loaded at start-up. */
    public static SecurityIdentity system(String name) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole(Roles.EDITOR).build();
    }

    public static <T> T runAs(SecurityIdentity identity, Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(identity);
            return work.get();
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }
}
