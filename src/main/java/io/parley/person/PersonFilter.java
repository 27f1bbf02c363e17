package io.parley.person;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PersonFilter")
public class PersonFilter {
    @Description("Case-insensitive match on name or alias.")
    public String name;
    public String countryCode;
}
