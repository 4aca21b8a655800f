package org.itaoversight.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.itaoversight.api.testing.KeycloakTokens;
import org.itaoversight.api.testing.TestingBrowser;
import org.itaoversight.api.testing.TestingKeycloak;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's login: authorization code + PKCE with the public client, in a real headless Chromium against the
 * real Keycloak, ending with a token the API accepts.
 */
@ExtendWith(TestingServers.class)
class BrowserLoginTest {

    private static final String CLIENT = "ita-oversight-web";

    private final TestingKeycloak keycloak;
    private final TestingOversightApi api;
    private final KeycloakTokens tokens;
    private ChromeDriver browser;
    private HttpServer callbackServer;
    private String redirect;

    BrowserLoginTest(TestingKeycloak keycloak, TestingOversightApi api) {
        this.keycloak = keycloak;
        this.api = api;
        this.tokens = new KeycloakTokens(keycloak);
    }

    @BeforeEach
    void startBrowser() throws Exception {
        // The page the dashboard would be: it only has to answer, so that the browser lands on the redirect.
        callbackServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callbackServer.createContext("/callback", exchange -> {
            byte[] page = "<html><body>signed in</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        callbackServer.start();
        redirect = "http://127.0.0.1:" + callbackServer.getAddress().getPort() + "/callback";
        tokens.addRedirectUri(CLIENT, redirect);

        browser = TestingBrowser.start("1280,1024", java.util.Optional.empty());
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        callbackServer.stop(0);
    }

    @Test
    void anAgencyAdministratorLogsInWithPkceAndTheApiAcceptsTheToken() throws Exception {
        String verifier = randomUrlSafe(48);
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = randomUrlSafe(16);

        browser.get(keycloak.issuer() + "/protocol/openid-connect/auth?client_id=" + CLIENT + "&response_type=code"
                + "&scope=openid&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&state=" + state + "&code_challenge=" + challenge + "&code_challenge_method=S256");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        screenshot("keycloak-login.png");
        assertThat(browser.getPageSource()).contains("ITA Oversight");
        browser.findElement(By.id("username")).sendKeys("admin-bangrakam");
        browser.findElement(By.id("password")).sendKeys(TestingKeycloak.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        wait.until(driver -> driver.getCurrentUrl().startsWith(redirect));

        Map<String, String> callback = query(URI.create(browser.getCurrentUrl()));
        assertThat(callback).containsEntry("state", state).containsKey("code");
        JsonNode token = tokens.tokenResponse(TestingKeycloak.REALM, Map.of("grant_type", "authorization_code",
                "client_id", CLIENT, "code", callback.get("code"), "redirect_uri", redirect, "code_verifier", verifier));

        TestingOversightApi.Response own = api.withToken(token.get("access_token").asText()).get("/api/v1/agencies/6730301");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("shortNameTh").asText()).isEqualTo("อบต.บางระกำ");
        assertThat(api.withToken(token.get("access_token").asText()).get("/api/v1/agencies/6760401").status()).isEqualTo(403);
    }

    @Test
    void thePublicClientRefusesALoginWithoutPkce() {
        browser.get(keycloak.issuer() + "/protocol/openid-connect/auth?client_id=" + CLIENT + "&response_type=code"
                + "&scope=openid&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&state=s");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().startsWith(redirect)
                || !driver.findElements(By.id("username")).isEmpty());

        assertThat(browser.getCurrentUrl()).startsWith(redirect).contains("error=invalid_request")
                .contains("code_challenge_method");
    }

    private void screenshot(String name) throws Exception {
        TestingBrowser.screenshot(browser, name);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
