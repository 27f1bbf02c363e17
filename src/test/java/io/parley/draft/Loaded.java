package io.parley.draft;

import io.parley.common.Lexicon;

/** What the step tests share, loaded once per test JVM (the models and word lists take about 0.4 s). */
final class Loaded {

    static final Lexicon LEXICON = Lexicon.load(Drafting.LEXICON);
    static final Sentences SENTENCES = Sentences.load();
    static final Drafting DRAFTING = new Drafting(LEXICON, Gazetteer.load(), SENTENCES);

    private Loaded() {
    }
}
