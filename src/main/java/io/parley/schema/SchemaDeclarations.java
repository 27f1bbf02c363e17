package io.parley.schema;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.Unremovable;

import io.parley.changes.ChangesSchema;
import io.parley.envoy.EnvoySchema;
import io.parley.node.NodeSchema;
import io.parley.history.HistorySchema;
import io.parley.outcome.OutcomeSchema;
import io.parley.person.PersonSchema;
import io.parley.search.SearchSchema;
import io.parley.source.SourceSchema;
import io.parley.statement.StatementSchema;
import io.parley.talk.TalkSchema;
import io.parley.timeline.TimelineSchema;
import io.parley.track.TrackSchema;
import io.parley.trip.TripSchema;

/**
 * SmallRye GraphQL refuses to start unless every type declaring Query fields can be injected,
 * because it calls their methods to resolve them. The features' schema interfaces
 * ({@code *Schema}) only declare reads; {@code read.ReadFetchers} answers every one of them from its
 * read definition, so SmallRye never calls them and there is nothing to inject: these producers
 * make the interfaces resolvable, with no instance behind them.
 */
@Dependent
@Unremovable
public class SchemaDeclarations {

    @Produces
    @Unremovable
    ChangesSchema changes() {
        return null;
    }

    @Produces
    @Unremovable
    EnvoySchema envoys() {
        return null;
    }

    @Produces
    @Unremovable
    NodeSchema nodes() {
        return null;
    }

    @Produces
    @Unremovable
    HistorySchema history() {
        return null;
    }

    @Produces
    @Unremovable
    OutcomeSchema outcomes() {
        return null;
    }

    @Produces
    @Unremovable
    PersonSchema people() {
        return null;
    }

    @Produces
    @Unremovable
    SearchSchema search() {
        return null;
    }

    @Produces
    @Unremovable
    SourceSchema sources() {
        return null;
    }

    @Produces
    @Unremovable
    StatementSchema statements() {
        return null;
    }

    @Produces
    @Unremovable
    TalkSchema talks() {
        return null;
    }

    @Produces
    @Unremovable
    TimelineSchema timeline() {
        return null;
    }

    @Produces
    @Unremovable
    TrackSchema tracks() {
        return null;
    }

    @Produces
    @Unremovable
    TripSchema trips() {
        return null;
    }
}
