package io.parley.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The local references of a schema-valid bundle: which record (or passage) each ref names,
 * checked so that every reference names a record of the right collection, every cited passage
 * belongs to the cited source and every participant acts under an appointment of their own.
 * Collects every problem instead of stopping at the first.
 */
final class References {

    /** Where a ref is defined: its collection ("passages" for a passage) and JSON path. */
    record Target(String collection, String path, JsonNode node, String sourceRef) {
    }

    private final Map<String, Target> targets = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private References() {
    }

    static References of(JsonNode bundle) {
        References references = new References();
        references.define(bundle);
        references.check(bundle);
        return references;
    }

    List<Problem> problems() {
        return problems;
    }

    /** The text of a passage ref (already checked). */
    String passageText(String ref) {
        return targets.get(ref).node().get("text").asText();
    }

    private void define(JsonNode bundle) {
        for (RecordType type : RecordType.values()) {
            records(bundle, type, (path, record) -> {
                String ref = record.get("ref").asText();
                add(ref, new Target(type.collection, path, record, null), path + ".ref");
                JsonNode passages = record.path("passages");
                for (int j = 0; j < passages.size(); j++) {
                    String passagePath = path + ".passages[" + j + "]";
                    add(passages.get(j).get("ref").asText(), new Target("passages", passagePath, passages.get(j), ref),
                            passagePath + ".ref");
                }
            });
        }
    }

    private void add(String ref, Target target, String refPath) {
        Target earlier = targets.putIfAbsent(ref, target);
        if (earlier != null) {
            problems.add(new Problem(refPath, "ref '" + ref + "' is already used at " + earlier.path()));
        }
    }

    private void check(JsonNode bundle) {
        for (RecordType type : RecordType.values()) {
            records(bundle, type, (path, record) -> {
                for (RecordType.Ref field : type.refs) {
                    each(record, path, field.steps(), 0, (valuePath, slot) -> {
                        JsonNode value = slot.get();
                        Target target = targets.get(value.asText());
                        if (target == null) {
                            problems.add(new Problem(valuePath, "no record in " + field.collection() + " has ref '"
                                    + value.asText() + "'"));
                        } else if (!target.collection().equals(field.collection())) {
                            problems.add(new Problem(valuePath, "ref '" + value.asText() + "' names a record in "
                                    + target.collection() + ", not in " + field.collection()));
                        }
                    });
                }
                checkPassages(record, path);
                checkAppointments(record, path);
            });
        }
    }

    private void checkPassages(JsonNode record, String path) {
        JsonNode citations = record.path("citations");
        for (int i = 0; i < citations.size(); i++) {
            JsonNode passage = citations.get(i).get("passage");
            if (passage == null) {
                continue;
            }
            String passagePath = path + ".citations[" + i + "].passage";
            Target target = targets.get(passage.asText());
            String source = citations.get(i).get("sourceId").asText();
            if (target == null || !"passages".equals(target.collection())) {
                problems.add(new Problem(passagePath, "no passage has ref '" + passage.asText() + "'"));
            } else if (!target.sourceRef().equals(source)) {
                problems.add(new Problem(passagePath, "passage '" + passage.asText() + "' belongs to source '"
                        + target.sourceRef() + "', not to the cited '" + source + "'"));
            }
        }
    }

    /** A participant's envoy appointment must be that participant's own (as TalkService requires). */
    private void checkAppointments(JsonNode record, String path) {
        JsonNode participants = record.path("participants");
        for (int i = 0; i < participants.size(); i++) {
            JsonNode envoy = participants.get(i).get("envoyId");
            Target target = envoy == null ? null : targets.get(envoy.asText());
            if (target != null && "envoyAppointments".equals(target.collection())
                    && !target.node().get("personId").asText().equals(participants.get(i).get("personId").asText())) {
                problems.add(new Problem(path + ".participants[" + i + "].envoyId", "is another person's envoy appointment"));
            }
        }
    }

    static void records(JsonNode bundle, RecordType type, BiConsumer<String, ObjectNode> action) {
        JsonNode records = bundle.path(type.collection);
        for (int i = 0; i < records.size(); i++) {
            action.accept("$." + type.collection + "[" + i + "]", (ObjectNode) records.get(i));
        }
    }

    /** Where a value sits, a field of an object or an element of a list, so that it can be replaced. */
    record Slot(JsonNode container, String field, int index) {
        JsonNode get() {
            return field != null ? container.get(field) : container.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) container).set(field, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }
    }

    /** Visits every value at {@code steps} below {@code node} ("a[]" steps into each element of list a). */
    static void each(JsonNode node, String path, List<String> steps, int step, BiConsumer<String, Slot> action) {
        String name = steps.get(step);
        boolean list = name.endsWith("[]");
        String field = list ? name.substring(0, name.length() - 2) : name;
        JsonNode child = node == null ? null : node.get(field);
        if (child == null || child.isNull()) {
            return;
        }
        boolean last = step == steps.size() - 1;
        if (!list) {
            if (last) {
                action.accept(path + "." + field, new Slot(node, field, -1));
            } else {
                each(child, path + "." + field, steps, step + 1, action);
            }
            return;
        }
        for (int i = 0; i < child.size(); i++) {
            String elementPath = path + "." + field + "[" + i + "]";
            if (last) {
                action.accept(elementPath, new Slot(child, null, i));
            } else {
                each(child.get(i), elementPath, steps, step + 1, action);
            }
        }
    }
}
