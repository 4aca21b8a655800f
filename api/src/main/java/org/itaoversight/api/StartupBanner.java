package org.itaoversight.api;

import io.dropwizard.lifecycle.ServerLifecycleListener;
import java.io.PrintStream;
import java.util.List;
import org.eclipse.jetty.server.Server;

/** Tells the person who started the application where everything is: its own addresses, then the servers it uses. */
public final class StartupBanner {

    /** One server the application uses, e.g. {@code PostgreSQL  jdbc:postgresql://…}. */
    public record Line(String label, String where) {
    }

    private final PrintStream console;

    public StartupBanner(PrintStream console) {
        this.console = console;
    }

    /** Prints the addresses of the started server, the given servers, then {@code epilogue} (may be empty). */
    public void print(Server server, List<Line> servers, String epilogue) {
        ServerLifecycleListener ports = s -> { };
        int port = port(server);
        int adminPort = ports.getAdminPort(server);
        StringBuilder text = new StringBuilder()
                .append("\nITA Oversight is running\n")
                .append("  Dashboard   http://127.0.0.1:").append(port).append("/app/\n")
                .append("  API         http://127.0.0.1:").append(port).append("/api/v1/provinces\n")
                .append("  Health      http://127.0.0.1:").append(adminPort).append("/healthcheck\n")
                .append("  Metrics     http://127.0.0.1:").append(adminPort).append("/metrics\n");
        servers.forEach(line -> text.append("  ").append(String.format("%-12s", line.label())).append(line.where()).append('\n'));
        text.append(epilogue).append("Press Ctrl-C to stop.\n");
        console.print(text);
        console.flush();
    }

    /** The application's HTTP port, once the server has started. */
    public static int port(Server server) {
        ServerLifecycleListener ports = s -> { };
        return ports.getLocalPort(server);
    }
}
