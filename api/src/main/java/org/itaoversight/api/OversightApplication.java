package org.itaoversight.api;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.itaoversight.api.admin.AdminPortBundle;
import org.itaoversight.api.audit.AuditBundle;
import org.itaoversight.api.auth.TokenAuthenticator;
import org.itaoversight.api.auth.TokenVerifier;
import org.itaoversight.api.commands.CorpusCheckCommand;
import org.itaoversight.api.commands.ExportLoginThemeCommand;
import org.itaoversight.api.commands.ImportAnalysisCommand;
import org.itaoversight.api.commands.ImportMeasuresCommand;
import org.itaoversight.api.commands.LoadItaCommand;
import org.itaoversight.api.commands.MigrateCommand;
import org.itaoversight.api.commands.RenderCommand;
import org.itaoversight.api.commands.SnapshotMeasuresCommand;
import org.itaoversight.api.dashboard.DashboardBundle;
import org.itaoversight.api.exports.ExportsBundle;
import org.itaoversight.api.health.KeycloakHealthCheck;
import org.itaoversight.api.http.HttpBundle;
import org.itaoversight.api.ita.ResultsBundle;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.measures.MeasuresBundle;
import org.itaoversight.api.openapi.OpenApiBundle;
import org.itaoversight.api.registry.RegistryBundle;
import org.itaoversight.api.reports.ReportPdfs;
import org.itaoversight.api.reports.ReportsBundle;
import org.itaoversight.api.reports.schedule.RecipientDirectory;
import org.itaoversight.api.reports.schedule.SchedulesBundle;
import org.itaoversight.migrations.postgres.PostgresMigrator;
import org.itaoversight.tenants.access.OversightPrincipal;

/** ITA Oversight: the Dropwizard application, wired by hand. */
public class OversightApplication extends Application<OversightConfiguration> {

    /** What a started application is made of, for integration tests that build more of it (a second scheduler). */
    public record Running(Databases databases, ReportPdfs reports, RecipientDirectory recipients) {
    }

    private Running running;

    public Optional<Running> running() {
        return Optional.ofNullable(running);
    }


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
        // Dates and times as ISO-8601 text ("2023-06-30"), not arrays or epoch numbers.
        bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new AdminPortBundle());
        DashboardBundle.assets().forEach(bootstrap::addBundle);
        bootstrap.addCommand(new MigrateCommand());
        bootstrap.addCommand(new ImportAnalysisCommand(console));
        bootstrap.addCommand(new LoadItaCommand(console));
        bootstrap.addCommand(new SnapshotMeasuresCommand(console));
        bootstrap.addCommand(new ImportMeasuresCommand(console));
        bootstrap.addCommand(new CorpusCheckCommand(console));
        bootstrap.addCommand(new RenderCommand(console));
        bootstrap.addCommand(new ExportLoginThemeCommand(console));
    }

    /** The schemas, the sign-in, then the features, each registering its own resources and jobs. */
    @Override
    public void run(OversightConfiguration configuration, Environment environment) {
        LocalServers local = startLocalServers(configuration, true);
        environment.lifecycle().manage(local);
        try {
            Platform platform = Platform.of(configuration, openAndMigrate(configuration, environment), Catalog.bundled(),
                    Clock.systemUTC(), environment.getObjectMapper());
            registerAuthentication(platform, environment);

            ResultsBundle results = new ResultsBundle();
            ReportsBundle reports = new ReportsBundle(results);
            SchedulesBundle schedules = new SchedulesBundle(results, reports);
            List.of(new HttpBundle(),
                    new RegistryBundle(),
                    results,
                    new MeasuresBundle(),
                    new ExportsBundle(),
                    reports,
                    schedules,
                    new AuditBundle(),
                    new DashboardBundle(),
                    new OpenApiBundle()).forEach(feature -> feature.run(platform, environment));

            this.running = new Running(platform.databases(), reports.reports().orElseThrow(), schedules.recipients().orElseThrow());
            environment.lifecycle().addServerLifecycleListener(server -> printStartupBanner(server, configuration));
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    /** Both databases, their schemas applied first unless the configuration says otherwise. */
    private static Databases openAndMigrate(OversightConfiguration configuration, Environment environment) {
        Databases databases = Databases.open(configuration, environment);
        if (configuration.isMigrateOnStart()) {
            new PostgresMigrator(databases.postgresDataSource()).migrate();
        }
        if (configuration.getClickhouse().isMigrateOnStart()) {
            databases.clickhouseMigrator().migrate("ita-oversight start-up");
        }
        return databases;
    }

    /**
     * Starts the servers that {@code configuration} wants on this machine, before the application connects to them,
     * and fills their addresses into it. The product starts none: its configuration names running servers. The demo
     * stack overrides this to start embedded ones.
     *
     * @param signIn whether the sign-in server is wanted too (batch commands need none)
     */
    public LocalServers startLocalServers(OversightConfiguration configuration, boolean signIn) {
        return LocalServers.NONE;
    }

    /** Tells the person who started the application where everything is. */
    protected void printStartupBanner(Server server, OversightConfiguration configuration) {
        var smtp = configuration.getReports().getSmtp();
        new StartupBanner(console).print(server, List.of(
                new StartupBanner.Line("PostgreSQL", configuration.getDatabase().getUrl()),
                new StartupBanner.Line("ClickHouse", configuration.getClickhouse().getUrl()),
                new StartupBanner.Line("SMTP", smtp.getHost() + ":" + smtp.getPort()),
                new StartupBanner.Line("Keycloak", configuration.getAuth().getIssuer())), "");
    }

    protected PrintStream console() {
        return console;
    }

    /**
     * Every resource method with an {@code @Auth} principal requires a valid bearer token of the configured realm
     * (401 otherwise); the realm's reachability is a health check.
     */
    private static void registerAuthentication(Platform platform, Environment environment) {
        TokenVerifier verifier = TokenVerifier.forConfiguration(platform.configuration().getAuth(), platform.issuer());
        environment.healthChecks().register("keycloak", new KeycloakHealthCheck(platform.issuer(), platform.json()));
        environment.jersey().register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<OversightPrincipal>()
                .setAuthenticator(new TokenAuthenticator(verifier))
                .setPrefix("Bearer")
                .setRealm("ita-oversight")
                .buildAuthFilter()));
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(OversightPrincipal.class));
    }
}
