package io.parley.bundle;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A bundle after one of its records was linked to the stored record it is. */
@Type("BundleLink")
@Description("A bundle after linking one of its records to the stored record it is (linkBundleRecord).")
public record BundleLink(
        @NonNull @Description("The bundle, as JSON text, ready for importBundle.") String bundle,
        @NonNull @Description("The record's ref in it now: the stored record's ID, which every reference to it names.") String ref,
        @NonNull @Description("What the bundle adds to the stored record: citations, other spellings of a person's name.") List<@NonNull String> notes) {
}
