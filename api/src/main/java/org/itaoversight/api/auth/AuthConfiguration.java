package org.itaoversight.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;

/**
 * How the API authenticates callers: bearer tokens of a Keycloak realm (any OIDC provider with a JWKS), verified as
 * an OIDC resource server.
 */
public class AuthConfiguration {

    /** The realm's issuer URL, e.g. {@code https://sso.example.go.th/realms/ita-oversight}; no default. */
    private String issuer;

    /** The JWKS URL; empty = Keycloak's {@code <issuer>/protocol/openid-connect/certs}. */
    private String jwksUrl;

    /** The audience every accepted token must name. */
    @NotBlank
    private String audience = "ita-oversight-api";

    /** Clients ({@code azp}) whose tokens are accepted; empty = any client that puts the audience in its tokens. */
    @NotNull
    private List<String> allowedClients = List.of("ita-oversight-web", "ita-oversight-scripts");

    @NotEmpty
    private List<String> algorithms = List.of("RS256");

    @NotNull
    private Duration clockSkew = Duration.seconds(30);

    @JsonProperty
    public String getIssuer() {
        return issuer;
    }

    @JsonProperty
    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    @JsonProperty
    public Optional<String> getJwksUrl() {
        return Optional.ofNullable(jwksUrl).filter(s -> !s.isBlank());
    }

    @JsonProperty
    public void setJwksUrl(String jwksUrl) {
        this.jwksUrl = jwksUrl;
    }

    @JsonProperty
    public String getAudience() {
        return audience;
    }

    @JsonProperty
    public void setAudience(String audience) {
        this.audience = audience;
    }

    @JsonProperty
    public List<String> getAllowedClients() {
        return allowedClients;
    }

    @JsonProperty
    public void setAllowedClients(List<String> allowedClients) {
        this.allowedClients = List.copyOf(allowedClients);
    }

    @JsonProperty
    public List<String> getAlgorithms() {
        return algorithms;
    }

    @JsonProperty
    public void setAlgorithms(List<String> algorithms) {
        this.algorithms = List.copyOf(algorithms);
    }

    @JsonProperty
    public Duration getClockSkew() {
        return clockSkew;
    }

    @JsonProperty
    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }
}
