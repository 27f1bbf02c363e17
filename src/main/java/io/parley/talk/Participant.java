package io.parley.talk;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.NonNull;

@Embeddable
public class Participant {

    @Column(name = "person_id", nullable = false)
    private Long personKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ParticipantRole role;
    @Column(name = "envoy_id")
    private Long envoyKey;

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
    public ParticipantRole getRole() {
        return role;
    }
}
