package org.itaoversight.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Obtains real tokens from {@link TestingKeycloak} and calls its admin REST API. */
public final class KeycloakTokens {

    public static final String SCRIPTS_CLIENT = "ita-oversight-scripts";
    public static final String SCRIPTS_SECRET = "ita-oversight-scripts-secret";

    private final TestingKeycloak keycloak;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    /**
     * Access tokens by realm and user, reused for a minute (they live five): a test suite signs in a few dozen times
     * instead of thousands, so the realm's brute-force detector, which is kept on as in production, does not lock a
     * test user out when the machine is slow.
     */
    private final Map<String, CachedToken> accessTokens = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedToken(String token, java.time.Instant reuseUntil) {
    }

    public KeycloakTokens(TestingKeycloak keycloak) {
        this.keycloak = keycloak;
    }

    /** An access token of a realm user, through the password grant of the service client. */
    public String accessToken(String username) {
        return accessToken(TestingKeycloak.REALM, username, TestingKeycloak.PASSWORD);
    }

    public String accessToken(String realm, String username, String password) {
        String key = realm + "/" + username + "/" + password;
        CachedToken cached = accessTokens.get(key);
        if (cached != null && java.time.Instant.now().isBefore(cached.reuseUntil())) {
            return cached.token();
        }
        String token = freshAccessToken(realm, username, password);
        accessTokens.put(key, new CachedToken(token, java.time.Instant.now().plusSeconds(60)));
        return token;
    }

    /** A newly issued access token, never a reused one (a new session in Keycloak). */
    public String freshAccessToken(String realm, String username, String password) {
        return tokenResponse(realm, Map.of("grant_type", "password", "client_id", SCRIPTS_CLIENT,
                "client_secret", SCRIPTS_SECRET, "username", username, "password", password, "scope", "openid"))
                .get("access_token").asText();
    }

    /** The ID token of a user: signed by the same key, but not an access token. */
    public String idToken(String username) {
        return tokenResponse(TestingKeycloak.REALM, Map.of("grant_type", "password", "client_id", SCRIPTS_CLIENT,
                "client_secret", SCRIPTS_SECRET, "username", username, "password", TestingKeycloak.PASSWORD,
                "scope", "openid")).get("id_token").asText();
    }

    public JsonNode tokenResponse(String realm, Map<String, String> form) {
        JsonNode body = post(keycloak.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token", form, null);
        if (!body.has("access_token")) {
            throw new IllegalStateException("no token from Keycloak: " + body);
        }
        return body;
    }

    /** What the token endpoint answers, refusals included. */
    public JsonNode tokenEndpoint(String realm, Map<String, String> form) {
        return post(keycloak.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token", form, null);
    }

    /** Ends every session of a realm user, as an administrator (or the idle timeout) would. */
    public void endSessions(String username) {
        accessTokens.keySet().removeIf(key -> key.startsWith(TestingKeycloak.REALM + "/" + username + "/"));
        int status = admin("POST", TestingKeycloak.REALM + "/users/" + userId(username) + "/logout", null);
        if (status != 204) {
            throw new IllegalStateException("Keycloak refused to end the sessions of " + username + ": " + status);
        }
    }

    /** The ids of a realm user's sessions (the {@code sid} of their tokens). */
    public java.util.List<String> sessionIds(String username) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        adminGet(TestingKeycloak.REALM + "/users/" + userId(username) + "/sessions").forEach(session -> ids.add(session.get("id").asText()));
        return ids;
    }

    private String userId(String username) {
        return adminGet(TestingKeycloak.REALM + "/users?exact=true&username=" + username).get(0).get("id").asText();
    }

    /** An access token of the master realm's administrator, for the admin REST API. */
    public String adminToken() {
        return post(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", TestingKeycloak.ADMIN_USER,
                "password", TestingKeycloak.ADMIN_PASSWORD), null).get("access_token").asText();
    }

    /** Sends a JSON body to the admin REST API; returns the status. */
    public int admin(String method, String path, String jsonBody) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + path))
                    .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                    .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(jsonBody)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads from the admin REST API. */
    public JsonNode adminGet(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + path))
                    .header("Authorization", "Bearer " + adminToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Adds a redirect URI to a client of the product realm (e.g. a test's own callback page). */
    public void addRedirectUri(String clientId, String redirectUri) {
        JsonNode client = adminGet(TestingKeycloak.REALM + "/clients?clientId=" + clientId).get(0);
        com.fasterxml.jackson.databind.node.ObjectNode updated = client.deepCopy();
        updated.withArray("redirectUris").add(redirectUri);
        int status = admin("PUT", TestingKeycloak.REALM + "/clients/" + client.get("id").asText(), updated.toString());
        if (status != 204) {
            throw new IllegalStateException("Keycloak refused the redirect URI update: " + status);
        }
    }

    /** The realm's public signing keys, as published. */
    public JsonNode jwks() {
        try {
            return json.readTree(http.send(HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/certs"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode post(String url, Map<String, String> form, String bearer) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return json.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
