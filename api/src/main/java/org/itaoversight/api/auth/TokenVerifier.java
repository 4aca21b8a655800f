package org.itaoversight.api.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.access.Role;

/**
 * Verifies Keycloak access tokens as an OIDC resource server and maps their claims to the application's principal:
 * signature by a key of the realm's JWKS (selected by {@code kid} and algorithm from an allow-list; unknown
 * {@code kid}s trigger a rate-limited JWKS refresh, so a rotated key is picked up without restart), issuer,
 * audience, authorized party, {@code exp}/{@code nbf} with a small clock skew, and {@code typ = Bearer}
 * (ID tokens carry the same signature and are refused).
 */
public final class TokenVerifier {

    static final long JWKS_MIN_REFRESH_MILLIS = 5_000;
    static final long JWKS_OUTAGE_TOLERANCE_MILLIS = 24L * 60 * 60 * 1000;

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Set<String> allowedClients;

    public TokenVerifier(String issuer, String audience, List<String> allowedClients, List<String> algorithms,
                         long clockSkewSeconds, JWKSource<SecurityContext> keys) {
        this.allowedClients = Set.copyOf(allowedClients);
        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                algorithms.stream().map(JWSAlgorithm::parse).collect(Collectors.toSet()), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).claim("typ", "Bearer").build(),
                Set.of("sub", "exp", "iat", "iss", "aud", "typ"));
        claims.setMaxClockSkew((int) clockSkewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** A verifier for the configured realm, fetching its keys from the JWKS URL (cached, retried, refreshed). */
    public static TokenVerifier forConfiguration(AuthConfiguration configuration, String issuer) {
        String jwks = configuration.getJwksUrl().orElse(issuer + "/protocol/openid-connect/certs");
        try {
            // Keys are cached; a token with an unknown kid triggers a refresh, at most one per 5 s so that a flood of
            // forged kids cannot hammer the identity provider, yet a rotated realm key is picked up within seconds.
            // While the identity provider is unreachable, the keys last fetched keep verifying (for up to a day), so
            // that tokens already issued work until they expire; new sign-ins need the provider anyway.
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(URI.create(jwks).toURL())
                    .rateLimited(JWKS_MIN_REFRESH_MILLIS).retrying(true).outageTolerant(JWKS_OUTAGE_TOLERANCE_MILLIS).build();
            return new TokenVerifier(issuer, configuration.getAudience(), configuration.getAllowedClients(),
                    configuration.getAlgorithms(), configuration.getClockSkew().toSeconds(), keys);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("auth.jwksUrl is not a URL: " + jwks, e);
        }
    }

    public OversightPrincipal verify(String token) throws InvalidTokenException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new InvalidTokenException("not a JWT: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new InvalidTokenException(e.getMessage(), e);
        }
        try {
            String client = claims.getStringClaim("azp");
            if (!allowedClients.isEmpty() && (client == null || !allowedClients.contains(client))) {
                throw new InvalidTokenException("client (azp) " + client + " is not allowed");
            }
            return new OversightPrincipal(claims.getSubject(),
                    Optional.ofNullable(claims.getStringClaim("preferred_username")).orElse(claims.getSubject()),
                    roles(claims), nonBlank(claims.getStringClaim("agency_code")),
                    nonBlank(claims.getStringClaim("province_code")));
        } catch (ParseException e) {
            throw new InvalidTokenException("malformed claims: " + e.getMessage(), e);
        }
    }

    private static Set<Role> roles(JWTClaimsSet claims) throws ParseException {
        Map<String, Object> realmAccess = claims.getJSONObjectClaim("realm_access");
        Set<Role> roles = new HashSet<>();
        if (realmAccess != null && realmAccess.get("roles") instanceof List<?> names) {
            names.forEach(name -> Role.ofRealmRole(String.valueOf(name)).ifPresent(roles::add));
        }
        return roles;
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
    }
}
