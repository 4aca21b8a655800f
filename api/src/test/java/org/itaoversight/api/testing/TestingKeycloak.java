package org.itaoversight.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.itaoversight.api.auth.theme.LoginTheme;
import org.itaoversight.embedded.clickhouse.ChdbLibrary;
import org.itaoversight.embedded.keycloak.EmbeddedKeycloak;

/**
 * One real Keycloak per test JVM with the product's realm ({@code ita-oversight}) and a second, unrelated realm
 * ({@code ita-other}) whose tokens the API must refuse.
 */
public final class TestingKeycloak implements AutoCloseable {

    public static final String REALM = "ita-oversight";
    public static final String OTHER_REALM = "ita-other";
    public static final String ADMIN_USER = "test-admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String PASSWORD = "ita-demo-2568";

    private final EmbeddedKeycloak keycloak;

    private TestingKeycloak(EmbeddedKeycloak keycloak) {
        this.keycloak = keycloak;
    }

    public static TestingKeycloak start() {
        try {
            Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "testing")), "keycloak-");
            Path realm = Path.of(TestingKeycloak.class.getResource("/keycloak/ita-oversight-realm.json").toURI());
            Path other = Path.of(TestingKeycloak.class.getResource("/keycloak/ita-other-realm.json").toURI());
            return new TestingKeycloak(EmbeddedKeycloak.start(new EmbeddedKeycloak.Settings(
                    Path.of("target", "keycloak", "keycloak-quarkus-dist-" + EmbeddedKeycloak.VERSION + ".zip"),
                    ChdbLibrary.defaultCacheDirectory(), work, List.of(realm, other), 0, Duration.ofMinutes(3),
                    ADMIN_USER, ADMIN_PASSWORD, themes -> new LoginTheme().writeTo(themes))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public EmbeddedKeycloak keycloak() {
        return keycloak;
    }

    public String issuer() {
        return keycloak.issuer(REALM);
    }

    public String baseUrl() {
        return keycloak.baseUrl();
    }

    @Override
    public void close() {
        keycloak.close();
    }
}
