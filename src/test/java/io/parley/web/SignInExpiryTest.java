package io.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.parley.common.Roles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * A token that cannot be renewed (pasted, or a provider's without a refresh token) signs the
 * user out when it expires, and the sign-in page says why; ProviderSignInTest covers renewal.
 */
@QuarkusTest
class SignInExpiryTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void anExpiredTokenSignsTheUserOutAndTheSignInPageSaysSo() {
        try (Browser b = Browser.open(root.toString(), 1280, 900)) {
            b.go("/sign-in");
            // Minted once the page is up: starting chromium alone took over 4 s on a busy 2-CPU
            // machine, and a token that expired before the page read it never signed anyone in.
            String shortLived = Jwt.issuer("https://parley.dev/dev").subject("short-lived-editor")
                    .groups(Set.of(Roles.EDITOR)).expiresIn(4).sign();
            b.await(By.id("f-token")).sendKeys(shortLived);
            b.driver().findElement(By.xpath("//button[text()='Sign in']")).click();
            b.await(By.linkText("Record a talk"));
            // Signed in, the header links the user's name to /sign-in; signed out, "Sign in".
            By signIn = By.xpath("//header//a[text()='Sign in']");
            new WebDriverWait(b.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(signIn));
            assertNull(b.driver().executeScript("return sessionStorage.getItem('parley.token')"));
            b.driver().findElement(signIn).click();
            b.awaitText(By.cssSelector("main p.notice.error"), "Your sign-in has expired: sign in again.");
            assertEquals(List.of(), b.severeConsoleMessages(), "console errors or CSP violations");
        }
    }
}
