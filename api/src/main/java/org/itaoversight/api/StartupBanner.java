package org.itaoversight.api;

import io.dropwizard.lifecycle.ServerLifecycleListener;
import java.io.PrintStream;
import org.eclipse.jetty.server.Server;
import org.itaoversight.api.embedded.EmbeddedServices;

/** Tells the person who started the application where everything is. */
final class StartupBanner {

    private final PrintStream console;

    StartupBanner(PrintStream console) {
        this.console = console;
    }

    void print(Server server, OversightConfiguration configuration, EmbeddedServices embedded) {
        ServerLifecycleListener ports = s -> { };
        int port = ports.getLocalPort(server);
        int adminPort = ports.getAdminPort(server);
        StringBuilder text = new StringBuilder()
                .append("\nITA Oversight is running\n")
                .append("  Dashboard   http://127.0.0.1:").append(port).append("/app/\n")
                .append("  API         http://127.0.0.1:").append(port).append("/api/v1/provinces\n")
                .append("  Health      http://127.0.0.1:").append(adminPort).append("/healthcheck\n")
                .append("  Metrics     http://127.0.0.1:").append(adminPort).append("/metrics\n");
        embedded.postgres().ifPresentOrElse(
                pg -> text.append("  PostgreSQL  ").append(pg.jdbcUrl()).append("  (embedded, data in ")
                        .append(configuration.getEmbedded().dataPath().resolve("postgres")).append(")\n"),
                () -> text.append("  PostgreSQL  ").append(configuration.getDatabase().getUrl()).append('\n'));
        embedded.clickhouse().ifPresentOrElse(
                ch -> text.append("  ClickHouse  http://127.0.0.1:").append(ch.httpPort()).append("  (embedded ")
                        .append(ch.version()).append(", pid ").append(ch.pid()).append(", data in ")
                        .append(ch.workDirectory()).append(")\n"),
                () -> text.append("  ClickHouse  ").append(configuration.getClickhouse().getUrl()).append('\n'));
        var smtp = configuration.getReports().getSmtp();
        text.append("  SMTP        ").append(smtp.getHost()).append(':').append(smtp.getPort())
                .append(configuration.getEmbedded().isMailCatcher()
                        ? "  (embedded mail catcher; monthly reports kept in " + configuration.getEmbedded().dataPath().resolve("mail") + ")\n"
                        : "\n");
        embedded.keycloak().ifPresentOrElse(keycloak -> {
            text.append("  Keycloak    ").append(keycloak.baseUrl()).append("/admin  (embedded; realm ")
                    .append(EmbeddedServices.REALM).append(", admin console user admin / admin)\n");
            text.append("\nSign in as (password ").append(DemoUsers.PASSWORD).append(" for all):\n");
            DemoUsers.load().forEach(user -> text.append("  ").append(String.format("%-22s", user.username()))
                    .append(user.description()).append('\n'));
            text.append("\nA token for scripts, e.g. as the officer of นครปฐม:\n")
                    .append("  curl -s -d grant_type=password -d client_id=ita-oversight-service")
                    .append(" -d client_secret=ita-oversight-service-secret -d username=officer-nakhonpathom")
                    .append(" -d password=").append(DemoUsers.PASSWORD).append(" \\\n    ")
                    .append(keycloak.issuer(EmbeddedServices.REALM)).append("/protocol/openid-connect/token\n")
                    .append("  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:").append(port)
                    .append("/api/v1/provinces/73/agencies\n")
                    .append("  curl -H \"Authorization: Bearer $TOKEN\" 'http://127.0.0.1:").append(port)
                    .append("/api/v1/provinces/73/ita/ranking?year=2568'\n")
                    .append("  curl -o p73.pdf -H \"Authorization: Bearer $TOKEN\" 'http://127.0.0.1:").append(port)
                    .append("/api/v1/provinces/73/report.pdf?year=2568'\n\n");
        }, () -> text.append("  Keycloak    ").append(configuration.getAuth().getIssuer()).append('\n'));
        text.append("Press Ctrl-C to stop.\n");
        console.print(text);
        console.flush();
    }
}
