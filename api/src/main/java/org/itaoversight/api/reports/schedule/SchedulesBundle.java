package org.itaoversight.api.reports.schedule;

import io.dropwizard.core.setup.Environment;
import java.util.Optional;
import org.itaoversight.api.FeatureBundle;
import org.itaoversight.api.Platform;
import org.itaoversight.api.health.SmtpHealthCheck;
import org.itaoversight.api.ita.ResultsBundle;
import org.itaoversight.api.measures.CompletionSnapshots;
import org.itaoversight.api.reports.ReportsBundle;

/**
 * Monthly report schedules: the administrator's schedules and their runs, the recipients looked up in Keycloak, and,
 * where {@code reports.schedulerEnabled}, the scheduler that renders, archives and mails each month's reports (with
 * the SMTP health check) and takes the monthly completion snapshot.
 */
public final class SchedulesBundle implements FeatureBundle {

    private final ResultsBundle results;
    private final ReportsBundle reports;
    private RecipientDirectory recipients;

    public SchedulesBundle(ResultsBundle results, ReportsBundle reports) {
        this.results = results;
        this.reports = reports;
    }

    @Override
    public void run(Platform platform, Environment environment) {
        ReportsConfiguration configuration = platform.configuration().getReports();
        var databases = platform.databases();
        ReportScheduleDao schedules = databases.postgres().onDemand(ReportScheduleDao.class);
        recipients = new KeycloakRecipientDirectory(platform.issuer(), configuration.getDirectoryClientId(),
                configuration.getDirectoryClientSecret(), platform.json());
        ReportDelivery delivery = new ReportDelivery(schedules, reports.reports().orElseThrow(),
                results.analytics().orElseThrow(), platform.registry(), platform.catalog(), recipients,
                platform.policy(), new SmtpMailer(configuration.getSmtp()), platform.json());
        ReportScheduleResources.register(environment.jersey(), schedules, platform.registry(), recipients, delivery,
                platform.policy(), platform.access(), new ScheduleWrites(databases.postgres(), platform.audit()));
        if (configuration.isSchedulerEnabled()) {
            environment.healthChecks().register("smtp", new SmtpHealthCheck(configuration.getSmtp().getHost(),
                    configuration.getSmtp().getPort(), configuration.getSmtp().getTimeout().toJavaDuration()));
            environment.lifecycle().manage(new MonthlyReports(databases.postgresDataSource(), databases.postgres(), delivery,
                    configuration, platform.clock(), "api-" + ProcessHandle.current().pid(),
                    Optional.of(new CompletionSnapshots(databases.postgres(), databases.clickhouse(), platform.clock()))));
        }
    }

    /** Who may receive reports, once this bundle has run. */
    public Optional<RecipientDirectory> recipients() {
        return Optional.ofNullable(recipients);
    }
}
