package io.parley.draft;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** One report to draft from: its text and what the draft's source record says of it. */
@Input("ReportInput")
@Description("A news report to draft records from: its text (English), and the source it is.")
public class ReportInput {
    @NonNull
    @Description("The report's text as published: headline and paragraphs, one per line or separated by blank lines. "
            + "At most 100,000 characters.")
    public String text;
    @NonNull
    @Description("Who published it (the draft's source record).")
    public String publisher;
    @Description("The report's headline.")
    public String title;
    @Description("Where it was published (http or https).")
    public String url;
    @NonNull
    @Description("When it was published: relative dates (\"last night\", \"on Wednesday\", \"next week\") are resolved "
            + "against it. Not in the future.")
    public LocalDate publishedOn;
    @Description("The report's language (ISO 639-1); drafting reads English (\"en\", the default).")
    public String language;
}
