package org.itaoversight.api.ita.loading;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads the record of ITA result loads ({@code ita_load}); {@link ResultLoader} writes it. */
@RegisterRowMapper(ResultLoadDao.RecordMapper.class)
public interface ResultLoadDao {

    String COLUMNS = "id, started_at, finished_at, username, file_name, sha256, layout, fiscal_years, rows_accepted, status, error";

    /** The latest loads, newest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM ita_load ORDER BY started_at DESC, id DESC LIMIT :limit")
    List<ResultLoadRecord> recent(@Bind("limit") int limit);

    /** The latest successful load of exactly this file content. */
    @SqlQuery("SELECT " + COLUMNS + " FROM ita_load WHERE sha256 = :sha AND status = 'LOADED' ORDER BY started_at DESC LIMIT 1")
    Optional<ResultLoadRecord> lastLoadOf(@Bind("sha") String sha256);

    final class RecordMapper implements RowMapper<ResultLoadRecord> {
        @Override
        public ResultLoadRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
            Array years = rs.getArray("fiscal_years");
            List<Integer> fiscalYears = Arrays.stream((Integer[]) years.getArray()).toList();
            return new ResultLoadRecord(rs.getString("id"), rs.getObject("started_at", OffsetDateTime.class),
                    Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class)), rs.getString("username"),
                    rs.getString("file_name"), rs.getString("sha256"), Layout.valueOf(rs.getString("layout")), fiscalYears,
                    rs.getInt("rows_accepted"), rs.getString("status"), Optional.ofNullable(rs.getString("error")));
        }
    }
}
