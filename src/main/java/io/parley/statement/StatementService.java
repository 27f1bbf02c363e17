package io.parley.statement;

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
public class StatementService extends RecordService<Statement, StatementInput> {

    static final Ordering MOST_RECENT = new Ordering("SAID_ON_DESC", "s.said_on", Ordering.Kind.DATE, true);

    private final Citations citations;
    private final ChangeEvents events;
    private final PersonService people;
    private final TalkService talks;
    private final TrackService tracks;

    public StatementService(Citations citations, ChangeEvents events,
            PersonService people, TalkService talks, TrackService tracks, SecurityIdentity identity) {
        super(NodeType.STATEMENT, Statement::new, identity);
        this.citations = citations;
        this.events = events;
        this.people = people;
        this.talks = talks;
        this.tracks = tracks;
    }

    public Listing listing(StatementFilter filter) {
        return filtered(filter).ordered(MOST_RECENT);
    }

    /** What a person ({@code personKey}, SQL) said, most recent first. */
    public Listing ofSpeaker(Sql personKey) {
        return filtered(null).where(Sql.of("s.speaker_id = ", personKey)).ordered(MOST_RECENT);
    }

    private ListQuery filtered(StatementFilter filter) {
        StatementFilter f = filter == null ? new StatementFilter() : filter;
        return new ListQuery("statement", "s")
                .where(Filters.anyOf(Inputs.keys("filter.speakerIds", f.speakerIds, NodeType.PERSON)),
                        speakers -> Sql.of("s.speaker_id in (", PersonService.currentKeys(speakers), ")"))
                .where(Filters.names(f.tones), tones -> Filters.in("s.tone", tones))
                .where(Filters.anyOf(Inputs.keys("filter.trackIds", f.trackIds, NodeType.TRACK)),
                        tracks -> Filters.in("s.track_id", tracks))
                .where(Filters.anyOf(Inputs.keys("filter.talkIds", f.talkIds, NodeType.TALK)),
                        talks -> Filters.in("s.talk_id", talks))
                .where(f.from, from -> Filters.atLeast("s.said_on", from))
                .where(f.to, to -> Filters.endsBy("s.said_on", "period_end(s.said_on, s.said_on_precision)", to))
                .where(Inputs.optional("filter.text", f.text, Inputs.NAME_MAX),
                        text -> Filters.textMatches("s", text));
    }

    /** Records a statement and announces it to subscribers once the transaction commits. */
    @Override
    @Transactional
    public Statement create(StatementInput input) {
        Statement statement = super.create(input);
        events.publish(NodeType.STATEMENT, statement.key(), statement.trackKey);
        return statement;
    }

    @Override
    protected void noteReferences(Statement statement) {
        people.known(statement.speakerKey);
        talks.known(statement.talkKey);
        tracks.known(statement.trackKey);
        citations.known(statement.citations);
    }

    @Override
    protected Statement apply(Statement statement, StatementInput input) {
        statement.speakerKey = people.reference("input.speakerId", input.speakerId);
        statement.quote = Inputs.required("input.quote", input.quote, Inputs.TEXT_MAX);
        statement.verbatim = !Boolean.FALSE.equals(input.verbatim);
        if (input.saidOn == null) {
            throw ApiException.badInput("input.saidOn", "is required");
        }
        statement.saidOnPrecision = DatePrecision.forDate(input.saidOn, input.saidOnPrecision);
        statement.saidOn = statement.saidOnPrecision.align(input.saidOn);
        statement.tone = input.tone == null ? Tone.NEUTRAL : input.tone;
        statement.talkKey = talks.optionalReference("input.talkId", input.talkId);
        statement.trackKey = tracks.optionalReference("input.trackId", input.trackId);
        statement.citations = kept(statement.citations, citations.from("input.citations", input.citations));
        return statement;
    }
}
