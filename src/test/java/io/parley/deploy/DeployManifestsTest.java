package io.parley.deploy;

import static io.parley.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Holds deploy/ to the Kubernetes schemas and to the application it deploys: the rendered
 * overlays' probes, ports, routes, variables, image and secrets must match what Parley really
 * serves and reads (checked against the running service and its production configuration).
 */
@QuarkusTest
class DeployManifestsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** The application's production configuration, as the packaged service resolves it. */
    private static final SmallRyeConfig PROD = productionConfig();
    /** Production's connection settings: standard Quarkus names, unset in application.properties. */
    private static final Set<String> DATASOURCE = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD");

    @Test
    void everyManifestFileParsesStrictly() {
        List<Path> files = Manifests.resourceFiles();
        assertTrue(files.size() >= 10, "deploy/ has its resources");
        for (Path file : files) {
            assertFalse(Manifests.parse(file).isEmpty(), file + " holds a resource");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theOverlayRendersIntoAWorkingWhole(String overlay) throws IOException {
        String rendered = Manifests.render(overlay);
        Assumptions.assumeTrue(rendered != null, "kubectl is not installed; .ci/run installs it");
        List<HasMetadata> resources = Manifests.parse(rendered, overlay);

        assertTrue(resources.stream().noneMatch(r -> r.getKind().equals("Secret")), "no Secret is shipped");
        Deployment deployment = one(resources, Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(), subset(podLabels, deployment.getSpec().getSelector().getMatchLabels()));
        Container parley = pod.getContainers().get(0);

        runsLockedDown(pod, parley);
        servesWhatTheProbesAndRoutesAsk(resources, parley, podLabels);
        readsOnlyVariablesTheApplicationKnows(resources, parley);
        usesTheDatabaseOperatorsSecretAndPrimary(resources, parley);
        fencesTraffic(overlay, resources, podLabels, parley);
        scalesAndSurvivesDisruption(resources, deployment, podLabels);
        runsTheBuiltImage(overlay, parley);
    }

    private static void runsLockedDown(PodSpec pod, Container parley) throws IOException {
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertEquals(dockerfileUser(), pod.getSecurityContext().getRunAsUser(), "the image's user");
        assertFalse(pod.getAutomountServiceAccountToken());
        var security = parley.getSecurityContext();
        assertTrue(security.getReadOnlyRootFilesystem());
        assertFalse(security.getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), security.getCapabilities().getDrop());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        for (String resource : List.of("cpu", "memory")) {
            assertNotNull(parley.getResources().getRequests().get(resource), "request " + resource);
            assertNotNull(parley.getResources().getLimits().get(resource), "limit " + resource);
        }
        // Vert.x and the JDK write temporary files; with a read-only root they need a volume.
        assertTrue(parley.getVolumeMounts().stream().map(VolumeMount::getMountPath).anyMatch("/tmp"::equals));
        long grace = pod.getTerminationGracePeriodSeconds();
        long shutdown = seconds(PROD.getValue("quarkus.shutdown.timeout", String.class));
        long preStop = parley.getLifecycle().getPreStop().getSleep().getSeconds();
        assertTrue(grace > shutdown + preStop, "the pod is given time to finish in-flight requests");
    }

    private static void servesWhatTheProbesAndRoutesAsk(List<HasMetadata> resources, Container parley,
            Map<String, String> podLabels) {
        int http = PROD.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080); // Quarkus' default
        int managementPort = PROD.getValue("quarkus.management.port", Integer.class);
        assertEquals(http, port(parley, "http"));
        assertEquals(managementPort, port(parley, "management"));

        List<String> probes = new ArrayList<>();
        for (var probe : List.of(parley.getStartupProbe(), parley.getReadinessProbe(), parley.getLivenessProbe())) {
            HTTPGetAction get = probe.getHttpGet();
            assertEquals("management", get.getPort().getStrVal());
            probes.add(get.getPath());
        }
        assertEquals(List.of("/q/health/started", "/q/health/ready", "/q/health/live"), probes);
        // The running service answers them, on the management port and not on the public one.
        for (String probe : probes) {
            management().when().get(probe).then().statusCode(200).body(containsString("\"UP\""));
            given().when().get(probe).then().statusCode(404);
        }

        Service service = one(resources, Service.class);
        assertEquals(service.getSpec().getSelector(), subset(podLabels, service.getSpec().getSelector()));
        Set<String> servicePorts = new HashSet<>();
        service.getSpec().getPorts().forEach(p -> {
            servicePorts.add(p.getName());
            port(parley, p.getTargetPort().getStrVal());
        });

        Ingress ingress = one(resources, Ingress.class);
        List<String> routes = new ArrayList<>();
        for (var rule : ingress.getSpec().getRules()) {
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                assertEquals(service.getMetadata().getName(), path.getBackend().getService().getName());
                assertEquals("http", path.getBackend().getService().getPort().getName(), "only the API port is public");
                routes.add(path.getPath());
            }
        }
        assertEquals(List.of(PROD.getValue("quarkus.smallrye-graphql.root-path", String.class), "/q/graphql-ui"), routes);
        given().when().get(routes.get(0) + "/schema.graphql").then().statusCode(200).body(containsString("type Query"));
        given().when().get(routes.get(1) + "/").then().statusCode(200);
        String readTimeout = ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-read-timeout");
        assertTrue(Integer.parseInt(readTimeout) >= 3600, "idle subscriptions stay open");

        resources.stream().filter(ServiceMonitor.class::isInstance).map(ServiceMonitor.class::cast).forEach(monitor -> {
            assertEquals(monitor.getSpec().getSelector().getMatchLabels(),
                    subset(service.getMetadata().getLabels(), monitor.getSpec().getSelector().getMatchLabels()));
            var endpoint = monitor.getSpec().getEndpoints().get(0);
            assertTrue(servicePorts.contains(endpoint.getPort()));
            assertEquals("management", endpoint.getPort());
            management().when().get(endpoint.getPath()).then().statusCode(200)
                    .body(containsString("# TYPE http_server_requests_seconds"));
        });
    }

    private static void readsOnlyVariablesTheApplicationKnows(List<HasMetadata> resources, Container parley) throws IOException {
        Map<String, String> settings = new TreeMap<>(settings(resources, parley));
        // Variables only the container's own arguments expand (the heap) are the pod's, not Parley's.
        String arguments = String.join(" ", parley.getArgs());
        parley.getEnv().stream().map(EnvVar::getName).filter(name -> !arguments.contains("$(" + name + ")"))
                .forEach(name -> settings.put(name, null));
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        String readme = Files.readString(Path.of("README.md"));
        for (String name : settings.keySet()) {
            boolean read = properties.contains("${" + name + ":") || properties.contains("${" + name + "}")
                    || DATASOURCE.contains(name) || environmentNames(properties).contains(name);
            assertTrue(read, name + " is read by the application");
            assertTrue(readme.contains("`" + name + "`"), name + " is in the README's configuration table");
        }
        // The key file the JWT setting points at is the one the pod mounts.
        String keys = settings.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").replaceFirst("^file:", "");
        VolumeMount jwt = parley.getVolumeMounts().stream().filter(m -> keys.startsWith(m.getMountPath() + "/")).findFirst().orElseThrow();
        var volume = one(resources, Deployment.class).getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(jwt.getName())).findFirst().orElseThrow();
        ConfigMap jwks = named(resources, ConfigMap.class, volume.getConfigMap().getName());
        JsonNode keySet = new ObjectMapper().readTree(jwks.getData().get(Path.of(keys).getFileName().toString()));
        assertTrue(keySet.get("keys").isArray(), "a JSON Web Key Set");
    }

    private static void usesTheDatabaseOperatorsSecretAndPrimary(List<HasMetadata> resources, Container parley) {
        GenericKubernetesResource cluster = cluster(resources);
        String name = cluster.getMetadata().getName();
        String database = (String) ((Map<?, ?>) ((Map<?, ?>) spec(cluster).get("bootstrap")).get("initdb")).get("database");
        assertEquals("jdbc:postgresql://" + name + "-rw:5432/" + database,
                settings(resources, parley).get("QUARKUS_DATASOURCE_JDBC_URL"),
                "writes go to the primary");
        // Reads may go to the replicas only where there are some, and an acknowledged write must
        // then be on one of them too (synchronous replication), or a failover could lose it.
        int instances = ((Number) spec(cluster).get("instances")).intValue();
        String replicaUrl = settings(resources, parley).getOrDefault("PARLEY_DB_REPLICA_URL", "");
        Map<?, ?> synchronous = (Map<?, ?>) ((Map<?, ?>) spec(cluster).get("postgresql")).get("synchronous");
        if (instances >= 2) {
            assertEquals("jdbc:postgresql://" + name + "-ro:5432/" + database, replicaUrl, "reads go to the replicas");
            assertTrue(synchronous != null && ((Number) synchronous.get("number")).intValue() >= 1
                    && "required".equals(synchronous.get("dataDurability")), "commits wait for a replica: " + synchronous);
        } else {
            assertEquals("", replicaUrl, "one instance has no replica to read from");
            assertEquals(null, synchronous, "one instance has no replica to wait for");
        }
        for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            var ref = parley.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst().orElseThrow()
                    .getValueFrom().getSecretKeyRef();
            assertEquals(name + "-app", ref.getName(), "the operator's Secret for the owner");
            assertEquals(variable.endsWith("USERNAME") ? "username" : "password", ref.getKey());
        }
    }

    private static void fencesTraffic(String overlay, List<HasMetadata> resources, Map<String, String> podLabels, Container parley) {
        NetworkPolicy policy = one(resources, NetworkPolicy.class);
        assertEquals(policy.getSpec().getPodSelector().getMatchLabels(), subset(podLabels, policy.getSpec().getPodSelector().getMatchLabels()));
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        var ingress = policy.getSpec().getIngress();
        assertEquals("ingress-nginx", ingress.get(0).getFrom().get(0).getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
        assertEquals(List.of("http"), ingress.get(0).getPorts().stream().map(p -> p.getPort().getStrVal()).toList());
        if (overlay.equals("prod")) {
            assertEquals(2, ingress.size());
            assertEquals(List.of("management"), ingress.get(1).getPorts().stream().map(p -> p.getPort().getStrVal()).toList());
        } else {
            assertEquals(1, ingress.size());
        }
        String cluster = cluster(resources).getMetadata().getName();
        var egress = policy.getSpec().getEgress();
        assertEquals(2, egress.size(), "PostgreSQL and DNS only");
        NetworkPolicyPeer database = egress.get(0).getTo().get(0);
        assertEquals(cluster, database.getPodSelector().getMatchLabels().get("cnpg.io/cluster"));
        assertEquals(List.of(5432), egress.get(0).getPorts().stream().map(NetworkPolicyPort::getPort).map(p -> p.getIntVal()).toList());
        assertEquals(List.of(53, 53), egress.get(1).getPorts().stream().map(NetworkPolicyPort::getPort).map(p -> p.getIntVal()).toList());
        assertTrue(parley.getPorts().stream().map(ContainerPort::getName).toList().containsAll(List.of("http", "management")));
    }

    /**
     * The native executable's heap is set explicitly from the pod's memory limit: the stand-in
     * toolchain's executables read no cgroup limit (docs/native.md), and even a real GraalVM
     * build would size the default heap from it as a share this test could not see.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theHeapIsAShareOfThePodsMemoryLimit(String overlay) throws IOException {
        String rendered = Manifests.render(overlay);
        Assumptions.assumeTrue(rendered != null, "kubectl is not installed; .ci/run installs it");
        Container parley = one(Manifests.parse(rendered, overlay), Deployment.class).getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        List<String> heap = parley.getArgs().stream().filter(a -> a.startsWith("-Xmx")).toList();
        assertEquals(1, heap.size(), "one explicit maximum heap: " + parley.getArgs());
        Matcher variable = Pattern.compile("-Xmx\\$\\((\\w+)\\)m").matcher(heap.get(0));
        assertTrue(variable.matches(), heap.get(0) + " takes its size in MiB from a variable");
        var field = parley.getEnv().stream().filter(e -> e.getName().equals(variable.group(1))).findFirst()
                .orElseThrow().getValueFrom().getResourceFieldRef();
        assertEquals("limits.memory", field.getResource());
        assertEquals(parley.getName(), field.getContainerName());
        long limitMiB = Quantity.getAmountInBytes(parley.getResources().getLimits().get("memory")).longValue() >> 20;
        long divisorMiB = Quantity.getAmountInBytes(field.getDivisor()).longValue() >> 20;
        long heapMiB = limitMiB / divisorMiB;
        // Room beside the heap for the image heap, thread stacks, metaspace-free code and the GC's copy.
        assertTrue(heapMiB >= 64 && heapMiB <= limitMiB / 2, heapMiB + " MiB of heap under a " + limitMiB + " MiB limit");
        assertTrue(parley.getResources().getRequests().get("memory").equals(parley.getResources().getLimits().get("memory")),
                "memory request equals the limit: a pod is never placed where its heap cannot grow");
    }

    private static void scalesAndSurvivesDisruption(List<HasMetadata> resources, Deployment deployment, Map<String, String> podLabels) {
        HorizontalPodAutoscaler hpa = one(resources, HorizontalPodAutoscaler.class);
        assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas());
        PodDisruptionBudget pdb = one(resources, PodDisruptionBudget.class);
        assertEquals(pdb.getSpec().getSelector().getMatchLabels(), subset(podLabels, pdb.getSpec().getSelector().getMatchLabels()));
        // Every pod may hold a full pool, and the database must take them all at the HPA's maximum.
        int maxConnections = Integer.parseInt((String) ((Map<?, ?>) ((Map<?, ?>) spec(cluster(resources)).get("postgresql"))
                .get("parameters")).get("max_connections"));
        Container parley = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        int pool = Integer.parseInt(settings(resources, parley).get("PARLEY_DB_POOL_MAX"));
        assertTrue(hpa.getSpec().getMaxReplicas() * pool < maxConnections, "the database takes every pod's pool");
    }

    private static void runsTheBuiltImage(String overlay, Container parley) throws IOException {
        String image = parley.getImage();
        // The name src/main/docker/Dockerfile.native-micro tells operators to build.
        Matcher built = Pattern.compile("-t (\\S+):(\\S+) ").matcher(Files.readString(Path.of("src/main/docker/Dockerfile.native-micro")));
        assertTrue(built.find());
        assertTrue(image.startsWith(built.group(1) + ":"), image + " is the image the Dockerfile builds");
        if (overlay.equals("prod")) {
            assertEquals(built.group(1) + ":" + System.getProperty("parley.version") + "-native", image, "production pins this release");
        }
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream().filter(p -> p.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container port " + name)).getContainerPort();
    }

    /** The environment variable of every property application.properties sets (SmallRye's mapping). */
    private static Set<String> environmentNames(String properties) {
        Set<String> names = new HashSet<>();
        for (String line : properties.lines().toList()) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                String key = line.substring(0, equals).trim().replaceFirst("^%[a-z]+\\.", "");
                names.add(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
            }
        }
        return names;
    }

    private static long seconds(String duration) {
        return Long.parseLong(duration.replaceAll("[^0-9]", ""));
    }

    private static Map<String, String> subset(Map<String, String> labels, Map<String, String> selector) {
        Map<String, String> matched = new HashMap<>();
        selector.keySet().forEach(k -> {
            if (labels.containsKey(k)) {
                matched.put(k, labels.get(k));
            }
        });
        return matched;
    }

    /** The settings the container gets from its ConfigMaps. */
    private static Map<String, String> settings(List<HasMetadata> resources, Container container) {
        Map<String, String> settings = new HashMap<>();
        container.getEnvFrom().forEach(source -> settings.putAll(
                named(resources, ConfigMap.class, source.getConfigMapRef().getName()).getData()));
        return settings;
    }

    private static GenericKubernetesResource cluster(List<HasMetadata> resources) {
        return resources.stream().filter(r -> r.getKind().equals("Cluster")).map(GenericKubernetesResource.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no CloudNativePG Cluster"));
    }

    private static Map<?, ?> spec(GenericKubernetesResource resource) {
        return (Map<?, ?>) resource.getAdditionalProperties().get("spec");
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> resources, Class<T> type) {
        List<T> found = resources.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), "one " + type.getSimpleName());
        return found.get(0);
    }

    private static <T extends HasMetadata> T named(List<HasMetadata> resources, Class<T> type, String name) {
        return resources.stream().filter(type::isInstance).map(type::cast).filter(r -> r.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    private static long dockerfileUser() throws IOException {
        Matcher user = Pattern.compile("(?m)^USER (\\d+)").matcher(Files.readString(Path.of("src/main/docker/Dockerfile.native-micro")));
        assertTrue(user.find());
        return Long.parseLong(user.group(1));
    }

    private static SmallRyeConfig productionConfig() {
        try {
            URL properties = Path.of("src/main/resources/application.properties").toUri().toURL();
            return new SmallRyeConfigBuilder().withProfile("prod").addDefaultInterceptors()
                    .withSources(new PropertiesConfigSource(properties, 100)).build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
