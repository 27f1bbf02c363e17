package io.parley.person;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Embeddable
@Description("A role a person holds or held, e.g. Kremlin spokesman, National Security Advisor.")
public class Position {

    @NonNull
    public String title;
    public String organization;
    public LocalDate startDate;
    public LocalDate endDate;

    protected Position() {
    }

    Position(String title, String organization, LocalDate startDate, LocalDate endDate) {
        this.title = title;
        this.organization = organization;
        this.startDate = startDate;
        this.endDate = endDate;
    }
}
