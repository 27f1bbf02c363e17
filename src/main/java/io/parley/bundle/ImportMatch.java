package io.parley.bundle;

import org.eclipse.microprofile.graphql.Description;

/** How a bundle's person was found to be a stored one; the importer tries each in this order. */
@Description("How a bundle's person was found to be a stored one; the importer tries each in this order.")
public enum ImportMatch {
    @Description("The same Wikidata QID. When the names differ, the stored name stays and the bundle's becomes an alias.")
    WIKIDATA_ID,
    @Description("The same name, exactly.")
    NAME,
    @Description("The bundle's name is one of the stored person's aliases, or one of the bundle's aliases is their name "
            + "or an alias (case and accents aside). The stored name stays; the bundle's name becomes an alias.")
    ALIAS,
    @Description("The bundle's name is a near-miss of the stored person's name or an alias (a nickname, another "
            + "transliteration, a typo in the surname), and of no other stored person's. The stored name stays; the "
            + "bundle's name becomes an alias.")
    SIMILAR_NAME
}
