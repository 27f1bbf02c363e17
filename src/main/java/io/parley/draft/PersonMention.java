package io.parley.draft;

/**
 * A person named in a sentence at characters {@code [start, end)} (tokens {@code [first, last)}
 * of the sentence), as written: "Vladimir Putin", "Putin". {@code possessive} when followed by
 * "'s" ("Putin's envoy"), which names the person without making them an actor of the sentence.
 */
record PersonMention(Sentence sentence, int first, int last, int start, int end, String written, boolean possessive,
        DraftPerson person) {

    PersonMention of(DraftPerson who) {
        return new PersonMention(sentence, first, last, start, end, written, possessive, who);
    }
}
