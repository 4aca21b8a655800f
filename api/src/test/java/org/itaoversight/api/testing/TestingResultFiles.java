package org.itaoversight.api.testing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.ita.catalog.Indicator;
import org.itaoversight.tenants.registry.Agency;

/**
 * ITA result files made up for tests (seeded, so the same each run): per year a wide file of totals with their levels
 * and indicator scores — every {@code tieEvery}-th agency (at {@code tieAt}) tied with the one before, every
 * {@code blankEvery}-th (at {@code blankAt}) without indicator scores — and the last year's question scores, OIT
 * questions 100 in {@code oitFullInTen} cases out of ten.
 */
public record TestingResultFiles(long seed, int totalFloor, int tieEvery, int tieAt, int blankEvery, int blankAt,
                                 int oitFullInTen, String resultsPrefix, String questionsPrefix) {

    /** File name → content, the years' results in order, then the question scores of {@code lastYear}. */
    public Map<String, String> write(Catalog catalog, List<Agency> agencies, int firstYear, int lastYear) {
        Random random = new Random(seed);
        Map<String, String> files = new LinkedHashMap<>();
        for (int year = firstYear; year <= lastYear; year++) {
            Framework framework = catalog.framework(year).orElseThrow();
            StringBuilder csv = new StringBuilder("agency_code,fiscal_year,total,level");
            framework.indicators().forEach(i -> csv.append(",indicator_").append(i.number()));
            csv.append('\n');
            BigDecimal previous = new BigDecimal("85.00");
            for (int a = 0; a < agencies.size(); a++) {
                BigDecimal total = a % tieEvery == tieAt ? previous : score(random, totalFloor);
                previous = total;
                csv.append(agencies.get(a).code()).append(',').append(year).append(',').append(total.toPlainString())
                        .append(',').append(catalog.band(total));
                for (int i = 0; i < framework.indicators().size(); i++) {
                    csv.append(',').append(a % blankEvery == blankAt ? "" : score(random, 40).toPlainString());
                }
                csv.append('\n');
            }
            files.put(resultsPrefix + year + ".csv", csv.toString());
        }
        StringBuilder questions = new StringBuilder("agency_code,fiscal_year,code,score\n");
        for (Agency agency : agencies) {
            for (Indicator indicator : catalog.framework(lastYear).orElseThrow().indicators()) {
                for (String code : indicator.questions()) {
                    String score = indicator.tool().equals("OIT") ? (random.nextInt(10) < oitFullInTen ? "100" : "0")
                            : score(random, 30).toPlainString();
                    questions.append(agency.code()).append(',').append(lastYear).append(',').append(code).append(',')
                            .append(score).append('\n');
                }
            }
        }
        files.put(questionsPrefix + lastYear + ".csv", questions.toString());
        return files;
    }

    /** A score between {@code floor} and 100 with two decimals. */
    private static BigDecimal score(Random random, int floor) {
        return BigDecimal.valueOf(floor * 100L + random.nextInt((100 - floor) * 100 + 1), 2);
    }
}
