package io.parley.person;

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
public class PersonGraphQL {

    private final PersonService people;

    public PersonGraphQL(PersonService people) {
        this.people = people;
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
}
