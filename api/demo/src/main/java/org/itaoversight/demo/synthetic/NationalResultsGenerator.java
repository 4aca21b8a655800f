package org.itaoversight.demo.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.ita.catalog.Indicator;
import org.itaoversight.api.ita.scoring.ScoreSheet;
import org.itaoversight.api.ita.scoring.Scoring;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;

/**
 * Writes a registry-consistent synthetic national dataset: for every agency and year, question scores (long layout)
 * and the indicator, tool and total scores computed from them (wide layout). Realistic spreads: each agency has a
 * lasting quality and a trend of its own, the national level rises over the years (as it did, to a mean near 94 in
 * 2568), most agencies pass 85 and a tail does not; OIT items score 0 or 100. Deterministic for a seed.
 *
 * <p>Files: {@code ita-results-<year>.csv} (wide) and {@code ita-questions-<year>.csv} (long) per year.
 */
public final class NationalResultsGenerator {

    private final Catalog catalog;
    private final Scoring scoring;
    private final long seed;

    public NationalResultsGenerator(Catalog catalog, long seed) {
        this.catalog = catalog;
        this.scoring = new Scoring(catalog);
        this.seed = seed;
    }

    /** What was written. */
    public record Written(List<Path> files, long resultRows, long questionRows) {
    }

    public Written write(AgencyRegistry registry, int firstYear, int lastYear, Path directory) throws IOException {
        Files.createDirectories(directory);
        Random agencyRandom = new Random(seed);
        Map<String, double[]> traits = new HashMap<>();
        for (Agency agency : registry.agencies()) {
            traits.put(agency.code(), new double[] {agencyRandom.nextGaussian(), agencyRandom.nextGaussian() * 0.6});
        }
        List<Path> files = new ArrayList<>();
        long results = 0;
        long questions = 0;
        for (int year = firstYear; year <= lastYear; year++) {
            Framework framework = catalog.framework(year).orElseThrow(() -> new IllegalArgumentException("year not in the catalog"));
            Random random = new Random(seed * 31 + year);
            double national = Math.min(93.5, 80.0 + 2.0 * (year - 2561));
            Path wide = directory.resolve("ita-results-" + year + ".csv");
            Path longFile = directory.resolve("ita-questions-" + year + ".csv");
            try (BufferedWriter w = Files.newBufferedWriter(wide, StandardCharsets.UTF_8);
                 BufferedWriter q = Files.newBufferedWriter(longFile, StandardCharsets.UTF_8)) {
                w.write("agency_code,fiscal_year,total,level,iit,eit,oit");
                for (Indicator indicator : framework.indicators()) {
                    w.write(",indicator_" + indicator.number());
                }
                w.write('\n');
                q.write("agency_code,fiscal_year,code,score\n");
                for (Agency agency : registry.agencies()) {
                    double[] trait = traits.get(agency.code());
                    double level = national + 5.0 * trait[0] + trait[1] * (year - 2561) + random.nextGaussian() * 2.0;
                    Map<Integer, BigDecimal> indicators = new HashMap<>();
                    for (Indicator indicator : framework.indicators()) {
                        double indicatorLevel = level + random.nextGaussian() * 4.0;
                        BigDecimal sum = BigDecimal.ZERO;
                        for (String code : indicator.questions()) {
                            double score = indicator.tool().equals("OIT")
                                    ? (random.nextDouble() * 100 < indicatorLevel + 3 ? 100 : 0)
                                    : clamp(indicatorLevel + random.nextGaussian() * 5.0);
                            BigDecimal value = BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP);
                            sum = sum.add(value);
                            q.write(agency.code() + "," + year + "," + code + "," + value.toPlainString() + "\n");
                            questions++;
                        }
                        indicators.put(indicator.number(), sum.divide(BigDecimal.valueOf(indicator.questions().size()), 2, RoundingMode.HALF_UP));
                    }
                    ScoreSheet sheet = scoring.score(year, indicators);
                    String published = publishedLevel(framework, sheet);
                    w.write(agency.code() + "," + year + "," + sheet.total().toPlainString() + "," + published + ","
                            + sheet.tools().get("IIT") + "," + sheet.tools().get("EIT") + "," + sheet.tools().get("OIT"));
                    for (Indicator indicator : framework.indicators()) {
                        w.write("," + indicators.get(indicator.number()).toPlainString());
                    }
                    w.write('\n');
                    results++;
                }
            }
            files.add(wide);
            files.add(longFile);
        }
        return new Written(files, results, questions);
    }

    /** From 2568 the published level is not only a band: a weak EIT (under 85) keeps an agency below A. */
    private String publishedLevel(Framework framework, ScoreSheet sheet) {
        String band = sheet.band();
        if (!framework.levelIsBandOfTotal() && (band.equals("AA") || band.equals("A"))
                && sheet.tools().get("EIT").compareTo(catalog.passMark()) < 0) {
            return "B";
        }
        return band;
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(100, score));
    }
}
