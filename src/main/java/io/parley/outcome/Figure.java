package io.parley.outcome;

import java.util.Objects;

import jakarta.persistence.Embeddable;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Embeddable
@Description("A number an outcome is measured by, e.g. 33 hostages freed.")
public class Figure {

    @NonNull
    public String label;
    public int value;
    @Description("true when the source gives the number loosely, e.g. \"nearly 2,000\".")
    public boolean approximate;

    protected Figure() {
    }

    Figure(String label, int value, boolean approximate) {
        this.label = label;
        this.value = value;
        this.approximate = approximate;
    }

    /** Same label, value and looseness: what a stored figure is ({@code RecordService.kept}). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Figure that && Objects.equals(label, that.label) && value == that.value
                && approximate == that.approximate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, value, approximate);
    }
}
