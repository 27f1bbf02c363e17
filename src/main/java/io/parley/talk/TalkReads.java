package io.parley.talk;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.graphql.JsonReads;
import io.parley.graphql.JsonShape;
import io.parley.graphql.NodeType;

/** Talks, their participants and places, as compiled reads read them. */
@ApplicationScoped
public class TalkReads implements JsonReads {

    private final TalkService talks;

    public TalkReads(TalkService talks) {
        this.talks = talks;
    }

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.node(NodeType.TALK, "talk")
                .column("title", "title")
                .one("track", "Track", "track_id")
                .column("date", "date")
                .column("datePrecision", "date_precision")
                .dateTime("startsAt", "starts_at")
                .dateTime("endsAt", "ends_at")
                .embedded("location", "Location", "location_", "{row}.location_name is not null")
                .column("format", "format")
                .column("closedDoor", "closed_door")
                .column("status", "status")
                .column("summary", "summary")
                .many("participants", "Participant", "talk_participant {x}", "{x}.talk_id = {row}.id",
                        "{x}.ordinal")
                .many("outcomes", "Outcome",
                        "outcome_talk {l} join outcome {x} on {x}.id = {l}.outcome_id", "{l}.talk_id = {row}.id",
                        "{x}.id")
                .many("statements", "Statement", "statement {x}", "{x}.talk_id = {row}.id",
                        "{x}.said_on desc, {x}.id desc")
                .many("citations", "Citation", "citation {x}", "{x}.talk_id = {row}.id", "{x}.ordinal"));
        registry.shape(JsonShape.of("Participant", "talk_participant")
                .one("person", "Person", "person_id")
                .column("role", "role")
                .one("asEnvoy", "Envoy", "envoy_id"));
        registry.shape(JsonShape.embeddedIn("Location")
                .column("name", "name")
                .column("city", "city")
                .column("countryCode", "country_code")
                .decimal("latitude", "latitude")
                .decimal("longitude", "longitude")
                .column("geonamesId", "geonames_id"));
        registry.root("talk", (compiler, field) -> compiler.byId(NodeType.TALK, field));
        registry.root("talks", (compiler, field) -> compiler.connection(talks.listing(
                compiler.argument(field, "filter", TalkFilter.class),
                compiler.argument(field, "orderBy", TalkOrder.class)), field));
    }
}
