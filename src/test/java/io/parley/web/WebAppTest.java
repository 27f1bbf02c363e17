package io.parley.web;

import static io.parley.graphql.GraphQLClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The journeys on the demo data, in Debian's chromium against the real service. */
@QuarkusTest
class WebAppTest {

    @TestHTTPResource("/")
    URL root;

    private static Browser browser;

    @BeforeAll
    static void noBrowserYet() {
        browser = null;
    }

    private Browser browser() {
        if (browser == null) {
            browser = Browser.open(root.toString(), 1280, 900);
        }
        return browser;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String witkoffId() {
        return data("{ people(filter: {name: \"Steve Witkoff\"}) { nodes { id } } }").getString("people.nodes[0].id");
    }

    @Test
    void searchFindsWitkoffDespiteTheTypoAndOpensHim() {
        Browser b = browser().go("/");
        b.await(By.id("recent-talks"));
        WebElement search = b.await(By.id("q"));
        search.sendKeys("Witkof", Keys.ENTER);
        b.awaitPath("/search?q=Witkof");
        b.awaitText(By.cssSelector("ol.results"), "Steve Witkoff");
        // Highlights come only as <mark> elements.
        assertTrue(b.driver().findElements(By.cssSelector("ol.results .snippet mark")).size() > 0);
        b.screenshot("search-witkof");
        b.driver().findElement(By.linkText("Steve Witkoff")).click();
        b.awaitHeading("Steve Witkoff");
        assertEquals("/people/" + witkoffId(), b.path());
        assertEquals(List.of(), b.severeConsoleMessages(), "no script error or CSP violation");
    }
}
