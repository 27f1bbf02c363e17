package io.parley.person;

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
import io.parley.source.Citation;

@GraphQLApi
@GraphQLBoundary
// Records pushed to subscribers are resolved outside any HTTP request.
@ActivateRequestContext
public class PersonGraphQL {

    private final PersonService people;

    public PersonGraphQL(PersonService people) {
        this.people = people;
    }

    @Query
    public Person person(@NonNull @Id String id) {
        return people.byId(id);
    }

    @Query
    @NonNull
    @Description("People ordered by name.")
    public PersonConnection people(PersonFilter filter, Integer first, String after) {
        return PersonConnection.of(people.listing(filter).page(PageRequest.of(first, after)));
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Person createPerson(@NonNull PersonInput input) {
        return people.create(input);
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Person updatePerson(@NonNull @Id String id, @NonNull PersonInput input, Integer expectedVersion) {
        return people.update(id, input, expectedVersion);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN })
    @NonNull
    @Id
    @Description("Deletes a person no talk, trip, envoy appointment, outcome or statement refers to; CONFLICT otherwise.")
    public String deletePerson(@NonNull @Id String id) {
        return people.delete(id);
    }

    @NonNull
    public List<@NonNull List<@NonNull Position>> positions(@Source List<Person> persons) {
        return Batch.many(persons, VersionedEntity::key, people::positions);
    }

    @NonNull
    @Description("Sources for the facts about this person.")
    public List<@NonNull List<@NonNull Citation>> citations(@Source List<Person> persons) {
        return Batch.many(persons, VersionedEntity::key, people::citations);
    }
}
