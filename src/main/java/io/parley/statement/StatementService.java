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
import io.parley.db.Filters;
import io.parley.sql.Sql;
import io.parley.db.Store;
import io.parley.events.ChangeEvents;
import io.parley.graphql.ApiException;
import io.parley.graphql.DatePrecision;
import io.parley.graphql.GlobalId;
import io.parley.graphql.Inputs;
import io.parley.graphql.NodeLoader;
import io.parley.graphql.NodeType;
import io.parley.paging.PageRequest;
import io.parley.person.Person;
import io.parley.source.Citation;
import io.parley.source.Citations;
import io.parley.talk.Talk;
import io.parley.track.Track;

@ApplicationScoped
public class StatementService implements NodeLoader<Statement> {

    static final Ordering MOST_RECENT = new Ordering("SAID_ON_DESC", "s.said_on", Ordering.Kind.DATE, true);

    private final EntityManager em;
    private final Store store;
    private final Lookup lookup;
    private final Citations citations;
    private final ChangeEvents events;

    public StatementService(EntityManager em, Store store, Lookup lookup, Citations citations, ChangeEvents events) {
        this.em = em;
        this.store = store;
        this.lookup = lookup;
        this.citations = citations;
        this.events = events;
    }

    @Override
    public NodeType nodeType() {
        return NodeType.STATEMENT;
    }

    @Override
    public Map<Long, Statement> byKeys(Collection<Long> keys) {
        return lookup.byKeys(Statement.class, keys);
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
                .where(io.parley.db.Sql.anyOf(Inputs.keys("filter.speakerIds", f.speakerIds, NodeType.PERSON)),
                        speakers -> Filters.in("s.speaker_id", speakers))
                .where(io.parley.db.Sql.names(f.tones), tones -> Filters.in("s.tone", tones))
                .where(io.parley.db.Sql.anyOf(Inputs.keys("filter.trackIds", f.trackIds, NodeType.TRACK)),
                        tracks -> Filters.in("s.track_id", tracks))
                .where(io.parley.db.Sql.anyOf(Inputs.keys("filter.talkIds", f.talkIds, NodeType.TALK)),
                        talks -> Filters.in("s.talk_id", talks))
                .where(f.from, from -> Filters.atLeast("s.said_on", from))
                .where(f.to, to -> Filters.endsBy("s.said_on", "period_end(s.said_on, s.said_on_precision)", to))
                .where(Inputs.optional("filter.text", f.text, Inputs.NAME_MAX),
                        text -> Filters.textMatches("s", "fold(s.quote)", text));
    }




    /** Records a statement and announces it to subscribers once the transaction commits. */
    @Transactional
    public Statement record(StatementInput input) {
        Statement statement = store.create(apply(new Statement(), input));
        events.publish(NodeType.STATEMENT, statement.key(), statement.trackKey);
        return statement;
    }

    @Transactional
    public Statement update(String id, StatementInput input, Integer expectedVersion) {
        return store.save(apply(store.forUpdate(Statement.class, NodeType.STATEMENT, id, expectedVersion), input));
    }

    @Transactional
    public String delete(String id) {
        return store.delete(Statement.class, NodeType.STATEMENT, id);
    }

    private Statement apply(Statement statement, StatementInput input) {
        statement.speakerKey = GlobalId.keyOf(input.speakerId, NodeType.PERSON, "input.speakerId");
        store.requireExisting(Person.class, NodeType.PERSON, "input.speakerId", statement.speakerKey);
        statement.quote = Inputs.required("input.quote", input.quote, Inputs.TEXT_MAX);
        statement.verbatim = !Boolean.FALSE.equals(input.verbatim);
        if (input.saidOn == null) {
            throw ApiException.badInput("input.saidOn", "is required");
        }
        statement.saidOnPrecision = DatePrecision.forDate(input.saidOn, input.saidOnPrecision);
        statement.saidOn = statement.saidOnPrecision.align(input.saidOn);
        statement.tone = input.tone == null ? Tone.NEUTRAL : input.tone;
        statement.talkKey = input.talkId == null ? null : GlobalId.keyOf(input.talkId, NodeType.TALK, "input.talkId");
        store.requireExisting(Talk.class, NodeType.TALK, "input.talkId", statement.talkKey);
        statement.trackKey = input.trackId == null ? null
                : GlobalId.keyOf(input.trackId, NodeType.TRACK, "input.trackId");
        store.requireExisting(Track.class, NodeType.TRACK, "input.trackId", statement.trackKey);
        statement.citations = citations.from("input.citations", input.citations);
        return statement;
    }
}
