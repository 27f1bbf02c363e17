package io.parley.statement;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.parley.person.Person;
import io.parley.source.Citation;
import io.parley.statement.Statement;
import io.parley.talk.Talk;
import io.parley.track.Track;

/**
 * The reads of statements, and of a talk's and a person's statements as the schema declares them: names, arguments, types and descriptions only.
 * Their one definition is {@link StatementReads}; SmallRye builds the schema from these signatures, and
 * nothing implements them.
 */
@GraphQLApi
public interface StatementSchema {

    @Query
    Statement statement(@NonNull @Id String id);

    @Query
    @NonNull
    @Description("Statements, most recently said first.")
    StatementConnection statements(StatementFilter filter, Integer first, String after);

    @NonNull
    Person speaker(@Source Statement statement);

    Talk talk(@Source Statement statement);

    Track track(@Source Statement statement);

    @NonNull
    List<@NonNull Citation> citations(@Source Statement statement);

    @NonNull
    @Description("What the person said, most recent first.")
    @Name("statements")
    StatementConnection personStatements(@Source Person person, Integer first, String after);

    @NonNull
    List<@NonNull Statement> statements(@Source Talk talk);
}
