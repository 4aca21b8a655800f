package org.itaoversight.api.measures;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Measures and their history in PostgreSQL; every query is scoped by the agency code. */
@RegisterRowMapper(MeasureDao.MeasureMapper.class)
public interface MeasureDao {

    String COLUMNS = "id, agency_code, fiscal_year, number, title, targets, steps, responsible_units, period_start, "
            + "period_end, period_text, status, progress, completed_on, output, outcome, evidence_links, version, created_at, updated_at";

    @SqlUpdate("""
            INSERT INTO measure (agency_code, fiscal_year, number, title, targets, steps, responsible_units, period_start,
                                 period_end, period_text, status, progress, completed_on, output, outcome, evidence_links)
            VALUES (:agency, :year, :number, :title, :targets, :steps, :units, :start, :end, :periodText, :status, :progress,
                    :completedOn, :output, :outcome, :links)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("agency") String agency, @Bind("year") int year, @Bind("number") int number, @Bind("title") String title,
                @Bind("targets") String[] targets, @Bind("steps") String steps, @Bind("units") String[] units,
                @Bind("start") LocalDate start, @Bind("end") LocalDate end, @Bind("periodText") String periodText,
                @Bind("status") String status, @Bind("progress") int progress, @Bind("completedOn") LocalDate completedOn,
                @Bind("output") String output, @Bind("outcome") String outcome, @Bind("links") String[] links);

    /** Updates only when the stored version is the one the client read; returns the rows changed (0 or 1). */
    @SqlUpdate("""
            UPDATE measure SET fiscal_year = :year, number = :number, title = :title, targets = :targets, steps = :steps,
                   responsible_units = :units, period_start = :start, period_end = :end, period_text = :periodText,
                   status = :status, progress = :progress, completed_on = :completedOn, output = :output, outcome = :outcome,
                   evidence_links = :links, version = version + 1, updated_at = now()
            WHERE id = :id AND agency_code = :agency AND version = :version""")
    int update(@Bind("id") long id, @Bind("agency") String agency, @Bind("version") int version, @Bind("year") int year,
               @Bind("number") int number, @Bind("title") String title, @Bind("targets") String[] targets,
               @Bind("steps") String steps, @Bind("units") String[] units, @Bind("start") LocalDate start,
               @Bind("end") LocalDate end, @Bind("periodText") String periodText, @Bind("status") String status,
               @Bind("progress") int progress, @Bind("completedOn") LocalDate completedOn, @Bind("output") String output,
               @Bind("outcome") String outcome, @Bind("links") String[] links);

    @SqlQuery("SELECT " + COLUMNS + " FROM measure WHERE id = :id AND agency_code = :agency")
    Optional<Measure> find(@Bind("agency") String agency, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM measure WHERE agency_code = :agency AND fiscal_year = :year AND number = :number")
    Optional<Measure> findByNumber(@Bind("agency") String agency, @Bind("year") int year, @Bind("number") int number);

    @SqlQuery("SELECT " + COLUMNS + " FROM measure WHERE agency_code = :agency AND (:year::int IS NULL OR fiscal_year = :year) "
            + "AND (:status::text IS NULL OR status = :status) ORDER BY fiscal_year DESC, number")
    List<Measure> list(@Bind("agency") String agency, @Bind("year") Integer year, @Bind("status") String status);

    @SqlQuery("SELECT m.id, m.agency_code, m.fiscal_year, m.number, m.title, m.targets, m.steps, m.responsible_units, "
            + "m.period_start, m.period_end, m.period_text, m.status, m.progress, m.completed_on, m.output, m.outcome, "
            + "m.evidence_links, m.version, m.created_at, m.updated_at FROM measure m JOIN agency a ON a.code = m.agency_code "
            + "WHERE a.province_code = :province AND (:agency::text IS NULL OR m.agency_code = :agency) "
            + "AND m.fiscal_year = :year AND m.status <> 'CANCELLED' AND cardinality(m.targets) > 0 ORDER BY m.agency_code, m.number")
    List<Measure> targeted(@Bind("province") String province, @Bind("agency") String agencyOrNull, @Bind("year") int year);

    @SqlUpdate("INSERT INTO measure_history (measure_id, version, subject, username, action, changes) "
            + "VALUES (:measure, :version, :subject, :username, :action, CAST(:changes AS jsonb))")
    void recordHistory(@Bind("measure") long measure, @Bind("version") int version, @Bind("subject") String subject,
                       @Bind("username") String username, @Bind("action") String action, @Bind("changes") String changesJson);

    /** One recorded change. */
    record HistoryEntry(int version, OffsetDateTime changedAt, String username, String action, String changes) {
    }

    @SqlQuery("SELECT version, changed_at, username, action, changes::text AS changes FROM measure_history "
            + "WHERE measure_id = :measure ORDER BY id")
    @RegisterConstructorMapper(HistoryEntry.class)
    List<HistoryEntry> history(@Bind("measure") long measure);

    /** Completion of one agency's measures of a year, as of a day. */
    record CompletionRow(String agencyCode, long planned, long done, long doneOnTime, long overdue) {
    }

    String COMPLETION = """
            SELECT m.agency_code,
                   count(*) FILTER (WHERE m.status <> 'CANCELLED') AS planned,
                   count(*) FILTER (WHERE m.status = 'DONE' AND m.completed_on <= :asOf) AS done,
                   count(*) FILTER (WHERE m.status = 'DONE' AND m.completed_on <= :asOf
                                      AND (m.period_end IS NULL OR m.completed_on <= m.period_end)) AS done_on_time,
                   count(*) FILTER (WHERE m.status <> 'CANCELLED' AND m.period_end < :asOf
                                      AND NOT (m.status = 'DONE' AND m.completed_on <= :asOf)) AS overdue
            FROM measure m""";

    @SqlQuery(COMPLETION + " WHERE m.agency_code = :agency AND m.fiscal_year = :year GROUP BY m.agency_code")
    @RegisterConstructorMapper(CompletionRow.class)
    Optional<CompletionRow> agencyCompletion(@Bind("agency") String agency, @Bind("year") int year, @Bind("asOf") LocalDate asOf);

    @SqlQuery(COMPLETION + " JOIN agency a ON a.code = m.agency_code WHERE a.province_code = :province AND m.fiscal_year = :year "
            + "GROUP BY m.agency_code ORDER BY m.agency_code")
    @RegisterConstructorMapper(CompletionRow.class)
    List<CompletionRow> provinceCompletion(@Bind("province") String province, @Bind("year") int year, @Bind("asOf") LocalDate asOf);

    /** Completion of every agency with measures of the year, with its province (for the monthly snapshot). */
    record ProvinceCompletionRow(String provinceCode, String agencyCode, long planned, long done, long doneOnTime, long overdue) {
    }

    @SqlQuery("""
            SELECT a.province_code, c.* FROM (""" + COMPLETION + """
             WHERE m.fiscal_year = :year GROUP BY m.agency_code) c
            JOIN agency a ON a.code = c.agency_code ORDER BY a.province_code, c.agency_code""")
    @RegisterConstructorMapper(ProvinceCompletionRow.class)
    List<ProvinceCompletionRow> nationalCompletion(@Bind("year") int year, @Bind("asOf") LocalDate asOf);

    /** Maps a measure row, with its text arrays. */
    final class MeasureMapper implements RowMapper<Measure> {
        @Override
        public Measure map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Measure(rs.getLong("id"), rs.getString("agency_code"), rs.getInt("fiscal_year"), rs.getInt("number"),
                    rs.getString("title"), strings(rs.getArray("targets")), rs.getString("steps"),
                    strings(rs.getArray("responsible_units")), Optional.ofNullable(rs.getObject("period_start", LocalDate.class)),
                    Optional.ofNullable(rs.getObject("period_end", LocalDate.class)), rs.getString("period_text"),
                    MeasureStatus.valueOf(rs.getString("status")), rs.getInt("progress"),
                    Optional.ofNullable(rs.getObject("completed_on", LocalDate.class)), rs.getString("output"),
                    rs.getString("outcome"), strings(rs.getArray("evidence_links")), rs.getInt("version"),
                    rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
        }

        private static List<String> strings(Array array) throws SQLException {
            return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
        }
    }
}
