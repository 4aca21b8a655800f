package org.itaoversight.api;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.io.PrintStream;
import java.time.Clock;
import org.itaoversight.api.commands.DemoCommand;
import org.itaoversight.api.commands.MigrateCommand;
import org.itaoversight.api.embedded.EmbeddedServices;
import org.itaoversight.api.registry.ProvinceResource;
import org.itaoversight.api.registry.ProvincesResource;
import org.itaoversight.api.registry.RegistryDao;
import org.itaoversight.api.registry.RegistryLoader;
import org.itaoversight.api.registry.RegistrySource;

/** ITA Oversight: the Dropwizard application, wired by hand. */
public class OversightApplication extends Application<OversightConfiguration> {

    private final PrintStream console;

    public OversightApplication() {
        this(System.out);
    }

    public OversightApplication(PrintStream console) {
        this.console = console;
    }

    public static void main(String[] args) throws Exception {
        new OversightApplication().run(args);
    }

    @Override
    public String getName() {
        return "ita-oversight";
    }

    @Override
    public void initialize(Bootstrap<OversightConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new DemoCommand(this));
        bootstrap.addCommand(new MigrateCommand());
    }

    @Override
    public void run(OversightConfiguration configuration, Environment environment) {
        EmbeddedServices embedded = EmbeddedServices.start(configuration);
        environment.lifecycle().manage(embedded);
        try {
            Databases databases = Databases.open(configuration, environment, embedded);
            if (configuration.isMigrateOnStart()) {
                new org.itaoversight.migrations.postgres.PostgresMigrator(databases.postgresDataSource()).migrate();
            }
            if (configuration.getClickhouse().isMigrateOnStart()) {
                databases.clickhouseMigrator().migrate("ita-oversight start-up");
            }
            if (configuration.getRegistry().isLoadOnStart()) {
                RegistrySource source = new RegistrySource(configuration.getRegistry());
                new RegistryLoader(databases.postgres(), databases.clickhouse(), Clock.systemUTC())
                        .load(source.load(), source.describe());
            }

            RegistryDao registry = databases.postgres().onDemand(RegistryDao.class);
            environment.jersey().register(new ProvincesResource(registry));
            environment.jersey().register(new ProvinceResource(registry));

            environment.lifecycle().addServerLifecycleListener(server -> new StartupBanner(console)
                    .print(server, configuration, embedded));
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }
}
