package io.parley.source;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** GraphQL inputs are classes, not records: SmallRye misreads element nullability on record components. */
@Input("SourceInput")
public class SourceInput {
    @NonNull
    public String publisher;
    public String title;
    public String url;
    public LocalDate publishedOn;
    public String language;
}
