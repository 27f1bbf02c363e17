package io.parley.envoy;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.parley.db.VersionedEntity;
import io.parley.graphql.Batch;
import io.parley.graphql.GraphQLBoundary;
import io.parley.graphql.Roles;
import io.parley.graphql.PageRequest;
import io.parley.person.Person;
import io.parley.person.PersonService;
import io.parley.source.Citation;

@GraphQLApi
@GraphQLBoundary
// Records pushed to subscribers are resolved outside any HTTP request.
@ActivateRequestContext
public class EnvoyGraphQL {

    private final EnvoyService envoys;
    private final PersonService people;

    public EnvoyGraphQL(EnvoyService envoys, PersonService people) {
        this.envoys = envoys;
        this.people = people;
    }

    @Query
    public Envoy envoy(@NonNull @Id String id) {
        return envoys.byId(id);
    }

    @Query
    @NonNull
    @Description("Envoy appointments in the order they were recorded.")
    public EnvoyConnection envoys(EnvoyFilter filter, Integer first, String after) {
        return EnvoyConnection.of(envoys.listing(filter).page(PageRequest.of(first, after)));
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Envoy appointEnvoy(@NonNull EnvoyInput input) {
        return envoys.appoint(input);
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

    @NonNull
    public List<@NonNull Person> person(@Source List<Envoy> appointments) {
        return Batch.one(appointments, Envoy::personKey, people::byKeys);
    }

    public List<Person> appointedBy(@Source List<Envoy> appointments) {
        return Batch.one(appointments, envoy -> envoy.appointedByKey, people::byKeys);
    }

    @NonNull
    public List<@NonNull List<@NonNull Citation>> citations(@Source List<Envoy> appointments) {
        return Batch.many(appointments, VersionedEntity::key, envoys::citations);
    }

    @NonNull
    public List<@NonNull List<@NonNull Envoy>> envoyAppointments(@Source List<Person> persons) {
        return Batch.many(persons, VersionedEntity::key, envoys::ofPeople);
    }
}
