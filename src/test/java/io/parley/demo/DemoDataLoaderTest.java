package io.parley.demo;

import static io.parley.graphql.GraphQLClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DemoDataLoaderTest {

    private static final String COUNTS = """
            { sources(first: 100) { totalCount } envoys { totalCount } tracks { totalCount }
              outcomes { totalCount } statements { totalCount } }""";

    @Inject
    DemoData demoData;

    @Test
    void loadingAgainChangesNothing() throws Exception {
        JsonPath before = data(COUNTS);
        demoData.load();
        demoData.load();
        JsonPath after = data(COUNTS);
        for (String list : new String[] { "sources", "envoys", "tracks", "outcomes", "statements" }) {
            assertEquals(before.getInt(list + ".totalCount"), after.getInt(list + ".totalCount"), list);
        }
    }
}
