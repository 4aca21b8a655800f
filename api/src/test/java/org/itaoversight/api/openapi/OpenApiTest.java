package org.itaoversight.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.itaoversight.api.auth.IsolationMatrixTest;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API's OpenAPI 3.1 description: every endpoint of the isolation matrix, each with its roles and errors. */
@ExtendWith(TestingServers.class)
class OpenApiTest {

    private final JsonNode document;

    OpenApiTest(TestingOversightApi api) {
        TestingOversightApi.Response response = api.anonymous().get("/api/v1/openapi.json");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        this.document = response.json();
    }

    @Test
    void isOpenApi31AndListsEveryEndpointOfTheIsolationMatrix() {
        assertThat(document.path("openapi").asText()).startsWith("3.1");
        List<String> described = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                described.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(described).containsExactlyInAnyOrderElementsOf(IsolationMatrixTest.endpointsOfTheMatrix());
    }

    @Test
    void everyOperationSaysWhoMayCallItAndItsErrors() {
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String name = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode operation = entry.getValue();
            assertThat(operation.path("x-access").asText()).as(name).isNotBlank();
            JsonNode responses = operation.path("responses");
            if (operation.has("security")) {
                assertThat(operation.path("x-roles").size()).as(name).isPositive();
                assertThat(responses.has("401") && responses.has("403")).as(name + " answers 401 and 403").isTrue();
            } else {
                assertThat(operation.path("x-roles").size()).as(name + " is public").isZero();
            }
            if (path.getKey().contains("{")) {
                assertThat(responses.has("404")).as(name + " answers 404").isTrue();
                assertThat(operation.path("parameters").findValuesAsText("in")).as(name).contains("path");
            }
        }));
        JsonNode forbidden = document.at("/paths/~1api~1v1~1agencies~1{code}~1measures/post/responses/403");
        assertThat(forbidden.at("/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/Error");
        assertThat(document.at("/components/schemas/Error/properties").has("message")).isTrue();
    }

    @Test
    void rolesAndSpecificErrorShapesAreThoseOfTheEndpoint() {
        JsonNode update = document.at("/paths/~1api~1v1~1agencies~1{code}~1measures~1{id}/put");
        assertThat(update.path("x-roles")).extracting(JsonNode::asText).containsExactly("agency_admin");
        assertThat(update.at("/responses/409/content/application~1json/schema/$ref").asText()).endsWith("Conflict");
        assertThat(update.at("/responses/422/content/application~1json/schema/$ref").asText()).endsWith("ValidationErrors");
        assertThat(document.at("/paths/~1api~1v1~1provinces~1{code}~1ita~1ranking/get/x-roles")).extracting(JsonNode::asText)
                .containsExactly("platform_admin", "provincial_officer");
        assertThat(document.at("/paths/~1api~1v1~1provinces~1{code}~1ita~1ranking/get/parameters").findValuesAsText("name"))
                .contains("code", "year");
        assertThat(document.at("/paths/~1api~1v1~1ita~1loads/post/responses/400/content/application~1json/schema/$ref").asText())
                .endsWith("Refusal");
        // Every comparison also answers as a download: both media types, and ?format= for links.
        for (String path : List.of("/provinces/{code}/ita/ranking", "/provinces/{code}/ita/matrix",
                "/provinces/{code}/ita/weakest-indicators", "/provinces/{code}/ita/movers", "/provinces/{code}/measure-completion",
                "/provinces/{code}/measure-completion/monthly", "/agencies/{code}/measures", "/agencies/{code}/ita/weakest-questions",
                "/ita/national/pass-rates", "/provinces/{code}/needs-attention", "/agencies/{code}/ita/indicator-scores")) {
            JsonNode get = document.path("paths").path("/api/v1" + path).path("get");
            JsonNode ok = get.path("responses").has("200") ? get.path("responses").path("200") : get.path("responses").path("default");
            assertThat(ok.path("content").has("text/csv")).as(path + " as CSV").isTrue();
            assertThat(ok.path("content").has("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).as(path + " as XLSX")
                    .isTrue();
            assertThat(get.path("parameters").findValuesAsText("name")).as(path).contains("format");
        }
        assertThat(document.at("/paths/~1api~1v1~1provinces~1{code}~1ita~1pass-rates/get/parameters").findValuesAsText("name"))
                .doesNotContain("format");
        // The bearer token is the security scheme, never a parameter or a body.
        assertThat(document.path("components").path("schemas").has("OversightPrincipal")).isFalse();
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    }
}
