package io.parley.envoy;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("EnvoyFilter")
public class EnvoyFilter {
    @Description("Case-insensitive match on the envoy's name or alias.")
    public String name;
    public String represents;
    public Boolean active;
}
