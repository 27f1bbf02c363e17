package io.parley.outcome;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.parley.db.ListQuery;
import io.parley.db.Listing;
import io.parley.db.Ordering;
import io.parley.db.Filters;
import io.parley.sql.Sql;
import io.parley.db.RecordService;
import io.parley.events.ChangeEvents;
import io.parley.common.ApiException;
import io.parley.common.DatePrecision;
import io.parley.common.Inputs;
import io.parley.common.NodeType;
import io.parley.person.PersonService;
import io.parley.source.Citations;
import io.parley.talk.TalkService;
import io.parley.track.TrackService;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class OutcomeService extends RecordService<Outcome, OutcomeInput> {

    static final Ordering BY_KEY = new Ordering("id", "o.id", Ordering.Kind.NUMBER, false);

    private final Citations citations;
    private final ChangeEvents events;
    private final TrackService tracks;
    private final TalkService talks;
    private final PersonService people;

    public OutcomeService(Citations citations, ChangeEvents events,
            TrackService tracks, TalkService talks, PersonService people, SecurityIdentity identity) {
        super(NodeType.OUTCOME, Outcome::new, identity);
        this.citations = citations;
        this.events = events;
        this.tracks = tracks;
        this.talks = talks;
        this.people = people;
    }

    public Listing listing(OutcomeFilter filter) {
        return filtered(filter).ordered(BY_KEY);
    }

    /** A track's ({@code trackKey}, SQL) outcomes, in the order recorded. */
    public Listing ofTrack(Sql trackKey) {
        return filtered(null).where(Sql.of("o.track_id = ", trackKey)).ordered(BY_KEY);
    }

    private ListQuery filtered(OutcomeFilter filter) {
        OutcomeFilter f = filter == null ? new OutcomeFilter() : filter;
        return new ListQuery("outcome", "o")
                .where(Filters.names(f.kinds), kinds -> Filters.in("o.kind", kinds))
                .where(Filters.names(f.statuses), statuses -> Filters.in("o.status", statuses))
                .where(Filters.anyOf(Inputs.keys("filter.trackIds", f.trackIds, NodeType.TRACK)),
                        tracks -> Filters.in("o.track_id", tracks))
                .where(f.from, from -> Filters.atLeast("o.date", from))
                .where(f.to, to -> Filters.endsBy("o.date", "o.date_end", to));
    }

    @Override
    @Transactional
    public Outcome create(OutcomeInput input) {
        return announced(super.create(input));
    }

    @Override
    @Transactional
    public Outcome update(String id, OutcomeInput input, Integer expectedVersion) {
        return announced(super.update(id, input, expectedVersion));
    }

    private Outcome announced(Outcome outcome) {
        events.publish(NodeType.OUTCOME, outcome.key(), outcome.trackKey);
        return outcome;
    }

    @Override
    protected void noteReferences(Outcome outcome) {
        tracks.known(outcome.trackKey);
        talks.known(outcome.talkKeys);
        people.known(outcome.beneficiaryKeys);
        people.known(outcome.creditedKeys);
        citations.known(outcome.citations);
    }

    @Override
    protected Outcome apply(Outcome outcome, OutcomeInput input) {
        if (input.kind == null) {
            throw ApiException.badInput("input.kind", "is required");
        }
        outcome.kind = input.kind;
        outcome.status = input.status == null ? OutcomeStatus.AGREED : input.status;
        outcome.title = Inputs.required("input.title", input.title, Inputs.TITLE_MAX);
        outcome.description = Inputs.optional("input.description", input.description, Inputs.TEXT_MAX);
        outcome.datePrecision = DatePrecision.forDate(input.date, input.datePrecision);
        outcome.date = outcome.datePrecision == null ? null : outcome.datePrecision.align(input.date);
        outcome.trackKey = tracks.optionalReference("input.trackId", input.trackId);
        outcome.talkKeys = kept(outcome.talkKeys, talks.references("input.talkIds", input.talkIds));
        outcome.beneficiaryKeys = kept(outcome.beneficiaryKeys, people.references("input.beneficiaryIds", input.beneficiaryIds));
        outcome.creditedKeys = kept(outcome.creditedKeys, people.references("input.creditedToIds", input.creditedToIds));
        List<Figure> figures = Inputs.each("input.figures", input.figures, (field, figure) -> {
            if (figure.value == null || figure.value < 0) {
                throw ApiException.badInput(field + ".value", "must be zero or more");
            }
            return new Figure(Inputs.required(field + ".label", figure.label, Inputs.TITLE_MAX), figure.value,
                    Boolean.TRUE.equals(figure.approximate));
        });
        outcome.figures = kept(outcome.figures, figures == null ? new ArrayList<>() : figures);
        outcome.citations = kept(outcome.citations, citations.from("input.citations", input.citations));
        return outcome;
    }
}
