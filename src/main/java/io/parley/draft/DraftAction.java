package io.parley.draft;

import org.eclipse.microprofile.graphql.Description;

@Description("What importing a proposed record would do.")
public enum DraftAction {
    @Description("Create a record Parley does not hold.")
    CREATE,
    @Description("Add to a record Parley already holds (matchedId): a citation of the report, and whatever else it adds.")
    MATCH
}
