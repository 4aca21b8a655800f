package org.itaoversight.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.itaoversight.api.testing.KeycloakTokens;
import org.itaoversight.api.testing.TestingKeycloak;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One Keycloak client per purpose, against the real realm: the scripts' client signs users in and can read nothing of
 * the realm with its secret; the directory's client reads users with client credentials and signs no one in.
 */
@ExtendWith(TestingServers.class)
class ClientPurposeTest {

    private static final String DIRECTORY_CLIENT = "ita-oversight-directory";
    private static final String DIRECTORY_SECRET = "ita-oversight-directory-secret";

    private final TestingOversightApi api;
    private final TestingKeycloak keycloak;
    private final HttpClient http = HttpClient.newHttpClient();

    ClientPurposeTest(TestingOversightApi api, TestingKeycloak keycloak) {
        this.api = api;
        this.keycloak = keycloak;
    }

    private int adminGet(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + TestingKeycloak.REALM + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theScriptsClientSignsUsersInButItsSecretReadsNoUser() throws Exception {
        KeycloakTokens tokens = api.tokens();
        JsonNode clientCredentials = tokens.tokenEndpoint(TestingKeycloak.REALM, Map.of("grant_type", "client_credentials",
                "client_id", KeycloakTokens.SCRIPTS_CLIENT, "client_secret", KeycloakTokens.SCRIPTS_SECRET));
        String platformAdmin = tokens.accessToken("platform-admin");

        assertThat(clientCredentials.has("access_token")).as(clientCredentials.toString()).isFalse();
        assertThat(clientCredentials.get("error").asText()).isEqualTo("unauthorized_client");
        // Even the platform administrator's own token, from the scripts' client, reads nothing of the realm.
        assertThat(adminGet(platformAdmin, "/users")).isEqualTo(403);
        assertThat(adminGet(platformAdmin, "/users/count")).isEqualTo(403);
        assertThat(api.withToken(platformAdmin).get("/api/v1/ita/loads").status()).isEqualTo(200);
    }

    @Test
    void theDirectoryClientReadsUsersButSignsNoOneInAndIsNotAcceptedByTheApi() throws Exception {
        KeycloakTokens tokens = api.tokens();
        JsonNode password = tokens.tokenEndpoint(TestingKeycloak.REALM, Map.of("grant_type", "password",
                "client_id", DIRECTORY_CLIENT, "client_secret", DIRECTORY_SECRET, "username", "platform-admin",
                "password", TestingKeycloak.PASSWORD));
        String directory = tokens.tokenResponse(TestingKeycloak.REALM, Map.of("grant_type", "client_credentials",
                "client_id", DIRECTORY_CLIENT, "client_secret", DIRECTORY_SECRET)).get("access_token").asText();

        assertThat(password.has("access_token")).as(password.toString()).isFalse();
        assertThat(adminGet(directory, "/users?email=officer-nakhonpathom@ita-oversight.example&exact=true")).isEqualTo(200);
        assertThat(adminGet(directory, "/clients")).isEqualTo(403);
        assertThat(api.withToken(directory).get("/api/v1/provinces").status()).isEqualTo(401);
    }
}
