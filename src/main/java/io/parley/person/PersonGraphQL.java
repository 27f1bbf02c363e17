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
    private final PersonMerger merges;

    public PersonGraphQL(PersonService people, PersonMerger merges) {
        this.people = people;
        this.merges = merges;
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

    @Mutation
    @RolesAllowed({ Roles.ADMIN })
    @NonNull
    @Description("Merges a duplicate record (merge) into the person to keep, in one transaction: every talk, statement, "
            + "envoy appointment, outcome, position, citation and alias of the duplicate moves to the kept person, "
            + "the duplicate's name becomes an alias, and the kept person takes the Wikidata ID, birth date, country "
            + "and summary it lacks. The duplicate is deleted; its ID keeps answering with the kept person. "
            + "Different Wikidata IDs, birth dates or countries, or two different roles in one talk, are a CONFLICT "
            + "and change nothing. keepVersion and mergeVersion, when given, must be the people's versions (CONFLICT "
            + "otherwise). Returns the kept person.")
    public Person mergePeople(@NonNull @Id @Description("The person to keep.") String keep,
            @NonNull @Id @Description("The duplicate to merge into it and delete.") String merge,
            @Description("The kept person's version, as expectedVersion in updatePerson.") Integer keepVersion,
            @Description("The duplicate's version, as expectedVersion in updatePerson.") Integer mergeVersion) {
        return merges.merge(keep, merge, keepVersion, mergeVersion);
    }
}
