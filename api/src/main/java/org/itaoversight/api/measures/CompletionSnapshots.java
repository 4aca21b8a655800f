package org.itaoversight.api.measures;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Takes the monthly snapshot of measure completion: every agency's figures as of the last day of the month, from
 * PostgreSQL into ClickHouse ({@code measure_completion_snapshot}). Taking a month again replaces it.
 */
public final class CompletionSnapshots {

    private final Jdbi postgres;
    private final Jdbi clickhouse;
    private final Clock clock;

    public CompletionSnapshots(Jdbi postgres, Jdbi clickhouse, Clock clock) {
        this.postgres = postgres;
        this.clickhouse = clickhouse;
        this.clock = clock;
    }

    /** @return the number of agencies in the snapshot */
    public int take(YearMonth month, int fiscalYear) {
        LocalDate asOf = month.atEndOfMonth();
        List<MeasureDao.ProvinceCompletionRow> rows = postgres.withExtension(MeasureDao.class,
                dao -> dao.nationalCompletion(fiscalYear, asOf));
        if (rows.isEmpty()) {
            return 0;
        }
        Timestamp takenAt = Timestamp.from(clock.instant());
        clickhouse.useHandle(handle -> {
            PreparedBatch batch = handle.prepareBatch("INSERT INTO measure_completion_snapshot (snapshot_month, fiscal_year, "
                    + "province_code, agency_code, planned, done, done_on_time, overdue, taken_at) VALUES "
                    + "(:month, :year, :province, :agency, :planned, :done, :onTime, :overdue, :takenAt)");
            for (MeasureDao.ProvinceCompletionRow row : rows) {
                batch.bind("month", Date.valueOf(month.atDay(1))).bind("year", fiscalYear).bind("province", row.provinceCode())
                        .bind("agency", row.agencyCode()).bind("planned", row.planned()).bind("done", row.done())
                        .bind("onTime", row.doneOnTime()).bind("overdue", row.overdue()).bind("takenAt", takenAt).add();
            }
            batch.execute();
        });
        new org.itaoversight.api.ita.analytics.DataVersion(postgres).bump("completion snapshot " + month + " of " + fiscalYear);
        return rows.size();
    }

    /** A province's completion month by month, from the snapshots. */
    public record Month(LocalDate month, long agencies, long planned, long done, long doneOnTime, long overdue) {
    }

    public List<Month> provinceMonths(String province, int fiscalYear) {
        return clickhouse.withHandle(handle -> handle.createQuery("""
                        SELECT snapshot_month AS month, count() AS agencies, sum(planned) AS planned, sum(done) AS done,
                               sum(done_on_time) AS done_on_time, sum(overdue) AS overdue
                        FROM measure_completion_snapshot FINAL
                        WHERE province_code = :province AND fiscal_year = :year
                        GROUP BY snapshot_month ORDER BY snapshot_month""")
                .bind("province", province).bind("year", fiscalYear)
                .map((rs, ctx) -> new Month(rs.getObject("month", LocalDate.class), rs.getLong("agencies"), rs.getLong("planned"),
                        rs.getLong("done"), rs.getLong("done_on_time"), rs.getLong("overdue")))
                .list());
    }
}
