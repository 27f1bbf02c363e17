package io.parley.statement;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.read.JsonReads;
import io.parley.read.JsonShape;
import io.parley.read.JsonShape.Related;
import io.parley.sql.Sql;
import io.parley.common.NodeType;

/** Statements, as compiled reads read them. */
@ApplicationScoped
public class StatementReads implements JsonReads {

    private final StatementService statements;

    public StatementReads(StatementService statements) {
        this.statements = statements;
    }

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.node(NodeType.STATEMENT, "statement")
                .one("speaker", "Person", "speaker_id")
                .columns("quote", "verbatim", "saidOn", "saidOnPrecision", "tone")
                .one("talk", "Talk", "talk_id")
                .one("track", "Track", "track_id")
                .owned("citations", "Citation", "citation", "statement_id"));
        registry.shape(JsonShape.of("Talk", null)
                .many("statements", "Statement", (talk, x, l) -> new Related(Sql.sql("statement " + x),
                        Sql.of(x + ".talk_id = ", talk.id()), Sql.sql(x + ".said_on desc, " + x + ".id desc"))));
        registry.shape(JsonShape.of("Person", null)
                .connection("statements", person -> statements.ofSpeaker(person.id())));
        registry.root("statement", (compiler, field) -> compiler.byId(NodeType.STATEMENT, field));
        registry.root("statements", (compiler, field) -> compiler.connection(
                statements.listing(compiler.argument(field, "filter", StatementFilter.class)), field));
    }
}
