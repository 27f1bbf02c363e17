package io.parley.talk;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Transient;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.person.Person;

@Embeddable
public class Participant {

    @Column(name = "person_id", nullable = false)
    private Long personKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @NonNull
    public ParticipantRole role;
    @Column(name = "envoy_id")
    private Long envoyKey;

    /** Declares {@code Participant.person} in the schema; its value is read by {@code TalkReads}, never set here. */
    @Transient
    @NonNull
    public Person person;

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

    /** Same person, role and appointment: what a talk's stored participant is ({@code RecordService.kept}). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Participant that && Objects.equals(personKey, that.personKey) && role == that.role
                && Objects.equals(envoyKey, that.envoyKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(personKey, role, envoyKey);
    }
}
