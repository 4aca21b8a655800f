package org.itaoversight.api.commands;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import org.itaoversight.api.Databases;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.embedded.EmbeddedServices;
import org.itaoversight.migrations.clickhouse.ClickHouseMigrator;

/** {@code migrate}: applies the PostgreSQL changelog and the ClickHouse scripts, then exits. */
public class MigrateCommand extends ConfiguredCommand<OversightConfiguration> {

    public MigrateCommand() {
        super("migrate", "Applies the PostgreSQL and ClickHouse schemas and exits");
    }

    @Override
    protected void run(Bootstrap<OversightConfiguration> bootstrap, Namespace namespace,
                       OversightConfiguration configuration) throws Exception {
        Environment environment = new Environment(bootstrap.getApplication().getName(), bootstrap.getObjectMapper(),
                bootstrap.getValidatorFactory(), bootstrap.getMetricRegistry(), bootstrap.getClassLoader(),
                bootstrap.getHealthCheckRegistry(), configuration);
        try (EmbeddedServices embedded = EmbeddedServices.startDatabases(configuration)) {
            Databases databases = Databases.open(configuration, environment, embedded);
            try {
                databases.postgresDataSource().start();
                List<ClickHouseMigrator.AppliedScript> applied = databases.migrate("migrate command");
                System.out.println("PostgreSQL schema is up to date.");
                System.out.println(applied.isEmpty() ? "ClickHouse schema was already up to date."
                        : "ClickHouse scripts applied: " + applied.stream().map(a -> "V" + a.version() + " " + a.description()).toList());
            } finally {
                databases.postgresDataSource().stop();
            }
        }
    }

    @Override
    public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.print(cli, "migrate", error);
    }
}
