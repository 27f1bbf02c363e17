package io.parley.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The bundle's JSON Schema: the one file ({@value #RESOURCE}) that is served at
 * {@code /import/schema.json}, copied to docs/ (a test keeps the copy equal) and checked
 * against every bundle before anything else, reporting each problem at its JSON path.
 */
@ApplicationScoped
public class BundleSchema {

    static final String RESOURCE = "bundle/bundle.schema.json";

    private byte[] text;
    private JsonSchema schema;

    /**
     * Reads and compiles the schema when the bean is first used (an import, or a request for the
     * schema), not in a constructor: the client proxy injected at start-up is a subclass whose
     * constructor would run it too, loading the JSON Schema library's 222 classes before the
     * first answer (counted with -Xlog:class+load, docs/cold-start.md).
     */
    @PostConstruct
    void load() {
        try (InputStream in = BundleSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            text = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new String(text, java.nio.charset.StandardCharsets.UTF_8), config);
    }

    byte[] text() {
        return text.clone();
    }

    /** Every way the document breaks the schema, in document order. */
    List<Problem> problems(JsonNode bundle) {
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(bundle)) {
            String path = message.getInstanceLocation().toString();
            if ("required".equals(message.getType()) || "additionalProperties".equals(message.getType())) {
                path = path + "." + message.getProperty();
            }
            problems.add(new Problem(path, message.getError()));
        }
        problems.sort(Comparator.comparing(Problem::path));
        return problems;
    }
}
