package org.itaoversight.api.http;

import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.itaoversight.api.FeatureBundle;
import org.itaoversight.api.Platform;

/**
 * What every request and response of the application port goes through, registered before the features: the
 * browser security headers and {@code Cache-Control: no-store} on API answers ({@link SecurityHeadersFilter}), the
 * refusal of tokens in URLs ({@link TokenInQueryRefusal}) and their redaction from the request log
 * ({@link RedactingRequestLog}), the limits on request bodies checked after sign-in and before a byte is read
 * ({@link RequestBodyGuard}, {@code requests.*}), 400 for a query parameter of the wrong type
 * ({@link QueryParameterExceptionMapper}) and 503 for a database out of reach ({@link UnavailableDatabaseMapper}).
 */
public final class HttpBundle implements FeatureBundle {

    @Override
    public void run(Platform platform, Environment environment) {
        environment.servlets().addFilter("security-headers", new SecurityHeadersFilter(platform.issuer()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        environment.jersey().register(new TokenInQueryRefusal());
        environment.jersey().register(new RequestBodyGuard(platform.configuration().getRequests(), platform.policy(),
                platform.access()));
        environment.jersey().register(new QueryParameterExceptionMapper());
        environment.jersey().register(new UnavailableDatabaseMapper());
        environment.lifecycle().addEventListener(RedactingRequestLog.installer());
    }
}
