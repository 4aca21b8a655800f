package org.itaoversight.api.exports;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code ?format=csv} or {@code ?format=xlsx} on any comparison asks for that download as its {@code Accept} would:
 * for links and tools that cannot set a header. Any other value is left to the resource (and is ignored).
 */
@Provider
@PreMatching
public final class ExportFormatFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String format = request.getUriInfo().getQueryParameters().getFirst("format");
        ExportFormat.named(format).ifPresent(f -> request.getHeaders().putSingle(HttpHeaders.ACCEPT, f.mediaType()));
    }
}
