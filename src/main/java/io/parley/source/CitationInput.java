package io.parley.source;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CitationInput")
public class CitationInput {
    @NonNull
    @Id
    public String sourceId;
    public String excerpt;
}
