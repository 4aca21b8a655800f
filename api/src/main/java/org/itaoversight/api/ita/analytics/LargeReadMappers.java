package org.itaoversight.api.ita.analytics;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Row mappers for the analytics answers that can be tens of thousands of rows (a province's ranking and matrix): each
 * value is read once, by position, straight from the driver's streamed result set. Measured on 33,000 matrix rows,
 * the generic constructor mapper (column names looked up per row, arrays converted element by element) took about
 * three times as long as these.
 */
public final class LargeReadMappers {

    private LargeReadMappers() {
    }

    /** Columns: agency_code, name_th, total, indicator_scores. */
    public static final class Matrix implements RowMapper<AnalyticsDao.MatrixRow> {
        @Override
        public AnalyticsDao.MatrixRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new AnalyticsDao.MatrixRow(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), decimals(rs.getArray(4)));
        }
    }

    /** Columns: rank, agency_code, name_th, agency_type, district_th, total, level, previous_total, change. */
    public static final class Ranking implements RowMapper<AnalyticsDao.RankingRow> {
        @Override
        public AnalyticsDao.RankingRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new AnalyticsDao.RankingRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getBigDecimal(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9));
        }
    }

    /** An Array(Nullable(Decimal)) as an unmodifiable list that keeps its NULLs. */
    static List<BigDecimal> decimals(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(values, values.length, BigDecimal[].class)));
    }
}
