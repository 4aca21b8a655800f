package org.itaoversight.api.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Set;

/** The API's OpenAPI 3.1 description, read from the resource classes themselves (swagger-jaxrs2). */
public final class OpenApiDocument {

    static final String BEARER = "bearer";

    /** Dropwizard's error body, the shape of every error an operation does not describe otherwise. */
    record Error(int code, String message) {
    }

    private OpenApiDocument() {
    }

    public static String json(Set<Class<?>> resources) {
        Components components = new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("an access token of the Keycloak realm ita-oversight (audience ita-oversight-api)"));
        ModelConverters.getInstance(true).readAll(Error.class).forEach((name, schema) -> components.addSchemas("Error", schema));
        OpenAPI base = new OpenAPI().info(new Info().title("ITA Oversight API").version("v1").description(
                        "Multi-tenant ITA results, measures and reports for Thai provincial oversight. Every operation says "
                                + "who may call it (x-roles: Keycloak realm roles; x-access: the scope) and its errors."))
                .components(components);
        SwaggerConfiguration configuration = new SwaggerConfiguration().openAPI(base).openAPI31(true).prettyPrint(true)
                .sortOutput(true);
        OpenAPI api = new Reader(configuration).read(resources);
        api.openapi("3.1.0");
        return Json31.pretty(api);
    }
}
