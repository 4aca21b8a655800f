package org.itaoversight.api.reports.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.access.Role;

/**
 * Looks recipients up in the Keycloak realm through its admin REST API, as the service client (which the realm
 * gives the {@code view-users} role): the user with the e-mail address, their realm roles and their
 * {@code agency_code} / {@code province_code} attributes — the same facts their tokens carry.
 */
public final class KeycloakRecipientDirectory implements RecipientDirectory {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json;
    private final String issuer;
    private final String adminBase;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    /** @param issuer the realm's issuer, {@code http://host:port/realms/ita-oversight} */
    public KeycloakRecipientDirectory(String issuer, String clientId, String clientSecret, ObjectMapper json) {
        int realms = issuer.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalArgumentException("not a Keycloak realm issuer: " + issuer);
        }
        this.issuer = issuer;
        this.adminBase = issuer.substring(0, realms) + "/admin" + issuer.substring(realms);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.json = json;
    }

    @Override
    public Optional<OversightPrincipal> byEmail(String email) {
        try {
            JsonNode users = get("/users?exact=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
            if (!users.isArray() || users.isEmpty()) {
                return Optional.empty();
            }
            JsonNode user = users.get(0);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (JsonNode role : get("/users/" + user.path("id").asText() + "/role-mappings/realm/composite")) {
                Role.ofRealmRole(role.path("name").asText()).ifPresent(roles::add);
            }
            return Optional.of(new OversightPrincipal("keycloak:" + user.path("id").asText(), user.path("username").asText(), roles,
                    attribute(user, "agency_code"), attribute(user, "province_code")));
        } catch (IOException e) {
            throw new IllegalStateException("looking up recipient " + email + " in Keycloak failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** First and last name of the Keycloak user with that e-mail address, when either is set. */
    @Override
    public Optional<String> displayName(String email) {
        try {
            JsonNode users = get("/users?exact=true&briefRepresentation=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
            if (!users.isArray() || users.isEmpty()) {
                return Optional.empty();
            }
            String name = (users.get(0).path("firstName").asText("") + " " + users.get(0).path("lastName").asText("")).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IOException e) {
            throw new IllegalStateException("looking up the name of recipient " + email + " in Keycloak failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? Optional.of(values.get(0).asText()) : Optional.empty();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(adminBase + path))
                .header("Authorization", "Bearer " + token()).timeout(Duration.ofSeconds(15)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Keycloak admin API answered " + response.statusCode() + " to " + path);
        }
        return json.readTree(response.body());
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Keycloak refused the directory client's token (" + response.statusCode() + ")");
        }
        JsonNode body = json.readTree(response.body());
        token = body.path("access_token").asText();
        tokenExpires = Instant.now().plusSeconds(Math.max(5, body.path("expires_in").asLong(60) - 30));
        return token;
    }
}
