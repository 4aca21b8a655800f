package org.itaoversight.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Set;
import org.itaoversight.api.measures.MeasureResource;
import org.itaoversight.api.registry.ProvinceResource;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.junit.jupiter.api.Test;

/** The description of resource classes: the token is no parameter, and an endpoint must say who may call it. */
class OpenApiDocumentTest {

    @Path("/api/v1/things/{code}")
    public static class Unannounced {
        @GET
        public String get(@Auth OversightPrincipal principal, @PathParam("code") String code) {
            return code;
        }
    }

    @Test
    void describesAResourceWithItsRolesAndWithoutTheTokenAsAParameter() throws Exception {
        JsonNode document = new ObjectMapper().readTree(OpenApiDocument.json(Set.of(ProvinceResource.class)));

        JsonNode agencies = document.at("/paths/~1api~1v1~1provinces~1{code}~1agencies/get");
        assertThat(agencies.path("x-roles")).extracting(JsonNode::asText).containsExactly("platform_admin", "provincial_officer");
        assertThat(agencies.path("parameters").findValuesAsText("name")).doesNotContain("principal").contains("code");
        assertThat(agencies.has("requestBody")).isFalse();
        assertThat(document.at("/paths/~1api~1v1~1provinces~1{code}/get/x-roles")).extracting(JsonNode::asText)
                .containsExactly("platform_admin", "provincial_officer", "agency_admin");
    }

    @Test
    void anEndpointsOwnErrorShapesStandBesideTheCommonOnes() throws Exception {
        JsonNode update = new ObjectMapper().readTree(OpenApiDocument.json(Set.of(MeasureResource.class)))
                .at("/paths/~1api~1v1~1agencies~1{code}~1measures~1{id}/put");

        assertThat(update.path("x-roles")).extracting(JsonNode::asText).containsExactly("agency_admin");
        assertThat(update.at("/responses/409/content/application~1json/schema/$ref").asText()).endsWith("/Conflict");
        assertThat(update.at("/responses/422/content/application~1json/schema/$ref").asText()).endsWith("/ValidationErrors");
        assertThat(update.at("/responses/403/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/Error");
        assertThat(update.at("/responses/404").isMissingNode()).isFalse();
        assertThat(update.at("/requestBody").isMissingNode()).isFalse();
    }

    @Test
    void anEndpointThatDoesNotSayWhoMayCallItIsNotDescribed() {
        assertThatThrownBy(() -> OpenApiDocument.json(Set.of(Unannounced.class)))
                .hasStackTraceContaining("does not say who may call it");
    }
}
