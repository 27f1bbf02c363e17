package io.parley.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The numbers one fault scenario measured, as target/faults/&lt;name&gt;.json (one small object per
 * scenario, which docs/reliability.md summarises) and on standard output.
 */
public final class FaultRecord {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FaultRecord() {
    }

    /**
     * Writes {@code numbers} under {@code "scenario": name} (faults/summary.py orders and tables
     * scenarios by that name; its columns are the keys Traffic writes: tried, acknowledgedWrites,
     * refusedByCode, lost, duplicated, faultSeconds, firstWriteAfterSeconds). A {@code "scenario"}
     * among the numbers, a description, is kept as {@code "what"}.
     */
    public static void write(String name, Map<String, Object> given) {
        Map<String, Object> numbers = new java.util.LinkedHashMap<>();
        numbers.put("scenario", name);
        given.forEach((key, value) -> numbers.put(key.equals("scenario") ? "what" : key, value));
        try {
            Path file = Path.of("target", "faults", name + ".json");
            Files.createDirectories(file.getParent());
            String text = JSON.writeValueAsString(numbers);
            Files.writeString(file, text + "\n");
            System.out.println("fault scenario " + name + ": " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
