package io.parley.http.persisted;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A document registered as trusted: clients name it by its SHA-256 in extensions.persistedQuery. */
@Description("A document registered as trusted; clients send its sha256Hash in extensions.persistedQuery instead of the document")
public class TrustedDocument {

    @NonNull
    public String sha256Hash;
    @NonNull
    public String document;

    public TrustedDocument() {
    }

    TrustedDocument(String sha256Hash, String document) {
        this.sha256Hash = sha256Hash;
        this.document = document;
    }
}
