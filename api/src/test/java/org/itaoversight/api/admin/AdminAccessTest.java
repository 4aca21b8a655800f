package org.itaoversight.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** The admin port is loopback-only unless protected; protected means HTTP Basic on everything but /ping. */
class AdminAccessTest {

    private static DefaultServerFactory adminOn(String bindHost) {
        DefaultServerFactory server = new DefaultServerFactory();
        HttpConnectorFactory admin = new HttpConnectorFactory();
        admin.setBindHost(bindHost);
        server.setAdminConnectors(List.of(admin));
        return server;
    }

    private static AdminAccessConfiguration credentials(String username, String password) {
        AdminAccessConfiguration access = new AdminAccessConfiguration();
        access.setUsername(username);
        access.setPassword(password);
        return access;
    }

    @Test
    void anAdminPortBeyondLoopbackWithoutCredentialsDoesNotStart() {
        for (String host : new String[] {"0.0.0.0", "10.1.2.3", null}) {
            assertThatThrownBy(() -> AdminAccess.install(adminOn(host), new AdminAccessConfiguration(), new Environment("test")))
                    .as(String.valueOf(host)).isInstanceOf(IllegalStateException.class).hasMessageContaining("without authentication");
        }
        assertThatThrownBy(() -> AdminAccess.install(adminOn("0.0.0.0"), credentials("ops", ""), new Environment("test")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAdminPortOnLoopbackOrWithCredentialsStarts() {
        AdminAccess.install(adminOn("127.0.0.1"), new AdminAccessConfiguration(), new Environment("test"));
        AdminAccess.install(adminOn("localhost"), new AdminAccessConfiguration(), new Environment("test"));
        AdminAccess.install(adminOn("0.0.0.0"), credentials("ops", "s3cret"), new Environment("test"));
        assertThat(AdminAccess.exposedAdminHosts(new DefaultServerFactory())).as("Dropwizard's default binds every interface")
                .hasSize(1);
        assertThat(credentials("ops", "s3cret").credentials().orElseThrow().toString()).doesNotContain("s3cret");
    }

    @Test
    void theShippedConfigKeepsTheAdminPortOnLoopbackWhenTheApiIsPublished() throws Exception {
        java.util.Map<String, String> environment = java.util.Map.of("OVERSIGHT_BIND_HOST", "0.0.0.0",
                "OVERSIGHT_DB_URL", "jdbc:postgresql://pg:5432/ita", "OVERSIGHT_CLICKHOUSE_URL", "jdbc:clickhouse:http://ch:8123",
                "OVERSIGHT_AUTH_ISSUER", "https://sso.example.go.th/realms/ita-oversight");
        io.dropwizard.configuration.ConfigurationSourceProvider substituting = path -> {
            String text = new String(new io.dropwizard.configuration.FileConfigurationSourceProvider().open(path).readAllBytes(),
                    StandardCharsets.UTF_8);
            return new java.io.ByteArrayInputStream(new org.apache.commons.text.StringSubstitutor(environment).replace(text)
                    .getBytes(StandardCharsets.UTF_8));
        };
        org.itaoversight.api.OversightConfiguration configuration = new io.dropwizard.configuration.YamlConfigurationFactory<>(
                org.itaoversight.api.OversightConfiguration.class, io.dropwizard.jersey.validation.Validators.newValidator(),
                io.dropwizard.jackson.Jackson.newObjectMapper(), "dw").build(substituting, "config.yml");

        assertThat(AdminAccess.exposedAdminHosts(configuration.getServerFactory())).isEmpty();
        assertThat(configuration.getAdminAccess().credentials()).isEmpty();
        DefaultServerFactory server = (DefaultServerFactory) configuration.getServerFactory();
        assertThat(((HttpConnectorFactory) server.getApplicationConnectors().getFirst()).getBindHost()).isEqualTo("0.0.0.0");
    }

    @Test
    void withCredentialsEveryAdminPathButPingNeedsThem() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
                response.getWriter().write("ok");
            }
        }), "/*");
        context.addFilter(new FilterHolder(new AdminAuthFilter(credentials("ops", "s3cret").credentials().orElseThrow())), "/*",
                EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + connector.getLocalPort();
            String good = "Basic " + Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
            String bad = "Basic " + Base64.getEncoder().encodeToString("ops:wrong".getBytes(StandardCharsets.UTF_8));

            assertThat(status(http, base + "/healthcheck", null)).isEqualTo(401);
            assertThat(status(http, base + "/metrics", bad)).isEqualTo(401);
            assertThat(status(http, base + "/healthcheck", good)).isEqualTo(200);
            assertThat(status(http, base + "/ping", null)).isEqualTo(200);
        } finally {
            server.stop();
        }
    }

    private static int status(HttpClient http, String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
