package org.itaoversight.api.http;

import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;

/**
 * Registers what every request and response of the application port goes through: the browser security headers and
 * {@code Cache-Control: no-store} on API answers ({@link SecurityHeadersFilter}), the refusal of tokens in URLs
 * ({@link TokenInQueryRefusal}) and their redaction from the request log ({@link RedactingRequestLog}), and 400 for a
 * query parameter of the wrong type ({@link QueryParameterExceptionMapper}), 503 for a database out of reach
 * ({@link UnavailableDatabaseMapper}).
 */
public final class HttpHardening {

    private HttpHardening() {
    }

    public static void register(Environment environment, String issuer) {
        environment.servlets().addFilter("security-headers", new SecurityHeadersFilter(issuer))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        environment.jersey().register(new TokenInQueryRefusal());
        environment.jersey().register(new QueryParameterExceptionMapper());
        environment.jersey().register(new UnavailableDatabaseMapper());
        environment.lifecycle().addEventListener(RedactingRequestLog.installer());
    }
}
