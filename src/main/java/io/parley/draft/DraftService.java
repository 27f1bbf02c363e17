package io.parley.draft;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.bundle.StoredBundles;
import io.parley.common.ApiException;
import io.parley.common.Inputs;

/**
 * Drafts a report: checks it, reads it ({@link Drafting}) against what Parley holds
 * ({@link StoredHoldings}, read in one read-only transaction) and writes the draft bundle
 * ({@link DraftBundleWriter}). Writes nothing. The models and word lists load on first use.
 */
@ApplicationScoped
public class DraftService {

    /** About 15,000 words: a long feature; a whole book is not a report. */
    static final int TEXT_MAX = 100_000;

    private final EntityManager em;
    private final StoredBundles storedBundles;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Drafting drafting;

    public DraftService(EntityManager em, StoredBundles storedBundles) {
        this.em = em;
        this.storedBundles = storedBundles;
    }

    @Transactional
    public BundleDraft draft(ReportInput report, String field) {
        check(report, field);
        long started = System.nanoTime();
        em.unwrap(org.hibernate.Session.class).setDefaultReadOnly(true);
        Holdings holdings = new StoredHoldings(em, json);
        DraftedReport read = drafting().read(report.text, report.publishedOn, holdings);
        Set<String> storedIds = new LinkedHashSet<>();
        Stream.of(read.people(), read.envoys(), read.talks(), read.trips(), read.outcomes(), read.statements())
                .flatMap(List::stream).map(record -> record.storedId).filter(id -> id != null).forEach(storedIds::add);
        var closure = storedBundles.closure(storedIds);
        int took = (int) ((System.nanoTime() - started) / 1_000_000);
        return new DraftBundleWriter(json, read, report, closure, holdings).write(took);
    }

    private Drafting drafting() {
        Drafting loaded = drafting;
        if (loaded == null) {
            synchronized (this) {
                if (drafting == null) {
                    drafting = Drafting.load();
                }
                loaded = drafting;
            }
        }
        return loaded;
    }

    /** Refuses what cannot be a report, each at its field ({@code report.text}, ...). */
    static void check(ReportInput report, String field) {
        if (report == null) {
            throw ApiException.badInput(field, "is required");
        }
        String text = report.text;
        if (text == null || text.isBlank()) {
            throw ApiException.badInput(field + ".text", "must not be blank");
        }
        if (text.length() > TEXT_MAX) {
            throw ApiException.limitExceeded(field + ".text", "is " + text.length() + " characters; drafting reads at most "
                    + TEXT_MAX + " (about 15,000 words) at a time");
        }
        long control = text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0xFFFD || c == 0x7F).count();
        if (control > 0 && control * 100 >= text.length() || text.indexOf('\0') >= 0) {
            throw ApiException.badInput(field + ".text", "is not text: it holds " + control
                    + " control or undecodable characters (send the report as UTF-8 text)");
        }
        report.publisher = Inputs.required(field + ".publisher", report.publisher, Inputs.NAME_MAX);
        report.title = Inputs.optional(field + ".title", report.title, Inputs.TITLE_MAX);
        report.url = Inputs.url(field + ".url", report.url);
        if (report.publishedOn == null) {
            throw ApiException.badInput(field + ".publishedOn", "is required: relative dates are read against it");
        }
        // A day of slack: a report published today east of UTC is dated tomorrow there.
        if (report.publishedOn.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            throw ApiException.badInput(field + ".publishedOn", report.publishedOn + " is in the future");
        }
        String language = Inputs.optional(field + ".language", report.language, 20);
        if (language != null && !language.matches("(?i)en(-[a-z]{2})?")) {
            throw ApiException.badInput(field + ".language", "'" + language + "': drafting reads English reports only");
        }
        report.language = language == null ? "en" : language.substring(0, 2).toLowerCase(java.util.Locale.ROOT)
                + (language.length() > 2 ? "-" + language.substring(3).toUpperCase(java.util.Locale.ROOT) : "");
    }
}
