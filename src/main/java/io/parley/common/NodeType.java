package io.parley.common;

/** The kinds of record a global ID can name; the label is the GraphQL type name. */
public enum NodeType {
    PERSON("Person"),
    ENVOY("Envoy"),
    TRACK("Track"),
    TALK("Talk"),
    TRIP("Trip"),
    OUTCOME("Outcome"),
    STATEMENT("Statement"),
    SOURCE("Source");

    private final String label;

    NodeType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static NodeType ofLabel(String label) {
        for (NodeType type : values()) {
            if (type.label.equals(label)) {
                return type;
            }
        }
        return null;
    }
}
