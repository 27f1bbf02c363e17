package io.parley.http.persisted;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.parley.common.ApiException;
import io.parley.graphql.Documents;
import io.parley.sql.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;

import graphql.schema.GraphQLSchema;

/**
 * Documents clients name by hash instead of sending them: Apollo's automatic persisted queries
 * (registered by any client that sends hash and query together) and trusted documents (from the
 * start-up manifest or registered by an admin). Kept in PostgreSQL, so every replica knows what
 * any other registered, with a small cache in front. What an anonymous client can store is
 * capped: only documents that parse and validate against the served schema, of at most
 * {@code parley.persisted.max-document-size}, and at most {@code parley.persisted.max-documents}
 * automatic ones; past the cap new automatic registrations are skipped (the request is still
 * answered) rather than evicting what real clients registered first.
 */
@ApplicationScoped
public class PersistedDocuments {

    private static final Logger LOG = Logger.getLogger(PersistedDocuments.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    /** The same bound as the V5 CHECK: manifests from Relay use MD5 ids, GraphQL Codegen SHA-256 ones. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9:_.-]{1,128}");
    private static final int CACHED = 1_000;
    /** Serializes automatic registrations across replicas so the cap holds exactly. */
    private static final long REGISTRATION_LOCK = 0x7061726c6579L;

    /** A stored document and whether it is trusted (from the manifest or an admin). */
    public record Stored(String document, boolean trusted) {
    }

    private final DataSource database;
    private final Documents documents;
    private final Instance<GraphQLSchema> servedSchema;
    private final int maxDocuments;
    private final long maxDocumentSize;
    private final Optional<String> manifest;
    private final boolean trustedOnly;
    private final Map<String, Stored> cache = new ConcurrentHashMap<>();

    public PersistedDocuments(DataSource database, Documents documents, Instance<GraphQLSchema> servedSchema,
            @ConfigProperty(name = "parley.persisted.max-documents") int maxDocuments,
            @ConfigProperty(name = "parley.persisted.max-document-size") MemorySize maxDocumentSize,
            @ConfigProperty(name = "parley.trusted-documents.manifest") Optional<String> manifest,
            @ConfigProperty(name = "parley.trusted-documents.enabled") boolean trustedOnly) {
        this.database = database;
        this.documents = documents;
        this.servedSchema = servedSchema;
        this.maxDocuments = maxDocuments;
        this.maxDocumentSize = maxDocumentSize.asLongValue();
        this.manifest = manifest;
        this.trustedOnly = trustedOnly;
    }

    /** Loads the trusted-document manifest, refusing to start when any of its documents is invalid. */
    void loadManifest(@Observes StartupEvent start) throws Exception {
        if (manifest.isEmpty() || manifest.get().isBlank()) {
            return;
        }
        JsonObject entries = new JsonObject(Files.readString(Path.of(manifest.get())));
        List<String> invalid = new ArrayList<>();
        for (Map.Entry<String, Object> entry : entries) {
            if (!ID.matcher(entry.getKey()).matches() || !(entry.getValue() instanceof String document)
                    || invalidity(document) != null) {
                invalid.add(entry.getKey());
            }
        }
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("The trusted-document manifest " + manifest.get()
                    + " holds entries that are not valid documents for this schema: " + invalid);
        }
        for (Map.Entry<String, Object> entry : entries) {
            String document = (String) entry.getValue();
            storeTrusted(entry.getKey(), document, "manifest");
            // Relay names documents by MD5; keep the SHA-256 too, for persistedQuery hashes and full documents.
            String hash = sha256(document);
            if (!hash.equals(entry.getKey())) {
                storeTrusted(hash, document, "manifest");
            }
        }
        LOG.infof("Loaded %d trusted documents from %s", entries.size(), manifest.get());
    }

    /**
     * The document an {@code extensions.persistedQuery} names. With its query, the hash must be
     * the query's SHA-256, and the query is registered; without, the document must be known
     * (PERSISTED_QUERY_NOT_FOUND otherwise, which makes Apollo Client and urql send the query).
     * Blocking: call on a worker thread.
     */
    public Stored resolve(Map<String, Object> persistedQuery, String query) {
        if (!(persistedQuery.get("version") instanceof Number version) || version.intValue() != 1) {
            throw ApiException.badInput("extensions.persistedQuery.version", "must be 1");
        }
        if (!(persistedQuery.get("sha256Hash") instanceof String sent) || !SHA256.matcher(sent).matches()) {
            throw ApiException.badInput("extensions.persistedQuery.sha256Hash", "must be 64 hexadecimal digits");
        }
        String hash = sent.toLowerCase(java.util.Locale.ROOT);
        if (query == null) {
            Stored known = find(hash);
            if (known == null) {
                throw ApiException.persistedQueryNotFound();
            }
            return known;
        }
        if (!sha256(query).equals(hash)) {
            throw ApiException.badInput("extensions.persistedQuery.sha256Hash",
                    "is not the SHA-256 of the query sent with it");
        }
        Stored known = find(hash);
        if (known != null) {
            return known;
        }
        registerAutomatic(hash, query);
        return new Stored(query, false);
    }

