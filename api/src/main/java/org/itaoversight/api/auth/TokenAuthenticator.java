package org.itaoversight.api.auth;

import io.dropwizard.auth.Authenticator;
import java.util.Optional;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dropwizard's authenticator for bearer tokens: a verified principal, or none (the filter answers 401). */
public final class TokenAuthenticator implements Authenticator<String, OversightPrincipal> {

    private static final Logger LOG = LoggerFactory.getLogger(TokenAuthenticator.class);

    private final TokenVerifier verifier;

    public TokenAuthenticator(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Optional<OversightPrincipal> authenticate(String token) {
        try {
            return Optional.of(verifier.verify(token));
        } catch (InvalidTokenException e) {
            LOG.info("Refused a bearer token: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
