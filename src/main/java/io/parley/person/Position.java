package io.parley.person;

import java.time.LocalDate;
import java.util.Objects;

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

    /** Same title, organization and dates: what a stored position is ({@code RecordService.kept}). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Position that && Objects.equals(title, that.title)
                && Objects.equals(organization, that.organization) && Objects.equals(startDate, that.startDate)
                && Objects.equals(endDate, that.endDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, organization, startDate, endDate);
    }
}