    /**
     * The document a {@code documentId} names (the GraphQL over HTTP persisted-documents
     * proposal: {@code sha256:<hash>}, or a manifest's own id), or PERSISTED_QUERY_NOT_FOUND. Blocking.
     */
    public Stored byId(String documentId) {
        String id = documentId.startsWith("sha256:") ? documentId.substring("sha256:".length()) : documentId;
        Stored known = ID.matcher(id).matches() ? find(id) : null;
        if (known == null) {
            throw ApiException.persistedQueryNotFound();
        }
        return known;
    }

    /** Whether a document sent in full is a trusted one. Blocking. */
    public boolean isTrusted(String query) {
        Stored known = find(sha256(query));
        return known != null && known.trusted() && known.document().equals(query);
    }

    /** Registers a trusted document as an admin asks; returns its SHA-256. Blocking. */
    public String registerTrusted(String document) {
        String invalid = invalidity(document);
        if (invalid != null) {
            throw ApiException.badInput("document", invalid);
        }
        String hash = sha256(document);
        storeTrusted(hash, document, "admin");
        return hash;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Why a document may not be stored, or null when it may. */
    private String invalidity(String document) {
        if (document.getBytes(StandardCharsets.UTF_8).length > maxDocumentSize) {
            return "is longer than " + maxDocumentSize + " bytes";
        }
        Documents.Parsed parsed = documents.parse(document);
        if (parsed.syntaxError() != null) {
            return "does not parse: " + parsed.syntaxError();
        }
        return parsed.isValid(servedSchema.get()) ? null : "is not valid against the schema";
    }

    private Stored find(String id) {
        Stored cached = cache.get(id);
        if (cached != null && (cached.trusted() || !trustedOnly)) {
            return cached;
        }
        // Not cached, or cached as automatic when trust matters: another replica's admin may have trusted it since.
        try (Connection connection = database.getConnection();
                PreparedStatement select = Sql.of("select document, origin <> 'automatic' from persisted_document"
                        + " where id = ", Sql.value(id)).prepare(connection)) {
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Stored stored = new Stored(row.getString(1), row.getBoolean(2));
                remember(id, stored);
                return stored;
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not read persisted documents", failed);
        }
    }

    private void registerAutomatic(String hash, String query) {
        if (invalidity(query) != null) {
            return;
        }
        boolean stored = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = database.getConnection()) {
                try (PreparedStatement lock = Sql.of("select pg_advisory_xact_lock(", Sql.value(REGISTRATION_LOCK), ")")
                        .prepare(connection)) {
                    lock.execute();
                }
                try (PreparedStatement insert = Sql.of("insert into persisted_document (id, document, origin) select ",
                        Sql.value(hash), ", ", Sql.value(query), ", 'automatic'",
                        " where (select count(*) from persisted_document where origin = 'automatic') < ",
                        Sql.value(maxDocuments), " on conflict (id) do nothing").prepare(connection)) {
                    return insert.executeUpdate() == 1;
                }
            }
        });
        if (stored) {
            remember(hash, new Stored(query, false));
        } else {
            LOG.debugf("automatic persisted query %s not stored: known already, or %d stored", hash, maxDocuments);
        }
    }

    private void storeTrusted(String id, String document, String origin) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = database.getConnection();
                    PreparedStatement upsert = Sql.of("insert into persisted_document (id, document, origin) values (",
                            Sql.values(List.of(id, document, origin)), ")"
                            + " on conflict (id) do update set document = excluded.document, origin = excluded.origin"
                            + " where persisted_document.origin = 'automatic' or excluded.origin = 'manifest'")
                            .prepare(connection)) {
                upsert.executeUpdate();
            } catch (SQLException failed) {
                throw new IllegalStateException("Could not store a trusted document", failed);
            }
        });
        remember(id, new Stored(document, true));
    }

    private void remember(String id, Stored stored) {
        if (cache.size() >= CACHED) {
            cache.clear();
        }
        cache.put(id, stored);
    }
}
