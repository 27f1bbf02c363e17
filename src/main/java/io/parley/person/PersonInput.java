package io.parley.person;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.source.CitationInput;

@Input("PersonInput")
public class PersonInput {
    @NonNull
    public String name;
    @Description("Other names, language unknown. Languages the person's aliases already have are kept for the names "
            + "listed again here.")
    public List<@NonNull String> aliases;
    @Description("Other names with their languages; together with `aliases`, every name given once.")
    public List<@NonNull AliasInput> aliasesWithLanguage;
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
