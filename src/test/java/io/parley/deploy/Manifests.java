package io.parley.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Reads deploy/ into the fabric8 Kubernetes model strictly: a field the model does not know
 * (a typo, a wrong indentation, a field from another version) fails instead of landing in
 * "additionalProperties" and being silently ignored by the cluster.
 */
final class Manifests {

    static final Path DEPLOY = Path.of("deploy");
    static final List<String> OVERLAYS = List.of("dev", "prod");

    /** Custom resources the model has no classes for, and the top-level fields their CRDs define. */
    private static final Map<String, Set<String>> CUSTOM_SPEC_FIELDS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", Set.of("instances", "imageName", "primaryUpdateStrategy", "bootstrap",
                    "postgresql", "affinity", "storage", "resources", "monitoring", "backup", "walStorage",
                    "enableSuperuserAccess", "managed", "plugins"));

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization MODEL = new KubernetesSerialization();

    private Manifests() {
    }

    /** Every resource file under deploy/ (kustomization files and patches are read by kustomize). */
    static List<Path> resourceFiles() {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<HasMetadata> parse(String yaml, String origin) {
        List<HasMetadata> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isEmpty()) {
                    continue;
                }
                String where = origin + " " + document.path("kind").asText() + "/" + document.path("metadata").path("name").asText();
                KubernetesResource resource = MODEL.unmarshal(document.toString(), KubernetesResource.class);
                if (resource instanceof GenericKubernetesResource generic) {
                    checkCustomResource(generic, where);
                } else {
                    checkNoUnknownFields(resource, where);
                }
                resources.add((HasMetadata) resource);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(origin, e);
        }
        return resources;
    }

    static List<HasMetadata> parse(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The overlay as kustomize renders it, or null when kubectl is not installed. */
    static String render(String overlay) {
        Path dir = DEPLOY.resolve("overlays").resolve(overlay);
        ProcessBuilder kustomize = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true);
        try {
            Process process = kustomize.start();
            byte[] output = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize finished");
            String text = new String(output, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), () -> "kubectl kustomize " + dir + ":\n" + text);
            return text;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void checkCustomResource(GenericKubernetesResource resource, String where) {
        Set<String> known = CUSTOM_SPEC_FIELDS.get(resource.getApiVersion() + "/" + resource.getKind());
        if (known == null) {
            fail(where + ": " + resource.getApiVersion() + " " + resource.getKind() + " is not a resource this test knows");
        }
        Object spec = resource.getAdditionalProperties().get("spec");
        if (spec instanceof Map<?, ?> fields) {
            for (Object field : fields.keySet()) {
                assertTrue(known.contains(field), () -> where + ": unknown field spec." + field);
            }
        }
    }

    /** Walks the typed model: anything in additionalProperties is a field the schema does not have. */
    private static void checkNoUnknownFields(Object node, String path) {
        if (node == null || !node.getClass().getPackageName().startsWith("io.fabric8")) {
            if (node instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    checkNoUnknownFields(list.get(i), path + "[" + i + "]");
                }
            } else if (node instanceof Map<?, ?> map) {
                map.forEach((key, value) -> checkNoUnknownFields(value, path + "." + key));
            }
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    fail(path + ": fields not in the Kubernetes schema: " + extra.keySet());
                }
            } else {
                checkNoUnknownFields(value, path + "." + getter.getName().substring(3));
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
