package org.itaoversight.api.ita.analytics;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import com.clickhouse.jdbc.ConnectionImpl;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.itaoversight.api.clickhouse.RowBinaryRows;
import org.jdbi.v3.core.Handle;

/**
 * The analytics answers that hold a row per agency of a province (its ranking and its agency × indicator matrix): up
 * to a few hundred rows for a real province, tens of thousands in the benchmark's ×100 scale. They are read through the
 * driver's own client on the handle's connection (same server, database and session settings), in
 * {@code RowBinaryWithNamesAndTypes} with server-side parameters, and decoded straight from the response into the
 * answer's rows ({@link RowBinaryRows}): measured on 30,900 matrix rows, about four times faster than the JDBC result
 * set with a row mapper, most of whose time went into the driver's per-value objects.
 */
public final class LargeReads {

    /** The ranking's SQL, its parameters bound by the server ({@code {province:String}}, {@code {year:UInt16}}). */
    public static final String RANKING = """
            SELECT rank, agency_code, dictGetOrNull(currentDatabase() || '.agency_names', 'name_th', agency_code) AS name_th, agency_type,
                   dictGetOrNull(currentDatabase() || '.agency_names', 'district_th', agency_code) AS district_th, total, level,
                   previous_total, total - previous_total AS change
            FROM ita_province_rank
            WHERE province_code = {province:String} AND fiscal_year = {year:UInt16}
            ORDER BY rank, agency_code""";

    /** The matrix's SQL, parameters as the ranking's. */
    public static final String MATRIX = """
            SELECT agency_code, dictGetOrNull(currentDatabase() || '.agency_names', 'name_th', agency_code) AS name_th, total, indicator_scores
            FROM ita_result WHERE province_code = {province:String} AND fiscal_year = {year:UInt16}
            ORDER BY agency_code""";

    private static final List<String> RANKING_COLUMNS = List.of("rank", "agency_code", "name_th", "agency_type", "district_th",
            "total", "level", "previous_total", "change");
    private static final List<String> MATRIX_COLUMNS = List.of("agency_code", "name_th", "total", "indicator_scores");
    private static final long TIMEOUT_SECONDS = 60;

    private LargeReads() {
    }

    /**
     * A large read that failed, as the JDBI reads fail: a ClickHouse out of reach is then the API's 503 in Thai
     * ({@code UnavailableDatabaseMapper}), anything else a logged 500.
     */
    static final class ReadFailed extends org.jdbi.v3.core.JdbiException {
        ReadFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static List<AnalyticsDao.RankingRow> ranking(Handle handle, String province, int year) {
        return read(handle, RANKING, province, year, RANKING_COLUMNS, rows -> new AnalyticsDao.RankingRow(rows.integer(0),
                rows.string(1), rows.string(2), rows.string(3), rows.string(4), rows.decimal(5), rows.string(6),
                rows.decimal(7), rows.decimal(8)));
    }

    static List<AnalyticsDao.MatrixRow> matrix(Handle handle, String province, int year) {
        return read(handle, MATRIX, province, year, MATRIX_COLUMNS, rows -> new AnalyticsDao.MatrixRow(rows.string(0),
                rows.string(1), rows.decimal(2), rows.decimals(3)));
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(RowBinaryRows rows);
    }

    private static <T> List<T> read(Handle handle, String sql, String province, int year, List<String> columns, RowReader<T> row) {
        try {
            Connection connection = handle.getConnection();
            ConnectionImpl clickhouse = connection.unwrap(ConnectionImpl.class);
            Client client = clickhouse.getClient();
            QuerySettings settings = QuerySettings.merge(clickhouse.getDefaultQuerySettings(),
                    // The whole answer before the first byte: an error ClickHouse meets after some rows is then a
                    // failed response, not text in the rows' stream (the answers are at most a few MB).
                    new QuerySettings().setFormat(ClickHouseFormat.RowBinaryWithNamesAndTypes).waitEndOfQuery(true));
            java.util.concurrent.CompletableFuture<QueryResponse> pending =
                    client.query(sql, Map.of("province", province, "year", year), settings);
            try (QueryResponse response = answer(pending)) {
                RowBinaryRows rows = RowBinaryRows.read(response.getInputStream()).expectColumns(columns);
                List<T> answer = new ArrayList<>();
                while (rows.next()) {
                    answer.add(row.read(rows));
                }
                return answer;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadFailed("interrupted while reading from ClickHouse", e);
        } catch (ExecutionException e) {
            throw new ReadFailed("ClickHouse query failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ReadFailed("ClickHouse gave no answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (Exception e) {
            // the client (a connection refused is thrown as it is), the stream, or QueryResponse.close()
            throw new ReadFailed("reading from ClickHouse failed: " + e.getMessage(), e);
        }
    }

    /** The response; if it does not come in time, it is closed whenever it does come, so its connection is not lost. */
    private static QueryResponse answer(java.util.concurrent.CompletableFuture<QueryResponse> pending)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return pending.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | TimeoutException e) {
            pending.thenAccept(late -> {
                try {
                    late.close();
                } catch (Exception ignored) {
                    // closing an answer nobody waits for any more
                }
            });
            throw e;
        }
    }
}
