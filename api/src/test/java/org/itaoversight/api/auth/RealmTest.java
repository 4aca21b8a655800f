package org.itaoversight.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import org.itaoversight.api.testing.KeycloakTokens;
import org.itaoversight.api.testing.TestingKeycloak;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shipped realm, imported into a real Keycloak: roles, agency and province claims, audience, lifetimes. */
@ExtendWith(TestingServers.class)
class RealmTest {

    private final TestingKeycloak keycloak;
    private final KeycloakTokens tokens;

    RealmTest(TestingKeycloak keycloak) {
        this.keycloak = keycloak;
        this.tokens = new KeycloakTokens(keycloak);
    }

    @Test
    void anAgencyAdministratorsTokenCarriesRoleAgencyProvinceAndTheApiAudience() throws Exception {
        JsonNode claims = payload(tokens.accessToken("admin-bangrakam"));

        assertThat(claims.get("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(claims.get("typ").asText()).isEqualTo("Bearer");
        assertThat(claims.get("agency_code").asText()).isEqualTo("6730301");
        assertThat(claims.get("province_code").asText()).isEqualTo("73");
        assertThat(claims.get("preferred_username").asText()).isEqualTo("admin-bangrakam");
        assertThat(claims.get("realm_access").get("roles").toString()).contains("agency_admin");
        assertThat(claims.get("aud").toString()).contains("ita-oversight-api");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
    }

    @Test
    void aProvincialOfficerHasAProvinceButNoAgency() throws Exception {
        JsonNode claims = payload(tokens.accessToken("officer-nakhonpathom"));

        assertThat(claims.get("province_code").asText()).isEqualTo("73");
        assertThat(claims.has("agency_code")).isFalse();
        assertThat(claims.get("realm_access").get("roles").toString()).contains("provincial_officer");
    }

    private static JsonNode payload(String jwt) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
