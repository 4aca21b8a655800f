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
        text.append("Press Ctrl-C to stop.\n");
        console.print(text);
        console.flush();
    }
}
