package io.parley.envoy;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.GraphQLBoundary;
import io.parley.common.Roles;

@GraphQLApi
@GraphQLBoundary
public class EnvoyGraphQL {

    private final EnvoyService envoys;

    public EnvoyGraphQL(EnvoyService envoys) {
        this.envoys = envoys;
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Envoy appointEnvoy(@NonNull EnvoyInput input) {
        return envoys.create(input);
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Envoy updateEnvoy(@NonNull @Id String id, @NonNull EnvoyInput input, Integer expectedVersion) {
        return envoys.update(id, input, expectedVersion);
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Envoy endEnvoyMandate(@NonNull @Id String id, @NonNull LocalDate endDate) {
        return envoys.endMandate(id, endDate);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN })
    @NonNull
    @Id
    @Description("Deletes an envoy appointment no talk participant or trip refers to; CONFLICT otherwise.")
    public String deleteEnvoy(@NonNull @Id String id, Integer expectedVersion) {
        return envoys.delete(id, expectedVersion);
    }
}
