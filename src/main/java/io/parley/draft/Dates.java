package io.parley.draft;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parley.common.DatePrecision;
import io.parley.common.Lexicon;

/**
 * Step 3, dates: every date expression of a sentence (the {@code [dates]} rules of the lexicon),
 * resolved against the publication date at the precision the words support and never more
 * precisely. A day or month without a year is the latest one not after publication, unless the
 * sentence speaks of the future ("will meet on Friday" is the coming Friday). "Later that day"
 * takes the date stated before it.
 */
final class Dates {

    /** How a rule's match becomes a date. */
    enum Resolver {
        CALENDAR, DAY_BEFORE, SAME_DAY, WEEKDAY, LAST_WEEK, NEXT_WEEK, THIS_WEEK, LAST_MONTH, NEXT_MONTH, THIS_MONTH,
        LAST_YEAR, NEXT_YEAR, THIS_YEAR, PREVIOUS
    }

    private record Rule(Pattern pattern, Resolver resolver, DatePrecision precision) {
    }

    private static final String MONTHS = "(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
    private static final String WEEKDAYS = "(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

    private final List<Rule> rules = new ArrayList<>();
    private final Pattern future;

    Dates(Lexicon lexicon) {
        for (List<String> entry : lexicon.entries("dates")) {
            String regex = "\\b(?:" + entry.get(0).replace("MONTH", MONTHS).replace("MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY", WEEKDAYS) + ")\\b";
            rules.add(new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), Resolver.valueOf(entry.get(1)),
                    DatePrecision.valueOf(entry.get(2))));
        }
        future = Pattern.compile("\\b(?:will|shall|is (?:expected|due|set|likely) to|are (?:expected|due|set|likely) to"
                + "|plans? to|planned|next|upcoming|coming)\\b", Pattern.CASE_INSENSITIVE);
    }

    /**
     * The dates of one sentence, in text order, none overlapping; {@code previous} is the last
     * date stated before the sentence (for "later that day"), or null.
     */
    List<DateMention> find(Sentence sentence, LocalDate published, DateMention previous) {
        List<DateMention> found = new ArrayList<>();
        boolean futureTense = future.matcher(sentence.text()).find();
        String text = sentence.text();
        int position = 0;
        while (position < text.length()) {
            DateMention best = null;
            for (Rule rule : rules) {
                Matcher m = rule.pattern.matcher(text);
                if (m.find(position) && (best == null || m.start() < best.start() - sentence.start())) {
                    LocalDate date = resolve(rule, m, published, futureTense, previous);
                    if (date != null) {
                        DatePrecision precision = rule.precision;
                        if (rule.resolver == Resolver.PREVIOUS) {
                            precision = previous.precision();
                        }
                        best = new DateMention(sentence.start() + m.start(), sentence.start() + m.end(), m.group(),
                                precision.align(date), precision);
                    }
                }
            }
            if (best == null) {
                break;
            }
            found.add(best);
            previous = best;
            position = best.end() - sentence.start();
        }
        return found;
    }

    private static LocalDate resolve(Rule rule, Matcher m, LocalDate published, boolean future, DateMention previous) {
        if (published == null && rule.resolver != Resolver.CALENDAR && rule.resolver != Resolver.PREVIOUS) {
            return null;
        }
        return switch (rule.resolver) {
            case CALENDAR -> calendar(m, rule.precision, published, future);
            case DAY_BEFORE -> published.minusDays(1);
            case SAME_DAY -> published;
            case WEEKDAY -> {
                DayOfWeek day = DayOfWeek.valueOf(m.group("weekday").toUpperCase(Locale.ROOT));
                yield future ? published.with(TemporalAdjusters.next(day)) : published.with(TemporalAdjusters.previousOrSame(day));
            }
            case LAST_WEEK -> monday(published).minusWeeks(1);
            case NEXT_WEEK -> monday(published).plusWeeks(1);
            case THIS_WEEK -> monday(published);
            case LAST_MONTH -> published.withDayOfMonth(1).minusMonths(1);
            case NEXT_MONTH -> published.withDayOfMonth(1).plusMonths(1);
            case THIS_MONTH -> published.withDayOfMonth(1);
            case LAST_YEAR -> published.withDayOfYear(1).minusYears(1);
            case NEXT_YEAR -> published.withDayOfYear(1).plusYears(1);
            case THIS_YEAR -> published.withDayOfYear(1);
            case PREVIOUS -> previous == null ? null : previous.date();
        };
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** A calendar date from the rule's named groups; a missing year is inferred from publication. */
    private static LocalDate calendar(Matcher m, DatePrecision precision, LocalDate published, boolean future) {
        Integer year = group(m, "year") == null ? null : Integer.valueOf(group(m, "year"));
        Month month = group(m, "month") == null ? null : month(group(m, "month"));
        int day = group(m, "day") == null ? 1 : Integer.parseInt(group(m, "day"));
        if (month == null && year == null) {
            return null;
        }
        if (month == null) {
            return LocalDate.of(year, 1, 1);
        }
        if (day < 1 || day > month.maxLength()) {
            return null;
        }
        if (year == null) {
            if (published == null) {
                return null;
            }
            year = published.getYear();
            LocalDate candidate = safeDate(year, month, day);
            if (candidate == null) {
                return null;
            }
            LocalDate comparable = precision == DatePrecision.MONTH ? candidate.withDayOfMonth(1) : candidate;
            if (!future && comparable.isAfter(published)) {
                year--;
            } else if (future && comparable.isBefore(precision == DatePrecision.MONTH ? published.withDayOfMonth(1) : published)) {
                year++;
            }
        }
        return safeDate(year, month, day);
    }

    private static LocalDate safeDate(int year, Month month, int day) {
        return day <= month.length(java.time.Year.isLeap(year)) ? LocalDate.of(year, month, day) : null;
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }

    /** English month names by their first three letters (no locale data: native images ship only "en" anyway). */
    private static final List<String> MONTH_PREFIXES = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");

    private static Month month(String name) {
        int index = MONTH_PREFIXES.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT));
        return index < 0 ? null : Month.of(index + 1);
    }
}
