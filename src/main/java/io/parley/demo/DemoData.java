package io.parley.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.parley.bundle.BundleImporter;
import io.parley.bundle.Identities;
import io.parley.bundle.ImportResult;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the facts of the two seed reports at start-up when {@code parley.demo-data} is on
 * (dev mode and tests; any database with {@code PARLEY_DEMO_DATA=true}), one report bundle each,
 * through the same importer as {@code POST /import}. Importing is idempotent and imports run one
 * at a time, so replicas starting at once and restarts store every fact exactly once.
 */
@ApplicationScoped
public class DemoData {

    static final List<String> BUNDLES = List.of("demo/report-1.json", "demo/report-2.json");
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final BundleImporter importer;
    private final boolean enabled;

    public DemoData(BundleImporter importer, @ConfigProperty(name = "parley.demo-data") boolean enabled) {
        this.importer = importer;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    void load() {
        for (String bundle : BUNDLES) {
            ImportResult result = Identities.runAs(Identities.system("demo-dataset"),
                    () -> importer.importJson(resource(bundle)));
            LOG.infof("Demo bundle %s: %d created, %d matched, %d updated", bundle, result.created(),
                    result.matched(), result.updated());
        }
    }

    static String resource(String name) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
