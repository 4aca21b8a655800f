package org.itaoversight.demo.bench;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The analytics queries in PostgreSQL's dialect, answering what the ClickHouse DAO answers (for the benchmark only). */
final class PostgresQueries {

    private PostgresQueries() {
    }

    static Map<String, String> all(String province, int year, BigDecimal passMark) {
        String p = "'" + province + "'";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("ranking (province, year)", """
                SELECT rank() OVER (ORDER BY cur.total DESC) AS rank, cur.agency_code, a.name_th, cur.total, cur.level,
                       prev.total AS previous_total, cur.total - prev.total AS change
                FROM bench_ita_result cur
                LEFT JOIN bench_ita_result prev ON prev.province_code = cur.province_code AND prev.fiscal_year = cur.fiscal_year - 1
                    AND prev.agency_code = cur.agency_code
                LEFT JOIN agency a ON a.code = cur.agency_code
                WHERE cur.province_code = %s AND cur.fiscal_year = %d ORDER BY rank, cur.agency_code""".formatted(p, year));
        queries.put("pass rates by type (province)", """
                SELECT agency_type, count(*) AS agencies, count(*) FILTER (WHERE total >= %s) AS passed, round(avg(total), 2) AS mean_total
                FROM bench_ita_result WHERE province_code = %s AND fiscal_year = %d GROUP BY agency_type ORDER BY 1"""
                .formatted(passMark, p, year));
        queries.put("weakest indicators (province)", """
                SELECT s.indicator, round(avg(s.score), 2) AS mean_score, count(*) AS agencies,
                       count(*) FILTER (WHERE s.score = w.weakest) AS weakest_for
                FROM bench_ita_result r
                CROSS JOIN LATERAL unnest(r.indicator_scores) WITH ORDINALITY AS s(score, indicator)
                CROSS JOIN LATERAL (SELECT min(x) AS weakest FROM unnest(r.indicator_scores) x) w
                WHERE r.province_code = %s AND r.fiscal_year = %d AND s.score IS NOT NULL
                GROUP BY s.indicator ORDER BY mean_score, s.indicator""".formatted(p, year));
        queries.put("agency x indicator matrix", """
                SELECT r.agency_code, a.name_th, r.total, r.indicator_scores FROM bench_ita_result r
                LEFT JOIN agency a ON a.code = r.agency_code
                WHERE r.province_code = %s AND r.fiscal_year = %d ORDER BY r.agency_code""".formatted(p, year));
        queries.put("province trend (8 years)", """
                SELECT fiscal_year, count(*) AS agencies, round(avg(total), 2) AS mean_total,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY total) AS median_total, count(*) FILTER (WHERE total >= %s) AS passed
                FROM bench_ita_result WHERE province_code = %s GROUP BY fiscal_year ORDER BY 1""".formatted(passMark, p));
        queries.put("national trend (8 years)", """
                SELECT fiscal_year, count(*) AS agencies, round(avg(total), 2) AS mean_total,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY total) AS median_total, count(*) FILTER (WHERE total >= %s) AS passed
                FROM bench_ita_result GROUP BY fiscal_year ORDER BY 1""".formatted(passMark));
        queries.put("pass rates by province", """
                SELECT province_code, count(*) AS agencies, count(*) FILTER (WHERE total >= %s) AS passed, round(avg(total), 2) AS mean_total
                FROM bench_ita_result WHERE fiscal_year = %d GROUP BY province_code ORDER BY 1""".formatted(passMark, year));
        queries.put("movers (province, top 10)", """
                SELECT agency_code, name_th, previous_total, total, change FROM (
                    SELECT cur.agency_code, a.name_th, prev.total AS previous_total, cur.total, cur.total - prev.total AS change,
                           row_number() OVER (ORDER BY cur.total - prev.total DESC, cur.agency_code) AS up,
                           row_number() OVER (ORDER BY cur.total - prev.total, cur.agency_code DESC) AS down
                    FROM bench_ita_result cur
                    JOIN bench_ita_result prev ON prev.province_code = cur.province_code AND prev.fiscal_year = cur.fiscal_year - 1
                        AND prev.agency_code = cur.agency_code
                    LEFT JOIN agency a ON a.code = cur.agency_code
                    WHERE cur.province_code = %s AND cur.fiscal_year = %d) m
                WHERE (change > 0 AND up <= 10) OR (change < 0 AND down <= 10)
                ORDER BY change DESC, agency_code""".formatted(p, year));
        return queries;
    }
}
