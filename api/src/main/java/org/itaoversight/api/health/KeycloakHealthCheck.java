package org.itaoversight.api.health;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Keycloak realm answers: its discovery document names this very issuer, and its JWKS publishes signing keys.
 * Without it nobody can sign in, and a rotated key could not be fetched.
 */
public final class KeycloakHealthCheck extends HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String issuer;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public KeycloakHealthCheck(String issuer, ObjectMapper json) {
        this.issuer = issuer;
        this.json = json;
    }

    @Override
    protected Result check() throws Exception {
        HttpResponse<String> discovery = get(issuer + "/.well-known/openid-configuration");
        if (discovery.statusCode() != 200) {
            return Result.unhealthy("realm " + issuer + ": discovery answered HTTP " + discovery.statusCode());
        }
        JsonNode document = json.readTree(discovery.body());
        if (!issuer.equals(document.path("issuer").asText())) {
            return Result.unhealthy("realm " + issuer + ": discovery names issuer " + document.path("issuer").asText());
        }
        HttpResponse<String> jwks = get(document.path("jwks_uri").asText());
        int keys = jwks.statusCode() == 200 ? json.readTree(jwks.body()).path("keys").size() : 0;
        if (keys == 0) {
            return Result.unhealthy("realm " + issuer + ": no signing key published (JWKS HTTP " + jwks.statusCode() + ")");
        }
        return Result.healthy("realm " + issuer + ", " + keys + " published key(s)");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
