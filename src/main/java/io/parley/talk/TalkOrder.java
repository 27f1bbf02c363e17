package io.parley.talk;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.OrderDirection;

@Input("TalkOrder")
public class TalkOrder {
    @NonNull
    public TalkOrderField field;
    @NonNull
    public OrderDirection direction;
}
