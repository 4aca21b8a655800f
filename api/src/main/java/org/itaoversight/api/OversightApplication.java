package org.itaoversight.api;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.io.PrintStream;
import java.time.Clock;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import org.itaoversight.api.audit.AuditDao;
import org.itaoversight.api.audit.AuditEventsResource;
import org.itaoversight.api.audit.AuditLog;
import org.itaoversight.api.auth.TokenAuthenticator;
import org.itaoversight.api.auth.TokenVerifier;
import org.itaoversight.api.commands.ExportLoginThemeCommand;
import org.itaoversight.api.commands.ImportAnalysisCommand;
import org.itaoversight.api.commands.ImportMeasuresCommand;
import org.itaoversight.api.commands.RenderCommand;
import org.itaoversight.api.commands.LoadItaCommand;
import org.itaoversight.api.commands.MigrateCommand;
import org.itaoversight.api.commands.SnapshotMeasuresCommand;
import org.itaoversight.api.ita.analytics.AgencyResultsResource;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.ita.analytics.NationalResultsResource;
import org.itaoversight.api.ita.analytics.ProvinceResultsResource;
import org.itaoversight.api.ita.api.ResultLoadExceptionMapper;
import org.itaoversight.api.ita.api.ResultLoadChecksResource;
import org.itaoversight.api.ita.api.ResultLoadsResource;
import org.itaoversight.api.ita.loading.ResultLoadDao;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.loading.ResultFileReader;
import org.itaoversight.api.ita.loading.ResultLoader;
import org.itaoversight.api.measures.MeasuresModule;
import org.itaoversight.api.reports.ReportData;
import org.itaoversight.api.reports.ReportPdfs;
import org.itaoversight.api.reports.ReportResources;
import org.itaoversight.api.reports.schedule.KeycloakRecipientDirectory;
import org.itaoversight.api.reports.schedule.MonthlyReports;
import org.itaoversight.api.reports.schedule.RecipientDirectory;
import org.itaoversight.api.reports.schedule.ReportDelivery;
import org.itaoversight.api.reports.schedule.ReportScheduleDao;
import org.itaoversight.api.reports.schedule.ReportScheduleResources;
import org.itaoversight.api.reports.schedule.SmtpMailer;
import org.itaoversight.api.reports.schedule.ReportsConfiguration;
import org.itaoversight.api.measures.importing.MeasuresReportReader;
import org.itaoversight.api.registry.AgencyResource;
import org.itaoversight.api.registry.PostgresAgencyDirectory;
import org.itaoversight.api.registry.ProvinceResource;
import org.itaoversight.api.registry.RegistryAgenciesResource;
import org.itaoversight.api.registry.ProvincesResource;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.api.registry.RegistryDao;
import org.itaoversight.api.registry.RegistryLoader;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;

/** ITA Oversight: the Dropwizard application, wired by hand. */
public class OversightApplication extends Application<OversightConfiguration> {

    /** What a started application is made of, for integration tests that build more of it (a second scheduler). */
    public record Running(Databases databases, ReportPdfs reports, RecipientDirectory recipients) {
    }

    private Running running;

