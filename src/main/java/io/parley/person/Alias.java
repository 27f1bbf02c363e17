package io.parley.person;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Another name a person is known by, in the language (and script) it is written in where known. */
@Type("Alias")
@Description("Another name a person is known by: another spelling, a transliteration, or the name in another script.")
public record Alias(@NonNull String name,
        @Description("BCP 47 tag of the language (and script, when not the language's usual one) the name is written in, "
                + "e.g. ru for Путин, ru-Latn for the transliteration Dmitriyev, ar, he; null when unknown.") String language) {
}
