package io.parley.statement;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.parley.db.ListQuery;
import io.parley.db.Listing;
import io.parley.db.Lookup;
import io.parley.db.Ordering;
import io.parley.db.Sql;
import io.parley.db.RecordService;
import io.parley.events.ChangeEvents;
import io.parley.graphql.ApiException;
import io.parley.graphql.DatePrecision;
import io.parley.graphql.Inputs;
import io.parley.graphql.NodeType;
import io.parley.graphql.Page;
import io.parley.graphql.PageRequest;
import io.parley.person.PersonService;
import io.parley.source.Citation;
import io.parley.source.Citations;
import io.parley.talk.TalkService;
import io.parley.track.TrackService;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class StatementService extends RecordService<Statement, StatementInput> {

    static final Ordering<Statement> MOST_RECENT = new Ordering<>("SAID_ON_DESC", "s.said_on", Ordering.Kind.DATE,
            true, s -> s.saidOn);

    private final EntityManager em;
    private final Lookup lookup;
    private final Citations citations;
    private final ChangeEvents events;
    private final PersonService people;
    private final TalkService talks;
    private final TrackService tracks;

    public StatementService(EntityManager em, Lookup lookup, Citations citations, ChangeEvents events,
            PersonService people, TalkService talks, TrackService tracks, SecurityIdentity identity) {
        super(NodeType.STATEMENT, Statement::new, identity);
        this.em = em;
        this.lookup = lookup;
        this.citations = citations;
        this.events = events;
        this.people = people;
        this.talks = talks;
        this.tracks = tracks;
    }

    public Listing<Statement> listing(StatementFilter filter) {
        StatementFilter f = filter == null ? new StatementFilter() : filter;
        return new ListQuery<>(em, Statement.class, "statement", "s")
                .where("s.speaker_id in (:speakers)", "speakers",
                        Sql.anyOf(Inputs.keys("filter.speakerIds", f.speakerIds, NodeType.PERSON)))
                .where("s.tone in (:tones)", "tones", Sql.names(f.tones))
                .where("s.track_id in (:tracks)", "tracks",
                        Sql.anyOf(Inputs.keys("filter.trackIds", f.trackIds, NodeType.TRACK)))
                .where("s.talk_id in (:talks)", "talks",
                        Sql.anyOf(Inputs.keys("filter.talkIds", f.talkIds, NodeType.TALK)))
                .where("s.said_on >= :from", "from", f.from)
                .where(Sql.endsBy("s.said_on", "period_end(s.said_on, s.said_on_precision)", "to"), "to", f.to)
                .where(Sql.textMatches("s", "fold(s.quote)", "text"), "text",
                        Inputs.optional("filter.text", f.text, Inputs.NAME_MAX))
                .ordered(MOST_RECENT);
    }

    public Map<Long, List<Citation>> citations(Collection<Long> statementKeys) {
        return lookup.children(Statement.class, "citations", Citation.class, statementKeys, Citation.SOURCE);
    }

    /** What each person said, most recent first, one page each. */
    public Map<Long, Page<Statement>> ofSpeakers(Collection<Long> personKeys, PageRequest page) {
        return new ListQuery<>(em, Statement.class, "statement", "s").pagesByParent(null, "s.speaker_id", personKeys,
                page, MOST_RECENT);
    }

    /** Statements about each talk, most recent first. */
    public Map<Long, List<Statement>> ofTalks(Collection<Long> talkKeys) {
        return lookup.referring(Statement.class, "talkKey", talkKeys, "e.saidOn desc, e.pk desc");
    }

    /** Records a statement and announces it to subscribers once the transaction commits. */
    @Transactional
    public Statement record(StatementInput input) {
        Statement statement = created(input);
        events.publish(NodeType.STATEMENT, statement.key(), statement.trackKey);
        return statement;
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
        statement.citations = citations.from("input.citations", input.citations);
        return statement;
    }
}
