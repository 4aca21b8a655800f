package org.itaoversight.api.commands;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.util.List;
import org.itaoversight.api.Databases;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.embedded.EmbeddedServices;
import org.itaoversight.api.registry.RegistryLoader;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.migrations.clickhouse.ClickHouseMigrator;

/**
 * The databases of a batch command, as the application has them at start-up: embedded ones started when
 * configured (no Keycloak: commands need no sign-in), both schemas applied, the configured registry loaded.
 */
final class CommandDatabases implements AutoCloseable {

    private final EmbeddedServices embedded;
    private final Databases databases;
    private final List<ClickHouseMigrator.AppliedScript> appliedScripts;

    private CommandDatabases(EmbeddedServices embedded, Databases databases, List<ClickHouseMigrator.AppliedScript> appliedScripts) {
        this.embedded = embedded;
        this.databases = databases;
        this.appliedScripts = appliedScripts;
    }

    static CommandDatabases open(Bootstrap<OversightConfiguration> bootstrap, OversightConfiguration configuration,
                                 String appliedBy, boolean loadRegistry) {
        Environment environment = new Environment(bootstrap.getApplication().getName(), bootstrap.getObjectMapper(),
                bootstrap.getValidatorFactory(), bootstrap.getMetricRegistry(), bootstrap.getClassLoader(),
                bootstrap.getHealthCheckRegistry(), configuration);
        EmbeddedServices embedded = EmbeddedServices.startDatabases(configuration);
        try {
            Databases databases = Databases.open(configuration, environment, embedded);
            List<ClickHouseMigrator.AppliedScript> applied = databases.migrate(appliedBy);
            if (loadRegistry && configuration.getRegistry().isLoadOnStart()) {
                RegistrySource source = new RegistrySource(configuration.getRegistry());
                new RegistryLoader(databases.postgres(), databases.clickhouse(), Clock.systemUTC()).load(source.load(), source.describe());
            }
            return new CommandDatabases(embedded, databases, applied);
        } catch (RuntimeException e) {
            embedded.close();
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
        embedded.close();
    }
}
