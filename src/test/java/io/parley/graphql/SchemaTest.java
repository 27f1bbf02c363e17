package io.parley.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.TypeDefinition;
import graphql.parser.Parser;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The served schema against the client contract (a copy of shared/api/contract.graphql) and
 * against a snapshot, so that every change to the schema is a deliberate one. Regenerate the
 * snapshot with {@code ./mvnw verify -Dparley.schema.update=true} and review its diff.
 */
@QuarkusTest
class SchemaTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/schema.graphql");

    /** Contract parts not served yet; every part is served now, so both are empty. */
    private static final Set<String> NOT_YET_SERVED_TYPES = Set.of();
    private static final Map<String, Set<String>> NOT_YET_SERVED_FIELDS = Map.of();

    private static String served() {
        return given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
    }

    @Test
    void servedSchemaHasNoBreakingChangeAgainstTheContract() throws IOException {
        String contract = Files.readString(Path.of("src/test/resources/contract.graphql"), StandardCharsets.UTF_8);
        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(withoutReservedParts(contract), served()), reporter);
        List<String> breakages = reporter.getBreakages().stream().map(DiffEvent::toString).toList();
        assertEquals(List.of(), breakages);
        assertTrue(reporter.getInfos().size() > 50, "the diff walked the schema");
    }

    @Test
    void servedSchemaMatchesTheSnapshot() throws IOException {
        String served = served().replace("\r\n", "\n");
        if (Boolean.getBoolean("parley.schema.update")) {
            Files.writeString(SNAPSHOT, served, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(SNAPSHOT, StandardCharsets.UTF_8), served,
                "the served schema changed; if that is intended, rerun with -Dparley.schema.update=true");
    }

    private static String withoutReservedParts(String sdl) {
        Document document = new Parser().parseDocument(sdl);
        List<Definition> kept = document.getDefinitions().stream()
                .filter(d -> !(d instanceof TypeDefinition<?> type && NOT_YET_SERVED_TYPES.contains(type.getName())))
                .map(SchemaTest::withoutReservedFields)
                .collect(Collectors.toList());
        return AstPrinter.printAst(document.transform(builder -> builder.definitions(kept)));
    }

    private static Definition withoutReservedFields(Definition definition) {
        if (definition instanceof SchemaDefinition schema) {
            List<OperationTypeDefinition> operations = schema.getOperationTypeDefinitions().stream()
                    .filter(op -> !NOT_YET_SERVED_TYPES.contains(op.getTypeName().getName())).toList();
            return schema.transform(builder -> builder.operationTypeDefinitions(operations));
        }
        if (definition instanceof ObjectTypeDefinition type && NOT_YET_SERVED_FIELDS.containsKey(type.getName())) {
            Set<String> reserved = NOT_YET_SERVED_FIELDS.get(type.getName());
            return type.transform(builder -> builder.fieldDefinitions(type.getFieldDefinitions().stream()
                    .filter(field -> !reserved.contains(field.getName())).toList()));
        }
        return definition;
    }
}
