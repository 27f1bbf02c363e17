package io.parley.talk;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.person.Person;

@Description("How often, and when, a person met another person in talks.")
public record Counterpart(@NonNull Person person,
        @Description("Talks both took part in that were held.") int meetingsHeld,
        @Description("Talks both are to take part in that are planned or expected.") int meetingsExpected,
        @Description("Date of the first held talk (as precise as its datePrecision).") LocalDate firstMet,
        @Description("Date of the latest held talk.") LocalDate lastMet,
        @NonNull @Description("Every talk, held or not, oldest first; cancelled talks are not counted.") List<@NonNull Talk> talks) {
}
