package org.itaoversight.api.commands;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.util.List;
import org.itaoversight.api.Databases;
import org.itaoversight.api.LocalServers;
import org.itaoversight.api.OversightApplication;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.registry.RegistryLoader;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.migrations.clickhouse.ClickHouseMigrator;

/**
 * The databases of a batch command, as the application has them at start-up: the application's local servers
 * started, if it has any (the demo stack's; no sign-in server: commands need none), both schemas applied, the
 * configured registry loaded.
 */
final class CommandDatabases implements AutoCloseable {

    private final LocalServers local;
    private final Databases databases;
    private final List<ClickHouseMigrator.AppliedScript> appliedScripts;

    private CommandDatabases(LocalServers local, Databases databases, List<ClickHouseMigrator.AppliedScript> appliedScripts) {
        this.local = local;
        this.databases = databases;
        this.appliedScripts = appliedScripts;
    }

    static CommandDatabases open(Bootstrap<OversightConfiguration> bootstrap, OversightConfiguration configuration,
                                 String appliedBy, boolean loadRegistry) {
        Environment environment = new Environment(bootstrap.getApplication().getName(), bootstrap.getObjectMapper(),
                bootstrap.getValidatorFactory(), bootstrap.getMetricRegistry(), bootstrap.getClassLoader(),
                bootstrap.getHealthCheckRegistry(), configuration);
        LocalServers local = bootstrap.getApplication() instanceof OversightApplication application
                ? application.startLocalServers(configuration, false) : LocalServers.NONE;
        try {
            Databases databases = Databases.open(configuration, environment);
            List<ClickHouseMigrator.AppliedScript> applied = databases.migrate(appliedBy);
            if (loadRegistry && configuration.getRegistry().isLoadOnStart()) {
                RegistrySource source = new RegistrySource(configuration.getRegistry());
                new RegistryLoader(databases.postgres(), databases.clickhouse(), Clock.systemUTC()).load(source.load(), source.describe());
            }
            return new CommandDatabases(local, databases, applied);
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    Databases databases() {
        return databases;
    }

    /** The ClickHouse scripts this opening applied. */
    List<ClickHouseMigrator.AppliedScript> appliedScripts() {
        return appliedScripts;
    }

    @Override
    public void close() {
        local.close();
    }
}
