package org.itaoversight.api.admin;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.servlet.DispatcherType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the admin port private: it must bind to loopback, or be protected by the configured credentials
 * ({@link AdminAuthFilter}); a configuration that would expose it without authentication does not start.
 */
public final class AdminAccess {

    private AdminAccess() {
    }

    /** Checks the admin connectors' addresses and, with credentials configured, protects the admin port. */
    public static void install(ServerFactory server, AdminAccessConfiguration access, Environment environment) {
        Optional<AdminAccessConfiguration.Credentials> credentials = access.credentials();
        List<String> exposed = exposedAdminHosts(server);
        if (!exposed.isEmpty() && credentials.isEmpty()) {
            throw new IllegalStateException("the admin port would listen on " + exposed + " without authentication: bind it "
                    + "to 127.0.0.1 (OVERSIGHT_ADMIN_BIND_HOST) or set adminAccess.username and adminAccess.password "
                    + "(OVERSIGHT_ADMIN_USER, OVERSIGHT_ADMIN_PASSWORD)");
        }
        credentials.ifPresent(c -> environment.admin().addFilter("admin-authentication", new AdminAuthFilter(c))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*"));
    }

    /** The admin connectors' bind addresses that are not loopback ("all interfaces" when none is set). */
    static List<String> exposedAdminHosts(ServerFactory server) {
        List<ConnectorFactory> connectors = switch (server) {
            case DefaultServerFactory factory -> factory.getAdminConnectors();
            case SimpleServerFactory factory -> List.of(factory.getConnector());
            default -> List.of();
        };
        return connectors.stream().map(AdminAccess::bindHost).filter(host -> !isLoopback(host)).toList();
    }

    private static String bindHost(ConnectorFactory connector) {
        String host = connector instanceof HttpConnectorFactory http ? http.getBindHost() : null;
        return host == null || host.isBlank() ? "0.0.0.0 (all interfaces)" : host;
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