    public java.util.Optional<Running> running() {
        return java.util.Optional.ofNullable(running);
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
        bootstrap.getObjectMapper().disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new io.dropwizard.assets.AssetsBundle("/assets/app", "/app", "index.html", "dashboard"));
        // The dashboard's Thai font: the same Sarabun files the reports embed (fetched by the reporting build).
        bootstrap.addBundle(new io.dropwizard.assets.AssetsBundle(org.itaoversight.reporting.ReportFonts.DIRECTORY, "/fonts", null, "fonts"));
        bootstrap.addCommand(new MigrateCommand());
        bootstrap.addCommand(new ImportAnalysisCommand(console));
        bootstrap.addCommand(new LoadItaCommand(console));
        bootstrap.addCommand(new SnapshotMeasuresCommand(console));
        bootstrap.addCommand(new ImportMeasuresCommand(console));
        bootstrap.addCommand(new RenderCommand(console));
        bootstrap.addCommand(new ExportLoginThemeCommand(console));
    }

    @Override
    public void run(OversightConfiguration configuration, Environment environment) {
        LocalServers local = startLocalServers(configuration, true);
        environment.lifecycle().manage(local);
        try {
            Databases databases = Databases.open(configuration, environment);
            if (configuration.isMigrateOnStart()) {
                new org.itaoversight.migrations.postgres.PostgresMigrator(databases.postgresDataSource()).migrate();
            }
            if (configuration.getClickhouse().isMigrateOnStart()) {
                databases.clickhouseMigrator().migrate("ita-oversight start-up");
            }
            Catalog catalog = Catalog.bundled();
            if (configuration.getRegistry().isLoadOnStart()) {
                RegistrySource source = new RegistrySource(configuration.getRegistry());
                new RegistryLoader(databases.postgres(), databases.clickhouse(), Clock.systemUTC()).load(source.load(), source.describe());
            }

            RegistryDao registry = databases.postgres().onDemand(RegistryDao.class);
            AccessPolicy policy = new AccessPolicy(new PostgresAgencyDirectory(registry));
            RegistryAccess access = new RegistryAccess(registry, policy);
            AuditLog audit = new AuditLog(environment.getObjectMapper());
            registerAuthentication(environment, TokenVerifier.forConfiguration(configuration.getAuth(),
                    configuration.getAuth().getIssuer()));

            environment.jersey().register(new ProvincesResource(registry, policy));
            environment.jersey().register(new ProvinceResource(registry, access));
            environment.jersey().register(new AgencyResource(access));
            environment.jersey().register(new RegistryAgenciesResource(
                    new RegistryLoader(databases.postgres(), databases.clickhouse(), Clock.systemUTC()), policy, audit));
            environment.jersey().register(new AuditEventsResource(databases.postgres().onDemand(AuditDao.class), policy));

            java.util.function.Supplier<ResultFileReader> resultReader =
                    () -> new ResultFileReader(catalog, new PostgresAgencyDirectory(registry).snapshot());
            ResultLoadDao resultLoads = databases.postgres().onDemand(ResultLoadDao.class);
            environment.jersey().register(new ResultLoadsResource(resultReader,
                    new ResultLoader(databases.clickhouse(), databases.postgres(), Clock.systemUTC()), policy, audit,
                    databases.postgres(), resultLoads));
            environment.jersey().register(new ResultLoadChecksResource(resultReader, resultLoads, policy));
            environment.jersey().register(new ResultLoadExceptionMapper());
            // One cache of analytics answers, keyed by the data version, for every analytics endpoint and the reports.
            org.itaoversight.api.ita.analytics.AnalyticsCache analyticsCache = new org.itaoversight.api.ita.analytics.AnalyticsCache(
                    new org.itaoversight.api.ita.analytics.DataVersion(databases.postgres()), 5_000, java.time.Duration.ofMinutes(30));
            analyticsCache.registerMetrics(environment.metrics());
            AnalyticsDao analytics = analyticsCache.wrap(databases.clickhouse().onDemand(AnalyticsDao.class));
            environment.jersey().register(new ProvinceResultsResource(analytics, access, catalog));
            environment.jersey().register(new AgencyResultsResource(analytics, access, catalog));
            environment.jersey().register(new NationalResultsResource(analytics, catalog, policy));
            MeasuresModule.register(environment.jersey(), databases.postgres(), databases.clickhouse(), access,
                    environment.getObjectMapper(), Clock.systemUTC(),
                    () -> new MeasuresReportReader(catalog, new PostgresAgencyDirectory(registry).registrySnapshot()));

            ReportPdfs reports = new ReportPdfs(new ReportData(analytics, databases.postgres().onDemand(
                    org.itaoversight.api.measures.MeasureDao.class), registry, catalog, Clock.systemUTC()), Clock.systemUTC());
            environment.jersey().register(new org.itaoversight.api.dashboard.DashboardConfigResource(
                    configuration.getAuth().getIssuer(), catalog));
            environment.jersey().register(new ReportResources.OfAgency(reports, access, catalog));
            environment.jersey().register(new ReportResources.OfProvince(reports, access, catalog));
            ReportsConfiguration reportsConfiguration = configuration.getReports();
            ReportScheduleDao schedules = databases.postgres().onDemand(ReportScheduleDao.class);
            RecipientDirectory recipients = new KeycloakRecipientDirectory(configuration.getAuth().getIssuer(),
                    reportsConfiguration.getDirectoryClientId(), reportsConfiguration.getDirectoryClientSecret(),
                    environment.getObjectMapper());
            ReportDelivery delivery = new ReportDelivery(schedules, reports, analytics, registry, catalog, recipients, policy,
                    new SmtpMailer(reportsConfiguration.getSmtp()), environment.getObjectMapper());
            ReportScheduleResources.register(environment.jersey(), schedules, registry, recipients, delivery, policy, access);
            environment.healthChecks().register("keycloak",
                    new org.itaoversight.api.health.KeycloakHealthCheck(configuration.getAuth().getIssuer(), environment.getObjectMapper()));
            if (reportsConfiguration.isSchedulerEnabled()) {
                environment.healthChecks().register("smtp", new org.itaoversight.api.health.SmtpHealthCheck(
                        reportsConfiguration.getSmtp().getHost(), reportsConfiguration.getSmtp().getPort(),
                        reportsConfiguration.getSmtp().getTimeout().toJavaDuration()));
                environment.lifecycle().manage(new MonthlyReports(databases.postgresDataSource(), databases.postgres(), delivery,
                        reportsConfiguration, Clock.systemUTC(), "api-" + ProcessHandle.current().pid(),
                        java.util.Optional.of(new org.itaoversight.api.measures.CompletionSnapshots(databases.postgres(),
                                databases.clickhouse(), Clock.systemUTC()))));
            }
            this.running = new Running(databases, reports, recipients);

            environment.lifecycle().addServerLifecycleListener(server -> printStartupBanner(server, configuration));
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
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
    protected void printStartupBanner(org.eclipse.jetty.server.Server server, OversightConfiguration configuration) {
        var smtp = configuration.getReports().getSmtp();
        new StartupBanner(console).print(server, java.util.List.of(
                new StartupBanner.Line("PostgreSQL", configuration.getDatabase().getUrl()),
                new StartupBanner.Line("ClickHouse", configuration.getClickhouse().getUrl()),
                new StartupBanner.Line("SMTP", smtp.getHost() + ":" + smtp.getPort()),
                new StartupBanner.Line("Keycloak", configuration.getAuth().getIssuer())), "");
    }

    protected PrintStream console() {
        return console;
    }

    /** Every resource method with an {@code @Auth} principal requires a valid bearer token (401 otherwise). */
    private static void registerAuthentication(Environment environment, TokenVerifier verifier) {
        environment.jersey().register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<OversightPrincipal>()
                .setAuthenticator(new TokenAuthenticator(verifier))
                .setPrefix("Bearer")
                .setRealm("ita-oversight")
                .buildAuthFilter()));
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(OversightPrincipal.class));
    }
}
