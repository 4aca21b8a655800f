package org.itaoversight.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.itaoversight.api.testing.KeycloakTokens;
import org.itaoversight.api.testing.TestingKeycloak;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bearer tokens against the running API and the real Keycloak: what is refused with 401, and key rotation. */
@ExtendWith(TestingServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BearerTokensTest {

    private static final String PATH = "/api/v1/provinces";

    private final TestingOversightApi api;
    private final KeycloakTokens tokens;
    private final ObjectMapper json = new ObjectMapper();

    BearerTokensTest(TestingOversightApi api, TestingKeycloak keycloak) {
        this.api = api;
        this.tokens = new KeycloakTokens(keycloak);
    }

    private void assertRefused(TestingOversightApi.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.wwwAuthenticate()).startsWith("Bearer").contains("realm=\"ita-oversight\"");
        assertThat(response.body()).doesNotContain("กรุงเทพมหานคร");
    }

    @Test
    @Order(1)
    void aRealAccessTokenIsAccepted() {
        assertThat(api.as("officer-nakhonpathom").get(PATH).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void missingAndMalformedTokensAreRefused() {
        assertRefused(api.anonymous().get(PATH));
        assertRefused(api.withToken("not-a-token").get(PATH));
        assertRefused(api.withToken("eyJhbGciOiJSUzI1NiJ9.e30.AAAA").get(PATH));
    }

    @Test
    @Order(3)
    void anUnsignedCopyOfARealTokenIsRefused() throws Exception {
        String[] real = tokens.accessToken("officer-nakhonpathom").split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        assertRefused(api.withToken(header + "." + real[1] + ".").get(PATH));
    }

    @Test
    @Order(4)
    void hs256SignedWithTheRealmsPublicKeyIsRefused() throws Exception {
        String real = tokens.accessToken("platform-admin");
        JWK realmKey = null;
        for (JsonNode key : tokens.jwks().get("keys")) {
            if ("sig".equals(key.path("use").asText()) && "RS256".equals(key.path("alg").asText())) {
                realmKey = JWK.parse(key.toString());
            }
        }
        assertThat(realmKey).isInstanceOf(RSAKey.class);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(realmKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), SignedJWT.parse(real).getJWTClaimsSet());
        forged.sign(new MACSigner(((RSAKey) realmKey).toRSAPublicKey().getEncoded()));

        assertRefused(api.withToken(forged.serialize()).get(PATH));
    }

    @Test
    @Order(5)
    void aTamperedPayloadIsRefused() throws Exception {
        String[] real = tokens.accessToken("admin-bangrakam").split("\\.");
        ObjectNode claims = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(real[1]));
        claims.put("agency_code", "6760401");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(claims));

        assertRefused(api.withToken(real[0] + "." + forged + "." + real[2]).get("/api/v1/agencies/6760401"));
    }

    @Test
    @Order(6)
    void anIdTokenIsRefused() {
        assertRefused(api.withToken(tokens.idToken("platform-admin")).get(PATH));
    }

    @Test
    @Order(7)
    void aTokenOfASecondRealmIsRefused() {
        String foreign = tokens.accessToken(TestingKeycloak.OTHER_REALM, "platform-admin", TestingKeycloak.PASSWORD);

        assertRefused(api.withToken(foreign).get(PATH));
    }

    @Test
    @Order(8)
    void aTokenOfAnotherClientWithoutTheApiAudienceIsRefused() {
        int created = tokens.admin("POST", TestingKeycloak.REALM + "/clients", """
                {"clientId": "other-app", "enabled": true, "publicClient": false, "secret": "other-app-secret",
                 "directAccessGrantsEnabled": true, "standardFlowEnabled": false}""");
        assertThat(created).isIn(201, 409);
        String token = tokens.tokenResponse(TestingKeycloak.REALM, Map.of("grant_type", "password", "client_id", "other-app",
                "client_secret", "other-app-secret", "username", "platform-admin", "password", TestingKeycloak.PASSWORD))
                .get("access_token").asText();

        assertRefused(api.withToken(token).get(PATH));
    }

    @Test
    @Order(9)
    void aRotatedRealmKeyIsPickedUpWithoutRestart() throws Exception {
        String before = SignedJWT.parse(tokens.accessToken("platform-admin")).getHeader().getKeyID();
        assertThat(api.as("platform-admin").get(PATH).status()).isEqualTo(200);
        String realmId = tokens.adminGet(TestingKeycloak.REALM).get("id").asText();

        int created = tokens.admin("POST", TestingKeycloak.REALM + "/components", """
                {"name": "rotated-rsa", "providerId": "rsa-generated", "providerType": "org.keycloak.keys.KeyProvider",
                 "parentId": "%s", "config": {"priority": ["500"], "keySize": ["2048"], "active": ["true"],
                 "enabled": ["true"], "algorithm": ["RS256"]}}""".formatted(realmId));
        assertThat(created).isEqualTo(201);
        String rotated = tokens.freshAccessToken(TestingKeycloak.REALM, "platform-admin", TestingKeycloak.PASSWORD);

        assertThat(SignedJWT.parse(rotated).getHeader().getKeyID()).isNotEqualTo(before);
        // An unknown kid refreshes the cached JWKS, at most once per 5 s (an earlier test may have just used it).
        int status = 0;
        for (int attempt = 0; attempt < 15 && status != 200; attempt++) {
            status = api.withToken(rotated).get(PATH).status();
            if (status != 200) {
                Thread.sleep(1_000);
            }
        }
        assertThat(status).isEqualTo(200);
    }
}
