package org.itaoversight.api.reports.schedule;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Report schedules and their monthly runs in PostgreSQL. */
@RegisterRowMapper(ReportScheduleDao.ScheduleMapper.class)
@RegisterRowMapper(ReportScheduleDao.RunMapper.class)
public interface ReportScheduleDao {

    String SCHEDULE = "id, scope, code, day_of_month, time_of_day, time_zone, recipients, thai_digits, enabled, created_by, created_at";
    String RUN = "id, schedule_id, period, scope, code, status, attempts, last_error, fiscal_year, sha256, recipients, "
            + "created_at, updated_at, sent_at";

    @SqlUpdate("INSERT INTO report_schedule (scope, code, day_of_month, time_of_day, time_zone, recipients, thai_digits, enabled, "
            + "created_by) VALUES (:scope, :code, :day, :time, :zone, :recipients, :thaiDigits, :enabled, :by)")
    @GetGeneratedKeys("id")
    long insert(@Bind("scope") String scope, @Bind("code") String code, @Bind("day") int day, @Bind("time") LocalTime time,
                @Bind("zone") String zone, @Bind("recipients") String[] recipients, @Bind("thaiDigits") boolean thaiDigits,
                @Bind("enabled") boolean enabled, @Bind("by") String createdBy);

    @SqlUpdate("UPDATE report_schedule SET day_of_month = :day, time_of_day = :time, time_zone = :zone, recipients = :recipients, "
            + "thai_digits = :thaiDigits, enabled = :enabled WHERE id = :id")
    int update(@Bind("id") long id, @Bind("day") int day, @Bind("time") LocalTime time, @Bind("zone") String zone,
               @Bind("recipients") String[] recipients, @Bind("thaiDigits") boolean thaiDigits, @Bind("enabled") boolean enabled);

    /** Archives a schedule (never deleted: its runs and PDFs stay); it leaves the list and is never run again. */
    @SqlUpdate("UPDATE report_schedule SET archived_at = now(), archived_by = :by, enabled = false "
            + "WHERE id = :id AND archived_at IS NULL")
    int archive(@Bind("id") long id, @Bind("by") String archivedBy);

    @SqlQuery("SELECT " + SCHEDULE + " FROM report_schedule WHERE id = :id AND archived_at IS NULL")
    Optional<ReportSchedule> find(@Bind("id") long id);

    @SqlQuery("SELECT " + SCHEDULE + " FROM report_schedule WHERE archived_at IS NULL ORDER BY id")
    List<ReportSchedule> list();

    @SqlQuery("SELECT " + SCHEDULE + " FROM report_schedule WHERE enabled AND archived_at IS NULL ORDER BY id")
    List<ReportSchedule> enabled();

    /** Creates the month's run unless it exists; the id when this call created it. */
    @SqlQuery("INSERT INTO report_run (schedule_id, period, scope, code, status, recipients) "
            + "VALUES (:schedule, :period, :scope, :code, 'PENDING', :recipients) "
            + "ON CONFLICT (schedule_id, period) DO NOTHING RETURNING id")
    Optional<Long> createRun(@Bind("schedule") long schedule, @Bind("period") String period, @Bind("scope") String scope,
                             @Bind("code") String code, @Bind("recipients") String[] recipients);

    @SqlQuery("SELECT " + RUN + " FROM report_run WHERE id = :id")
    Optional<ReportRun> run(@Bind("id") long id);

    @SqlQuery("SELECT " + RUN + " FROM report_run WHERE schedule_id = :schedule ORDER BY period DESC")
    List<ReportRun> runs(@Bind("schedule") long schedule);

    @SqlQuery("SELECT pdf FROM report_run WHERE id = :id AND pdf IS NOT NULL")
    Optional<byte[]> pdf(@Bind("id") long id);

    @SqlUpdate("UPDATE report_run SET fiscal_year = :year, parameters = CAST(:parameters AS jsonb), pdf = :pdf, sha256 = :sha, "
            + "updated_at = now() WHERE id = :id")
    void archive(@Bind("id") long id, @Bind("year") int year, @Bind("parameters") String parameters, @Bind("pdf") byte[] pdf,
                 @Bind("sha") String sha256);

    @SqlUpdate("UPDATE report_run SET status = 'SENT', attempts = attempts + 1, last_error = NULL, sent_at = now(), "
            + "updated_at = now() WHERE id = :id")
    void sent(@Bind("id") long id);

    @SqlUpdate("UPDATE report_run SET status = :status, attempts = attempts + 1, last_error = :error, updated_at = now() "
            + "WHERE id = :id")
    void failed(@Bind("id") long id, @Bind("status") String status, @Bind("error") String error);

    @SqlUpdate("UPDATE report_run SET status = 'FAILED', updated_at = now() WHERE id = :id")
    void givenUp(@Bind("id") long id);

    final class ScheduleMapper implements RowMapper<ReportSchedule> {
        @Override
        public ReportSchedule map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ReportSchedule(rs.getLong("id"), ReportScope.valueOf(rs.getString("scope")), rs.getString("code"),
                    rs.getInt("day_of_month"), rs.getObject("time_of_day", LocalTime.class), rs.getString("time_zone"),
                    strings(rs.getArray("recipients")), rs.getBoolean("thai_digits"), rs.getBoolean("enabled"),
                    rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
        }
    }

    final class RunMapper implements RowMapper<ReportRun> {
        @Override
        public ReportRun map(ResultSet rs, StatementContext ctx) throws SQLException {
            int year = rs.getInt("fiscal_year");
            Optional<Integer> fiscalYear = rs.wasNull() ? Optional.empty() : Optional.of(year);
            return new ReportRun(rs.getLong("id"), rs.getLong("schedule_id"), rs.getString("period"),
                    ReportScope.valueOf(rs.getString("scope")), rs.getString("code"), rs.getString("status"), rs.getInt("attempts"),
                    Optional.ofNullable(rs.getString("last_error")), fiscalYear, Optional.ofNullable(rs.getString("sha256")),
                    strings(rs.getArray("recipients")), rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("updated_at", OffsetDateTime.class), Optional.ofNullable(rs.getObject("sent_at", OffsetDateTime.class)));
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
