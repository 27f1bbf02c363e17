package io.parley.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * What every drafted record carries besides its fields: the sentences it was read from (each
 * becomes a cited passage), how sure drafting is of it, and, when Parley already holds it, the
 * stored record's ID and what this report adds to it.
 */
abstract class DraftRecord {

    String ref;
    final List<Sentence> passages = new ArrayList<>();
    double confidence;
    /** The stored record this one is, or null for a new record. */
    String storedId;
    /** What the report adds to the stored record ("a citation", "a more precise date: ..."). */
    final List<String> adds = new ArrayList<>();

    void cite(Sentence sentence) {
        if (!passages.contains(sentence)) {
            passages.add(sentence);
        }
    }

    Sentence firstPassage() {
        return passages.get(0);
    }
}
