package org.itaoversight.api.openapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/** {@code GET /api/v1/openapi.json}: the API's OpenAPI 3.1 description, public like the API's sign-in settings. */
@Path("/api/v1/openapi.json")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.PUBLIC)
public class OpenApiResource {

    /** The application's resource classes, asked once, at the first request (all are registered then). */
    @FunctionalInterface
    public interface ResourceClasses {
        Set<Class<?>> get();
    }

    private final ResourceClasses resources;
    private volatile String document;

    public OpenApiResource(ResourceClasses resources) {
        this.resources = resources;
    }

    @GET
    public String get() {
        String described = document;
        if (described == null) {
            described = OpenApiDocument.json(resources.get());
            document = described;
        }
        return described;
    }
}
