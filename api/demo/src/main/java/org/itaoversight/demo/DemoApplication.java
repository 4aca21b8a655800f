package org.itaoversight.demo;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.itaoversight.api.Databases;
import org.itaoversight.api.LocalServers;
import org.itaoversight.api.OversightApplication;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.StartupBanner;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.api.reports.schedule.ReportScheduleDao;
import org.itaoversight.demo.seeding.DemoResults;
import org.itaoversight.demo.seeding.DemoSchedules;
import org.itaoversight.embedded.mail.EmbeddedMailCatcher;

/**
 * The product with the demo stack: the same application, whose configuration ({@link DemoConfiguration}) may ask
 * for embedded servers, which are started before it wires up; plus the {@code demo}, {@code generate} and
 * {@code bench} commands. The jar {@code api/demo/target/ita-oversight-demo.jar} that {@code ./oversight demo} runs.
 */
public class DemoApplication extends OversightApplication {

    private EmbeddedServices embedded;

    public DemoApplication() {
        this(System.out);
    }

    public DemoApplication(PrintStream console) {
        super(console);
    }

    public static void main(String[] args) throws Exception {
        new DemoApplication().run(args);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<OversightConfiguration> getConfigurationClass() {
        return (Class) DemoConfiguration.class;
    }

    @Override
    public void initialize(Bootstrap<OversightConfiguration> bootstrap) {
        super.initialize(bootstrap);
        bootstrap.addCommand(new DemoCommand(this));
        bootstrap.addCommand(new GenerateCommand(console()));
        bootstrap.addCommand(new BenchCommand(console()));
    }

    @Override
    public LocalServers startLocalServers(OversightConfiguration configuration, boolean signIn) {
        embedded = EmbeddedServices.start((DemoConfiguration) configuration, signIn);
        return embedded;
    }

    @Override
    public void run(OversightConfiguration configuration, Environment environment) {
        DemoConfiguration demo = (DemoConfiguration) configuration;
        if (demo.getEmbedded().isMailCatcher()) {
            var smtp = demo.getReports().getSmtp();
            environment.lifecycle().manage(new EmbeddedMailCatcher(smtp.getHost(), smtp.getPort(),
                    demo.getEmbedded().dataPath().resolve("mail")));
        }
        super.run(configuration, environment);
        if (demo.isSeedDemoData()) {
            try {
                Databases databases = running().orElseThrow().databases();
                new DemoResults(Catalog.bundled(), databases.clickhouse(), databases.postgres())
                        .seedIfEmpty(new RegistrySource(demo.getRegistry()).load(), demo.getEmbedded().dataPath().resolve("demo-results"));
                new DemoSchedules(databases.postgres().onDemand(ReportScheduleDao.class)).seedIfNone();
            } catch (RuntimeException e) {
                embedded.close();
                throw e;
            }
        }
    }

    /** The product's banner with where the embedded servers are, the demo users and a token example. */
    @Override
    protected void printStartupBanner(Server server, OversightConfiguration configuration) {
        DemoConfiguration demo = (DemoConfiguration) configuration;
        Path data = demo.getEmbedded().dataPath();
        var smtp = demo.getReports().getSmtp();
        List<StartupBanner.Line> servers = List.of(
                new StartupBanner.Line("PostgreSQL", embedded.postgres()
                        .map(pg -> pg.jdbcUrl() + "  (embedded, data in " + data.resolve("postgres") + ")")
                        .orElse(demo.getDatabase().getUrl())),
                new StartupBanner.Line("ClickHouse", embedded.clickhouse()
                        .map(ch -> "http://127.0.0.1:" + ch.httpPort() + "  (embedded " + ch.version() + ", pid " + ch.pid()
                                + ", data in " + ch.workDirectory() + ")")
                        .orElse(demo.getClickhouse().getUrl())),
                new StartupBanner.Line("SMTP", smtp.getHost() + ":" + smtp.getPort() + (demo.getEmbedded().isMailCatcher()
                        ? "  (embedded mail catcher; monthly reports kept in " + data.resolve("mail") + ")" : "")),
                new StartupBanner.Line("Keycloak", embedded.keycloak()
                        .map(kc -> kc.baseUrl() + "/admin  (embedded; realm " + EmbeddedServices.REALM
                                + ", admin console user admin / admin)")
                        .orElse(demo.getAuth().getIssuer())));
        new StartupBanner(console()).print(server, servers, embedded.keycloak()
                .map(kc -> signInHelp(kc.issuer(EmbeddedServices.REALM), StartupBanner.port(server))).orElse(""));
    }

    private static String signInHelp(String issuer, int port) {
        StringBuilder text = new StringBuilder("\nSign in as (password ").append(DemoUsers.PASSWORD).append(" for all):\n");
        DemoUsers.load().forEach(user -> text.append("  ").append(String.format("%-22s", user.username()))
                .append(user.description()).append('\n'));
        return text.append("\nA token for scripts, e.g. as the officer of นครปฐม:\n")
                .append("  curl -s -d grant_type=password -d client_id=ita-oversight-scripts")
                .append(" -d client_secret=ita-oversight-scripts-secret -d username=officer-nakhonpathom")
                .append(" -d password=").append(DemoUsers.PASSWORD).append(" \\\n    ")
                .append(issuer).append("/protocol/openid-connect/token\n")
                .append("  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:").append(port)
                .append("/api/v1/provinces/73/agencies\n")
                .append("  curl -H \"Authorization: Bearer $TOKEN\" 'http://127.0.0.1:").append(port)
                .append("/api/v1/provinces/73/ita/ranking?year=2568'\n")
                .append("  curl -o p73.pdf -H \"Authorization: Bearer $TOKEN\" 'http://127.0.0.1:").append(port)
                .append("/api/v1/provinces/73/report.pdf?year=2568'\n\n").toString();
    }
}
