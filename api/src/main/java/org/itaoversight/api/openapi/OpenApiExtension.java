package org.itaoversight.api.openapi;

import com.fasterxml.jackson.annotation.JsonView;
import io.dropwizard.auth.Auth;
import io.swagger.v3.jaxrs2.ResolvedParameter;
import io.swagger.v3.jaxrs2.ext.AbstractOpenAPIExtension;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtension;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Teaches the OpenAPI reader this application's conventions: an {@code @Auth} principal is the bearer token (not a
 * parameter or body), and every operation carries who may call it ({@link Access}: {@code x-roles},
 * {@code x-access}) and the errors it can answer, in the shape of Dropwizard's error body unless the resource
 * declares another.
 */
public final class OpenApiExtension extends AbstractOpenAPIExtension {

    static final String ERROR_SCHEMA = "#/components/schemas/Error";

    @Override
    public ResolvedParameter extractParameters(List<Annotation> annotations, Type type, Set<Type> typesToSkip,
                                               Components components, Consumes classConsumes, Consumes methodConsumes,
                                               boolean includeRequestBody, JsonView jsonViewAnnotation,
                                               Iterator<OpenAPIExtension> chain) {
        if (annotations.stream().anyMatch(Auth.class::isInstance)) {
            return new ResolvedParameter();
        }
        return super.extractParameters(annotations, type, typesToSkip, components, classConsumes, methodConsumes,
                includeRequestBody, jsonViewAnnotation, chain);
    }

    @Override
    public void decorateOperation(Operation operation, Method method, Iterator<OpenAPIExtension> chain) {
        Audience audience = audience(method);
        operation.addExtension("x-roles", audience.realmRoles());
        operation.addExtension("x-access", audience.description());
        boolean signedIn = Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(Auth.class));
        if (signedIn) {
            operation.addSecurityItem(new SecurityRequirement().addList(OpenApiDocument.BEARER));
            error(operation, "401", "no valid bearer token of the realm (with WWW-Authenticate: Bearer)");
            error(operation, "403", "the token's principal may not: " + audience.description());
        }
        if (has(method, PathParam.class)) {
            error(operation, "404", "no such resource (once the caller may read its scope)");
        }
        if (has(method, QueryParam.class) || operation.getRequestBody() != null) {
            error(operation, "400", "a malformed or missing parameter or body, with the reason");
        }
        super.decorateOperation(operation, method, chain);
    }

    private static Audience audience(Method method) {
        return Optional.ofNullable(method.getAnnotation(Access.class))
                .or(() -> Optional.ofNullable(method.getDeclaringClass().getAnnotation(Access.class)))
                .map(Access::value)
                .orElseThrow(() -> new IllegalStateException(method.getDeclaringClass().getName() + "." + method.getName()
                        + " does not say who may call it (@Access)"));
    }

    private static boolean has(Method method, Class<? extends Annotation> annotation) {
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(annotation)) {
                return true;
            }
        }
        return false;
    }

    /** Adds an error response in the common shape, unless the resource declared its own for that status. */
    private static void error(Operation operation, String status, String description) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType("application/json", new MediaType().schema(new Schema<>().$ref(ERROR_SCHEMA)))));
        }
        operation.setResponses(responses);
    }
}
