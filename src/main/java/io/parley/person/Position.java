package io.parley.person;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Embeddable
@Description("A role a person holds or held, e.g. Kremlin spokesman, National Security Advisor.")
public class Position {

    private String title;
    private String organization;
    private LocalDate startDate;
    private LocalDate endDate;

    protected Position() {
    }

    Position(String title, String organization, LocalDate startDate, LocalDate endDate) {
        this.title = title;
        this.organization = organization;
        this.startDate = startDate;
        this.endDate = endDate;
    }

    @NonNull
    public String getTitle() {
        return title;
    }

    public String getOrganization() {
        return organization;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }
}
