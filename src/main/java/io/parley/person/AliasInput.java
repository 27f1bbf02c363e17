package io.parley.person;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AliasInput")
@Description("Another name a person is known by, with its language where known.")
public class AliasInput {
    @NonNull
    public String name;
    @Description("BCP 47 tag such as ru, ar, he, ru-Latn; omit when unknown.")
    public String language;
}
