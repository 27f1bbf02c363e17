package io.parley.person;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.source.CitationInput;

@Input("PersonInput")
public class PersonInput {
    @NonNull
    public String name;
    public List<@NonNull String> aliases;
    public LocalDate birthDate;
    public String countryCode;
    public String summary;
    public String wikidataId;
    public List<@NonNull PositionInput> positions;
    public List<@NonNull CitationInput> citations;

    @Input("PositionInput")
    public static class PositionInput {
        @NonNull
        public String title;
        public String organization;
        public LocalDate startDate;
        public LocalDate endDate;
    }
}
