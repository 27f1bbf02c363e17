package io.parley.bundle;

import java.util.List;

import io.parley.common.NodeType;

/**
 * The collections of a report bundle, in the order they are imported (each only refers to
 * collections before it), with the fields that hold local references and the stored view that
 * writes a record back in the bundle's shape (V7).
 */
enum RecordType {
    SOURCE("sources", NodeType.SOURCE, "bundle_source", List.of()),
    PERSON("people", NodeType.PERSON, "bundle_person", List.of(Ref.citations())),
    TRACK("tracks", NodeType.TRACK, "bundle_track", List.of(Ref.citations())),
    ENVOY("envoyAppointments", NodeType.ENVOY, "bundle_envoy",
            List.of(new Ref("personId", "people"), new Ref("appointedById", "people"), Ref.citations())),
    TALK("talks", NodeType.TALK, "bundle_talk", List.of(new Ref("trackId", "tracks"),
            new Ref("participants[].personId", "people"), new Ref("participants[].envoyId", "envoyAppointments", true),
            Ref.citations())),
    TRIP("trips", NodeType.TRIP, "bundle_trip", List.of(new Ref("envoyId", "envoyAppointments"),
            new Ref("talkIds[]", "talks"), Ref.citations())),
    OUTCOME("outcomes", NodeType.OUTCOME, "bundle_outcome", List.of(new Ref("trackId", "tracks"),
            new Ref("talkIds[]", "talks"), new Ref("beneficiaryIds[]", "people"),
            new Ref("creditedToIds[]", "people"), Ref.citations())),
    STATEMENT("statements", NodeType.STATEMENT, "bundle_statement", List.of(new Ref("speakerId", "people"),
            new Ref("talkId", "talks"), new Ref("trackId", "tracks"), Ref.citations()));

    /**
     * A field holding local references: {@code a[].b} is field b of each element of list a.
     * {@code read}: the type's service reads the records it names (a talk's service, whether each
     * participant holds the appointment named), where other references are only checked to
     * exist, which a transaction remembers ({@code RecordService}); an import reads those ahead,
     * a slice at a time ({@link BundleWriter#readReferences}).
     */
    record Ref(String field, String collection, boolean read) {
        Ref(String field, String collection) {
            this(field, collection, false);
        }

        static Ref citations() {
            return new Ref("citations[].sourceId", "sources");
        }

        List<String> steps() {
            return List.of(field.split("\\."));
        }
    }

    final String collection;
    final NodeType nodeType;
    final String view;
    final List<Ref> refs;

    RecordType(String collection, NodeType nodeType, String view, List<Ref> refs) {
        this.collection = collection;
        this.nodeType = nodeType;
        this.view = view;
        this.refs = refs;
    }

    static RecordType ofCollection(String collection) {
        for (RecordType type : values()) {
            if (type.collection.equals(collection)) {
                return type;
            }
        }
        return null;
    }
}
