package org.itaoversight.api.commands;

import io.dropwizard.core.setup.Bootstrap;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.migrations.clickhouse.ClickHouseMigrator;

/** {@code migrate}: applies the PostgreSQL changelog and the ClickHouse scripts, then exits. */
public class MigrateCommand extends ApplicationConfiguredCommand {

    public MigrateCommand() {
        super("migrate", "Applies the PostgreSQL and ClickHouse schemas and exits");
    }

    @Override
    protected void run(Bootstrap<OversightConfiguration> bootstrap, Namespace namespace,
                       OversightConfiguration configuration) throws Exception {
        try (CommandDatabases opened = CommandDatabases.open(bootstrap, configuration, "migrate command", false)) {
            List<ClickHouseMigrator.AppliedScript> applied = opened.appliedScripts();
            System.out.println("PostgreSQL schema is up to date.");
            System.out.println(applied.isEmpty() ? "ClickHouse schema was already up to date."
                    : "ClickHouse scripts applied: " + applied.stream().map(a -> "V" + a.version() + " " + a.description()).toList());
        }
    }

    @Override
    public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.print(cli, "migrate", error);
    }
}
