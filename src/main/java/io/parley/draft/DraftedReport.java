package io.parley.draft;

import java.util.List;

/** Everything drafting read in one report, before it is written as a bundle. */
record DraftedReport(String text, List<Sentence> sentences, List<DraftPerson> people, List<DraftEnvoy> envoys, List<DraftTalk> talks,
        List<DraftTrip> trips, List<DraftOutcome> outcomes, List<DraftStatement> statements) {
}
