package org.itaoversight.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.itaoversight.api.OversightApplication;
import org.itaoversight.api.OversightConfiguration;

/**
 * The whole application, started once per test JVM against {@link TestingPostgres} and {@link TestingClickHouse}
 * (each with a database of its own), with free ports; and a small HTTP client for it.
 */
public final class TestingOversightApi implements AutoCloseable {

    private final DropwizardTestSupport<OversightConfiguration> support;
    private final KeycloakTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private TestingOversightApi(DropwizardTestSupport<OversightConfiguration> support, KeycloakTokens tokens) {
        this.support = support;
        this.tokens = tokens;
    }

    public static TestingOversightApi start(TestingPostgres postgres, TestingClickHouse clickhouse, TestingKeycloak keycloak,
                                            ConfigOverride... more) {
        String database = postgres.createDatabase();
        java.util.List<ConfigOverride> overrides = new java.util.ArrayList<>(java.util.List.of(
                ConfigOverride.config("database.url", postgres.jdbcUrl(database)),
                ConfigOverride.config("clickhouse.url", clickhouse.serverUrl()),
                ConfigOverride.config("clickhouse.database", "api_" + UUID.randomUUID().toString().replace("-", "")),
                ConfigOverride.config("auth.issuer", keycloak.issuer())));
        overrides.addAll(java.util.List.of(more));
        DropwizardTestSupport<OversightConfiguration> support = new DropwizardTestSupport<>(OversightApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), overrides.toArray(ConfigOverride[]::new));
        try {
            support.before();
        } catch (Exception e) {
            throw new IllegalStateException("the application did not start", e);
        }
        return new TestingOversightApi(support, new KeycloakTokens(keycloak));
    }

    /**
     * The whole application on a ClickHouse cluster ({@code clickhouse.cluster}, {@code shards}: every node of
     * {@code cluster}, no Keeper) with a database of its own on every node, and a PostgreSQL database of its own; the
     * caller stops it.
     */
    public static TestingOversightApi startOnCluster(TestingPostgres postgres, TestingClickHouseCluster cluster,
                                                     TestingKeycloak keycloak) {
        DropwizardTestSupport<OversightConfiguration> support = new DropwizardTestSupport<>(OversightApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("database.url", postgres.jdbcUrl(postgres.createDatabase())),
                ConfigOverride.config("clickhouse.url", cluster.shard(1).serverJdbcUrl()),
                ConfigOverride.config("clickhouse.database", "api_" + UUID.randomUUID().toString().replace("-", "")),
                ConfigOverride.config("clickhouse.cluster", cluster.name()),
                ConfigOverride.config("clickhouse.shards", String.join(",", cluster.shardUrls())),
                ConfigOverride.config("auth.issuer", keycloak.issuer()));
        try {
            support.before();
        } catch (Exception e) {
            throw new IllegalStateException("the application did not start on the ClickHouse cluster", e);
        }
        return new TestingOversightApi(support, new KeycloakTokens(keycloak));
    }

    /**
     * A second instance of the application on this one's PostgreSQL and ClickHouse databases and realm, as another
     * node behind the same load balancer; the caller stops it.
     */
    public TestingOversightApi anotherInstance() {
        OversightConfiguration configuration = support.getConfiguration();
        DropwizardTestSupport<OversightConfiguration> another = new DropwizardTestSupport<>(OversightApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("database.url", configuration.getDatabase().getUrl()),
                ConfigOverride.config("clickhouse.url", configuration.getClickhouse().getUrl()),
                ConfigOverride.config("clickhouse.database", configuration.getClickhouse().getDatabase()),
                ConfigOverride.config("auth.issuer", configuration.getAuth().getIssuer()));
        try {
            another.before();
        } catch (Exception e) {
            throw new IllegalStateException("the second instance did not start", e);
        }
        return new TestingOversightApi(another, tokens);
    }

    public KeycloakTokens tokens() {
        return tokens;
    }

    /** Calls as a realm user, with a fresh access token from Keycloak. */
    public Caller as(String username) {
        return new Caller(Optional.of(tokens.accessToken(username)));
    }

    /** Calls with the given raw Authorization header value's token (possibly invalid). */
    public Caller withToken(String token) {
        return new Caller(Optional.of(token));
    }

    public Caller anonymous() {
        return new Caller(Optional.empty());
    }

    /** A caller with (or without) a bearer token. */
    public final class Caller {
        private final Optional<String> token;

        private Caller(Optional<String> token) {
            this.token = token;
        }

        public Response get(String path) {
            return TestingOversightApi.this.send(authorized(HttpRequest.newBuilder(uri(path))).GET().build());
        }

        /**
         * Posts with {@code Expect: 100-continue}, as an uploader of large files should: a refusal (401, 403) arrives
         * before the body is sent, instead of a connection closed halfway through the upload.
         */
        public Response post(String path, String contentType, String body) {
            return TestingOversightApi.this.send(authorized(HttpRequest.newBuilder(uri(path))).expectContinue(true).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        }

        /**
         * Posts raw bytes (a PDF, a Word document, a gzip body) with extra headers (name, value, …), e.g.
         * {@code Content-Encoding: gzip}. It expects 100-continue, so a body refused before it is read is not sent whole.
         */
        public Response post(String path, String contentType, byte[] body, String... headers) {
            HttpRequest.Builder builder = authorized(HttpRequest.newBuilder(uri(path))).expectContinue(true)
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                builder.header(headers[i], headers[i + 1]);
            }
            return TestingOversightApi.this.send(builder.build());
        }

        public Response send(String method, String path, String contentType, String body) {
            return TestingOversightApi.this.send(authorized(HttpRequest.newBuilder(uri(path))).header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        }

        public Response request(String method, String path) {
            HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("");
            return TestingOversightApi.this.send(authorized(HttpRequest.newBuilder(uri(path))).header("Content-Type", "text/csv")
                    .method(method, body).build());
        }

        private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
            token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
            return builder;
        }
    }

    public DropwizardTestSupport<OversightConfiguration> support() {
        return support;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + support.getLocalPort() + path);
    }

    public URI adminUri(String path) {
        return URI.create("http://127.0.0.1:" + support.getAdminPort() + path);
    }

    /** A response: status, content type, the WWW-Authenticate header, and the body (as text, JSON and bytes). */
    public record Response(int status, String contentType, String wwwAuthenticate, String body, JsonNode json, byte[] bytes,
                           java.net.http.HttpHeaders headers) {

        /** A response header's first value, or empty. */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    public Response getAdmin(String path) {
        return send(HttpRequest.newBuilder(adminUri(path)).GET().build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = exchange(request);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String text = new String(response.body(), StandardCharsets.UTF_8);
            JsonNode body = contentType.startsWith("application/json") && !text.isEmpty() ? json.readTree(text) : null;
            return new Response(response.statusCode(), contentType,
                    response.headers().firstValue("WWW-Authenticate").orElse(""), text, body, response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends once more when the server closed a pooled keep-alive connection before answering at all: Jetty closes
     * the connection after answering a request early without reading its body (a 401 to an upload), and the JDK
     * client retries only idempotent methods on a connection found dead. The server received nothing, so the
     * request is sent once again, as any HTTP client should.
     */
    private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                throw e;
            }
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    @Override
    public void close() {
        support.after();
    }
}
