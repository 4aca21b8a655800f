package org.itaoversight.api.admin;

import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Environment;
import org.itaoversight.api.OversightConfiguration;

/**
 * The admin port's settings ({@code server.adminConnectors}, {@code adminAccess}), applied before the application
 * runs: a configuration that would expose the port beyond loopback without credentials stops the start before any
 * server or database is touched; with credentials the port asks for them ({@link AdminAccess}).
 */
public final class AdminPortBundle implements ConfiguredBundle<OversightConfiguration> {

    @Override
    public void run(OversightConfiguration configuration, Environment environment) {
        AdminAccess.install(configuration.getServerFactory(), configuration.getAdminAccess(), environment);
    }
}
