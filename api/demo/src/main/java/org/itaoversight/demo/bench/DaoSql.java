package org.itaoversight.demo.bench;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.ita.analytics.LargeReads;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The SQL of a benchmarked {@link AnalyticsDao} query (or {@link LargeReads} query) with the benchmark's arguments written in (for EXPLAIN only). */
final class DaoSql {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z]+)|\\{([A-Za-z]+):[A-Za-z0-9]+}");
    private static final Map<String, String> METHODS = Map.of(
            "ranking (province, year)", "ranking",
            "pass rates by type (province)", "passRates",
            "weakest indicators (province)", "weakestIndicators",
            "agency x indicator matrix", "matrix",
            "province trend (8 years)", "yearSummaries",
            "national trend (8 years)", "yearSummaries",
            "pass rates by province", "passRatesByProvince",
            "movers (province, top 10)", "movers");

    private DaoSql() {
    }

    static String of(String query, String province, int year) {
        String name = METHODS.get(query);
        String sql = switch (name) {
            case "ranking" -> LargeReads.RANKING;
            case "matrix" -> LargeReads.MATRIX;
            default -> annotated(name, query);
        };
        Map<String, String> values = Map.of("province", query.startsWith("national") ? "NULL" : "'" + province + "'",
                "year", Integer.toString(year), "passMark", "85", "limit", "10");
        Matcher matcher = PARAMETER.matcher(sql);
        StringBuilder bound = new StringBuilder();
        while (matcher.find()) {
            String parameter = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            matcher.appendReplacement(bound, Matcher.quoteReplacement(values.getOrDefault(parameter, matcher.group())));
        }
        matcher.appendTail(bound);
        return bound.toString();
    }

    private static String annotated(String name, String query) {
        Method method = Arrays.stream(AnalyticsDao.class.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no DAO method for " + query));
        return method.getAnnotation(SqlQuery.class).value();
    }
}
