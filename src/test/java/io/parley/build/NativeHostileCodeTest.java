package io.parley.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Keeps native-hostile code out of Parley's own classes. The native executable (docs/native.md)
 * only has the reflection, dynamic proxies, resources and service providers that Quarkus' build
 * steps or the project registered at build time; anything else works on the JVM and fails on
 * native, at run time, on the one path that uses it. This test reads the compiled classes
 * (target/classes) and fails on every use of
 * <ul>
 * <li>reflection: {@code Class.forName}, {@code getDeclared*} / {@code get{Method,Field,Constructor}*},
 * {@code newInstance}, {@code java.lang.reflect} calls that read or invoke members, {@code MethodHandles}
 * lookups;</li>
 * <li>dynamic proxies ({@code java.lang.reflect.Proxy});</li>
 * <li>class-path resources ({@code getResource*} on a class or class loader);</li>
 * <li>{@code ServiceLoader} and {@code META-INF/services} files;</li>
 * <li>Jackson data binding (which reflects on the bound classes)</li>
 * </ul>
 * outside {@link #ALLOWED}, where each use says why it works on native. A resource use also names
 * the resources it reads, and those must be in {@code quarkus.native.resources.includes}. The
 * integration tests (*IT, run against the native executable by {@code ./mvnw verify -Dnative})
 * then prove each allowed use on the real executable.
 */
class NativeHostileCodeTest {

    private static final Path CLASSES = Path.of("target", "classes");

    /** A use the native build is known to handle; {@code resources} (comma-separated globs) for resource reads. */
    private record Allowed(String why, String resources) {
        static Allowed because(String why) {
            return new Allowed(why, null);
        }
    }

    /** "caller class#method -> called class.method", with why it is safe on native. */
    private static final Map<String, Allowed> ALLOWED = Map.ofEntries(
            Map.entry("io/parley/access/ReadAccess#check -> java/lang/reflect/Method.isAnnotationPresent",
                    Allowed.because("reads the intercepted method ArC hands the interceptor; ArC registers intercepted "
                            + "methods and their annotations (ReadsRequireReaderTest; AuthIT on native)")),
            Map.entry("io/parley/access/ReadAccess#check -> java/lang/reflect/Method.getReturnType",
                    Allowed.because("as above: the intercepted method's return type, no reflective lookup")),
            Map.entry("io/parley/bundle/BundleSchema#load -> java/lang/ClassLoader.getResourceAsStream",
                    new Allowed("the bundle's JSON Schema (BundleImportIT on native)", "bundle/*.json")),
            Map.entry("io/parley/demo/DemoData#resource -> java/lang/ClassLoader.getResourceAsStream",
                    new Allowed("the demo dataset's bundles (DemoDataIT on native)", "demo/*.json")),
            Map.entry("io/parley/common/Lexicon#load -> java/lang/ClassLoader.getResourceAsStream",
                    new Allowed("drafting's cue lexicon and the person-name lexicon (DraftIT on native)",
                            "draft/*.txt,names/*.txt")),
            Map.entry("io/parley/draft/Gazetteer#slurp -> java/lang/Class.getResourceAsStream",
                    new Allowed("the shipped GeoNames gazetteer (DraftIT on native)", "draft/*.tsv")),
            Map.entry("io/parley/draft/Sentences#load -> java/lang/ClassLoader.getResourceAsStream",
                    new Allowed("OpenNLP's English sentence model, from its Maven Central jar (DraftIT on native)",
                            "opennlp-en-ud-ewt-sentence-*.bin")),
            Map.entry("io/parley/bundle/BundleWriter$Writer#create -> com/fasterxml/jackson/databind/ObjectMapper.convertValue",
                    Allowed.because("binds the GraphQL input types (io.parley.*.*Input), which SmallRye GraphQL registers "
                            + "for reflection as schema inputs (BundleImportIT, DemoDataIT on native)")),
            Map.entry("io/parley/bundle/BundleWriter$Writer#update -> com/fasterxml/jackson/databind/ObjectMapper.convertValue",
                    Allowed.because("as above")),
            Map.entry("io/parley/bundle/BundleRoutes#importBundle -> com/fasterxml/jackson/databind/ObjectMapper.writeValueAsString",
                    Allowed.because("writes ImportResult, a GraphQL output type SmallRye GraphQL registers for reflection "
                            + "(BundleImportIT on native)")),
            Map.entry("io/parley/draft/DraftRoutes#draft -> com/fasterxml/jackson/databind/ObjectMapper.writeValueAsString",
                    Allowed.because("writes a JSON tree (ObjectNode), which binds no class")),
            Map.entry("META-INF/services/io.smallrye.graphql.spi.EventingService",
                    Allowed.because("Quarkus registers the service file for native (it is in the generated "
                            + "resource-config.json); GraphQLHooks, which QueryLimitsIT and CompiledReadsIT need on native")),
            Map.entry("META-INF/services/io.smallrye.config.ConfigSourceInterceptor",
                    Allowed.because("Quarkus reads config interceptors' service files at build time and builds the "
                            + "run-time config with them in generated code; telemetry.TracingSwitch, which "
                            + "OperationMetricsIT (tracing off: no trace ID) and TracingIT (on with an endpoint) prove on native")));

    private static final Set<String> REFLECTIVE_CLASS_METHODS = Set.of("forName", "getDeclaredMethod",
            "getDeclaredMethods", "getMethod", "getMethods", "getDeclaredField", "getDeclaredFields", "getField",
            "getFields", "getDeclaredConstructor", "getDeclaredConstructors", "getConstructor", "getConstructors",
            "newInstance", "getRecordComponents", "getDeclaredClasses", "getClasses");

    private static final Set<String> RESOURCE_METHODS = Set.of("getResource", "getResourceAsStream", "getResources",
            "getSystemResource", "getSystemResourceAsStream", "getSystemResources");

    private static final Set<String> JACKSON_BINDING = Set.of("readValue", "readValues", "convertValue", "treeToValue",
            "valueToTree", "writeValue", "writeValueAsString", "writeValueAsBytes", "readerFor", "writerFor",
            "readerForUpdating", "updateValue");

    /** Why a call is native-hostile, or null. */
    static String hostile(String owner, String name) {
        if (owner.equals("java/lang/Class") && REFLECTIVE_CLASS_METHODS.contains(name)) {
            return "reflection";
        }
        if (owner.equals("java/lang/reflect/Proxy")) {
            return "dynamic proxy";
        }
        if (owner.startsWith("java/lang/reflect/") && !owner.equals("java/lang/reflect/Proxy")) {
            return "reflection";
        }
        if (owner.equals("java/lang/invoke/MethodHandles") && name.startsWith("lookup")
                || owner.equals("java/lang/invoke/MethodHandles$Lookup") && name.startsWith("find")) {
            return "reflection (method handles)";
        }
        if ((owner.equals("java/lang/Class") || owner.equals("java/lang/ClassLoader")) && RESOURCE_METHODS.contains(name)) {
            return "resource";
        }
        if (owner.equals("java/util/ServiceLoader")) {
            return "service loader";
        }
        if ((owner.equals("com/fasterxml/jackson/databind/ObjectMapper")
                || owner.equals("com/fasterxml/jackson/databind/ObjectReader")
                || owner.equals("com/fasterxml/jackson/databind/ObjectWriter")) && JACKSON_BINDING.contains(name)) {
            return "Jackson data binding";
        }
        return null;
    }

    @Test
    void parleysClassesUseNoReflectionProxiesOrResourcesTheNativeBuildDoesNotRegister() throws IOException {
        assertTrue(Files.isDirectory(CLASSES), "run after compiling: " + CLASSES.toAbsolutePath());
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                found.putAll(uses(file));
            }
        }
        Path services = CLASSES.resolve("META-INF/services");
        if (Files.isDirectory(services)) {
            try (Stream<Path> files = Files.list(services)) {
                files.forEach(f -> found.put("META-INF/services/" + f.getFileName(), "service provider file"));
            }
        }
        List<String> unexplained = new ArrayList<>();
        found.forEach((use, kind) -> {
            if (!ALLOWED.containsKey(use)) {
                unexplained.add(kind + ": " + use);
            }
        });
        assertEquals(List.of(), unexplained, """
                Native-hostile code: each of these works on the JVM and may fail only in the native executable.
                Avoid it, or register what it needs (@RegisterForReflection, quarkus.native.resources.includes,
                a Quarkus extension that registers it), prove it with an *IT run by `./mvnw verify -Dnative`, and
                add it to NativeHostileCodeTest.ALLOWED saying why it works.""");
        Set<String> stale = new TreeSet<>(ALLOWED.keySet());
        stale.removeAll(found.keySet());
        assertEquals(Set.of(), stale, "allowed uses that no longer exist: remove them from ALLOWED");
    }

    @Test
    void everyResourceReadIsInTheNativeImage() throws IOException {
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            config.load(in);
        }
        Set<String> included = new TreeSet<>(Arrays.asList(
                config.getProperty("quarkus.native.resources.includes", "").split("\\s*,\\s*")));
        ALLOWED.forEach((use, allowed) -> {
            if (allowed.resources() != null) {
                for (String resources : allowed.resources().split(",")) {
                    assertTrue(included.contains(resources), use + " reads " + resources
                            + ", which quarkus.native.resources.includes (" + included + ") leaves out of the native image");
                }
            }
        });
        // And every included pattern of Parley's own resources matches one that exists (a pattern
        // without a folder names a dependency's resource).
        for (String pattern : included) {
            if (pattern.indexOf('/') < 0) {
                continue;
            }
            String folder = pattern.substring(0, pattern.lastIndexOf('/'));
            String suffix = pattern.substring(pattern.lastIndexOf('*') + 1);
            try (Stream<Path> files = Files.list(Path.of("src/main/resources", folder))) {
                assertTrue(files.anyMatch(f -> f.toString().endsWith(suffix)), pattern + " matches nothing");
            }
        }
    }

    @Test
    void theScannerFindsWhatItLooksFor() {
        assertEquals("reflection", hostile("java/lang/Class", "forName"));
        assertEquals("reflection", hostile("java/lang/reflect/Method", "invoke"));
        assertEquals("dynamic proxy", hostile("java/lang/reflect/Proxy", "newProxyInstance"));
        assertEquals("resource", hostile("java/lang/Class", "getResourceAsStream"));
        assertEquals("service loader", hostile("java/util/ServiceLoader", "load"));
        assertEquals("Jackson data binding", hostile("com/fasterxml/jackson/databind/ObjectMapper", "readValue"));
        assertEquals(null, hostile("java/lang/Class", "getName"));
        assertEquals(null, hostile("com/fasterxml/jackson/databind/ObjectMapper", "readTree"));
    }

    private static Map<String, String> uses(Path file) {
        Map<String, String> uses = new TreeMap<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClassReader reader = new ClassReader(bytes);
        String className = reader.getClassName();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                    String[] exceptions) {
                String caller = className + "#" + (method.startsWith("lambda$") ? lambdaHost(method) : method);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
                        record(owner, name);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... args) {
                        // Method references (Class::forName) reach the method through a handle.
                        for (Object arg : args) {
                            if (arg instanceof Handle handle) {
                                record(handle.getOwner(), handle.getName());
                            }
                        }
                    }

                    private void record(String owner, String name) {
                        String kind = hostile(owner, name);
                        if (kind != null) {
                            uses.put(caller + " -> " + owner + "." + name, kind);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return uses;
    }

    /** lambda$load$0 -> load: a lambda counts as part of the method that holds it. */
    private static String lambdaHost(String lambda) {
        String[] parts = lambda.split("\\$");
        return parts.length > 1 ? parts[1] : lambda;
    }
}
