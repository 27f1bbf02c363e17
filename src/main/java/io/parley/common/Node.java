package io.parley.common;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

@Interface
@Description("A record with a global ID that node(id) resolves.")
public interface Node {
    @Id
    @NonNull
    String getId();
}
