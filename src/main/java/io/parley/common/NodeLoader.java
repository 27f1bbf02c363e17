package io.parley.common;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Loads the records of one node type by key; each feature provides one, so node(id) needs no registry. */
public interface NodeLoader<T extends Node> {

    NodeType nodeType();

    Map<Long, T> byKeys(Collection<Long> keys);

    /** The record the ID names, or null when it names none of this type. */
    default T byId(String id) {
        Long key = GlobalId.keyIfType(id, nodeType(), "id");
        return key == null ? null : byKeys(List.of(key)).get(key);
    }
}
