package org.itaoversight.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.access.Role;
import org.junit.jupiter.api.Test;

/** Every rule of token verification, with tokens signed by a key of a test JWKS. */
class TokenVerifierTest {

    private static final String ISSUER = "http://127.0.0.1:18080/realms/ita-oversight";
    private static final RSAKey KEY = generate("realm-key-1");
    private static final RSAKey STRANGER = generate("realm-key-1");

    private final TokenVerifier verifier = new TokenVerifier(ISSUER, "ita-oversight-api",
            List.of("ita-oversight-web", "ita-oversight-scripts"), List.of("RS256"), 30,
            new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK())));

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("b3a1c7e2-0000-4000-8000-000000000001")
                .audience(List.of("ita-oversight-api", "account")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).claim("typ", "Bearer").claim("azp", "ita-oversight-web")
                .claim("preferred_username", "admin-bangrakam").claim("agency_code", "6730301").claim("province_code", "73")
                .claim("realm_access", Map.of("roles", List.of("agency_admin", "offline_access")));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return sign(KEY, change.apply(claims()).build());
    }

    @Test
    void aValidTokenBecomesThePrincipal() throws Exception {
        OversightPrincipal principal = verifier.verify(token(c -> c));

        assertThat(principal).isEqualTo(new OversightPrincipal("b3a1c7e2-0000-4000-8000-000000000001", "admin-bangrakam",
                java.util.Set.of(Role.AGENCY_ADMIN), Optional.of("6730301"), Optional.of("73")));
    }

    @Test
    void malformedTokensAreRefused() {
        assertThatThrownBy(() -> verifier.verify("not-a-jwt")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.verify("a.b.c")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.verify("")).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String none = new PlainJWT(claims().build()).serialize();

        assertThatThrownBy(() -> verifier.verify(none)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims().build());
        byte[] publicKey = KEY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        jwt.sign(new MACSigner(publicKey));

        assertThatThrownBy(() -> verifier.verify(jwt.serialize())).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void expiredAndNotYetValidTokensAreRefusedBeyondTheClockSkew() throws Exception {
        Instant now = Instant.now();
        String expired = token(c -> c.expirationTime(Date.from(now.minusSeconds(60))));
        String notYet = token(c -> c.notBeforeTime(Date.from(now.plusSeconds(120))));
        String justExpired = token(c -> c.expirationTime(Date.from(now.minusSeconds(10))));

        assertThatThrownBy(() -> verifier.verify(expired)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("xpired");
        assertThatThrownBy(() -> verifier.verify(notYet)).isInstanceOf(InvalidTokenException.class);
        assertThat(verifier.verify(justExpired).username()).isEqualTo("admin-bangrakam");
    }

    @Test
    void theWrongIssuerAudienceOrClientIsRefused() throws Exception {
        String otherRealm = token(c -> c.issuer("http://127.0.0.1:18080/realms/ita-other"));
        String otherAudience = token(c -> c.audience("account"));
        String otherClient = token(c -> c.claim("azp", "some-other-app"));

        assertThatThrownBy(() -> verifier.verify(otherRealm)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.verify(otherAudience)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.verify(otherClient)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("some-other-app");
    }

    @Test
    void anIdTokenIsNotAnAccessToken() throws Exception {
        String idToken = token(c -> c.claim("typ", "ID"));

        assertThatThrownBy(() -> verifier.verify(idToken)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aTamperedPayloadBreaksTheSignature() throws Exception {
        String[] parts = token(c -> c).split("\\.");
        String forged = Base64URL.encode(claims().claim("agency_code", "6760401").build().toString()).toString();

        assertThatThrownBy(() -> verifier.verify(parts[0] + "." + forged + "." + parts[2]))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void anUnknownKeyOrAForeignKeyWithAKnownKidIsRefused() throws Exception {
        RSAKey unknown = generate("rotated-elsewhere");

        assertThatThrownBy(() -> verifier.verify(sign(unknown, claims().build()))).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.verify(sign(STRANGER, claims().build()))).isInstanceOf(InvalidTokenException.class);
    }
}
