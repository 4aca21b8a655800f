package org.itaoversight.api.http;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A bearer token is accepted only in the {@code Authorization} header: a request with {@code access_token} in its
 * query (which Dropwizard's OAuth filter would otherwise accept, and which lands in logs, proxies and browser history)
 * is refused with 400 before anything else, the token unused.
 */
@PreMatching
public final class TokenInQueryRefusal implements ContainerRequestFilter {

    static final String PARAMETER = "access_token";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getQueryParameters().containsKey(PARAMETER)) {
            request.abortWith(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(new ErrorMessage(400, "ไม่รับโทเค็นใน URL (access_token) ให้ส่งในส่วนหัว Authorization: Bearer เท่านั้น"))
                    .build());
        }
    }
}
