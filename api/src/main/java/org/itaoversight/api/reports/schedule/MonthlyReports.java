package org.itaoversight.api.reports.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import javax.sql.DataSource;
import org.itaoversight.reporting.text.ThaiCalendar;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly report scheduler, on db-scheduler over the shared PostgreSQL: every API instance runs one, and the
 * database makes them one cluster.
 *
 * <ul>
 *   <li>A recurring tick (executed by one instance at a time) finds every enabled schedule whose time has come this
 *       month and creates the month's run — {@code UNIQUE (schedule_id, period)} makes a second creation impossible,
 *       so two instances never send a month twice — then schedules its delivery. A run missed while the service was
 *       down is simply due at the first tick after it comes back, and is sent once.</li>
 *   <li>A delivery is a one-time task per run, picked by exactly one instance; a failure is recorded on the run and
 *       retried with exponential backoff, and after the last attempt the run is FAILED with its error.</li>
 * </ul>
 */
public final class MonthlyReports implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(MonthlyReports.class);

    private final Jdbi postgres;
    private final ReportDelivery delivery;
    private final ReportsConfiguration configuration;
    private final Clock clock;
    private final OneTimeTask<Long> deliver;
    private final Scheduler scheduler;

    public MonthlyReports(DataSource dataSource, Jdbi postgres, ReportDelivery delivery, ReportsConfiguration configuration,
                          Clock clock, String instanceName) {
        this(dataSource, postgres, delivery, configuration, clock, instanceName, java.util.Optional.empty());
    }

    /**
     * @param snapshots when given, the monthly snapshot of measure completion into ClickHouse is also taken here: every
     *                  night the month just ended is (re)taken as of its last day, so charts over time fill themselves
     */
    public MonthlyReports(DataSource dataSource, Jdbi postgres, ReportDelivery delivery, ReportsConfiguration configuration,
                          Clock clock, String instanceName,
                          java.util.Optional<org.itaoversight.api.measures.CompletionSnapshots> snapshots) {
        this.postgres = postgres;
        this.delivery = delivery;
        this.configuration = configuration;
        this.clock = clock;
        int maxAttempts = configuration.getMaxAttempts();
        this.deliver = Tasks.oneTime("deliver-monthly-report", Long.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(maxAttempts - 1,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(
                                Duration.ofMillis(configuration.getFirstRetryDelay().toMilliseconds()),
                                configuration.getRetryBackoffMultiplier()),
                        (complete, operations) -> {
                            postgres.useExtension(ReportScheduleDao.class, dao -> dao.givenUp(
                                    (Long) complete.getExecution().taskInstance.getData()));
                            operations.stop();
                        }))
                .execute((instance, context) -> deliver(instance.getData()));
        RecurringTask<Void> tick = Tasks.recurring("monthly-report-tick",
                        FixedDelay.of(Duration.ofMillis(configuration.getTickInterval().toMilliseconds())))
                .execute((instance, context) -> tick());
        java.util.List<RecurringTask<Void>> recurring = new java.util.ArrayList<>(java.util.List.of(tick));
        snapshots.ifPresent(taker -> recurring.add(Tasks.recurring("measure-completion-snapshot",
                        com.github.kagkarlsson.scheduler.task.schedule.Schedules.daily(ThaiCalendar.BANGKOK,
                                java.time.LocalTime.of(1, 30)))
                .execute((instance, context) -> snapshotLastMonth(taker))));
        this.scheduler = Scheduler.create(dataSource, deliver)
                .startTasks(recurring)
                .schedulerName(new SchedulerName.Fixed(instanceName))
                .pollingInterval(Duration.ofMillis(configuration.getPollingInterval().toMilliseconds()))
                .threads(2)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /** Creates this month's run of every schedule that is due and has none, and schedules its delivery. */
    public void tick() {
        Instant now = clock.instant();
        postgres.useExtension(ReportScheduleDao.class, dao -> {
            for (ReportSchedule schedule : dao.enabled()) {
                ZonedDateTime local = now.atZone(ZoneId.of(schedule.timeZone()));
                YearMonth month = YearMonth.from(local);
                if (local.isBefore(schedule.dueIn(month))) {
                    continue;
                }
                dao.createRun(schedule.id(), month.toString(), schedule.scope().name(), schedule.code(),
                        schedule.recipients().toArray(new String[0])).ifPresent(runId -> {
                            LOG.info("Monthly report {} of schedule {} ({} {}) is due: run {}", month, schedule.id(),
                                    schedule.scope(), schedule.code(), runId);
                            scheduler.scheduleIfNotExists(deliver.instance("run-" + runId, runId), now);
                        });
            }
        });
    }

    /** The month that ended, as of its last day, for the fiscal year it belongs to (October starts the next one). */
    public void snapshotLastMonth(org.itaoversight.api.measures.CompletionSnapshots snapshots) {
        YearMonth last = YearMonth.from(clock.instant().atZone(ThaiCalendar.BANGKOK)).minusMonths(1);
        int fiscalYear = ThaiCalendar.fiscalYear(last.atEndOfMonth());
        int agencies = snapshots.take(last, fiscalYear);
        LOG.info("Measure completion of {} (fiscal year {}) snapshot into ClickHouse: {} agencies", last, fiscalYear, agencies);
    }

    private void deliver(long runId) {
        try {
            delivery.deliver(runId);
            LOG.info("Monthly report run {} sent", runId);
        } catch (Exception e) {
            int attempts = postgres.withExtension(ReportScheduleDao.class, dao -> dao.run(runId).map(ReportRun::attempts).orElse(0)) + 1;
            boolean last = e instanceof ReportDelivery.Undeliverable || attempts >= configuration.getMaxAttempts();
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            postgres.useExtension(ReportScheduleDao.class, dao -> dao.failed(runId, last ? "FAILED" : "RETRYING", error));
            LOG.warn("Monthly report run {} failed (attempt {} of {}): {}", runId, attempts, configuration.getMaxAttempts(), error);
            if (e instanceof ReportDelivery.Undeliverable) {
                return; // retrying cannot help: the run stays FAILED with its reason and the task ends
            }
            throw new IllegalStateException(error, e);
        }
    }

    @Override
    public void start() {
        scheduler.start();
    }

    @Override
    public void stop() {
        scheduler.stop();
    }
}
