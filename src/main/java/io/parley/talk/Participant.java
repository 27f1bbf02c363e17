package io.parley.talk;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Transient;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.db.Lookup;
import io.parley.person.Person;

@Embeddable
public class Participant {

    @Column(name = "person_id", nullable = false)
    private Long personKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ParticipantRole role;
    @Column(name = "envoy_id")
    private Long envoyKey;

    /** Loaded with the participant (see {@link #PERSON}); never stored through this field. */
    @Transient
    private Person person;

    /** How participant loaders fetch each participant's person in the same statement. */
    static final Lookup.Reference<Participant, Person> PERSON = new Lookup.Reference<>("personKey", Person.class,
            (participant, person) -> participant.person = person);

    protected Participant() {
    }

    Participant(long personKey, ParticipantRole role, Long envoyKey) {
        this.personKey = personKey;
        this.role = role;
        this.envoyKey = envoyKey;
    }

    Long personKey() {
        return personKey;
    }

    Long envoyKey() {
        return envoyKey;
    }

    @NonNull
    public Person getPerson() {
        return person;
    }

    @NonNull
    public ParticipantRole getRole() {
        return role;
    }
}
