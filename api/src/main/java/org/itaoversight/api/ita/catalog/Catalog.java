package org.itaoversight.api.ita.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.itaoversight.reporting.text.PassRule;

/**
 * The ITA framework catalog, keyed by fiscal year (พ.ศ.): data ({@code ita/catalog.json}), not code. Checked on
 * load: every year belongs to one framework, tool weights sum to 1, indicator numbers and question codes are unique.
 */
public record Catalog(String description, BigDecimal passMark, BigDecimal nationalTargetShare, List<LevelBand> levels,
                      Map<String, String> questionTexts, List<Framework> frameworks) {

    public static final String RESOURCE = "/ita/catalog.json";

    public Catalog {
        questionTexts = questionTexts == null ? Map.of() : Map.copyOf(questionTexts);
    }

    public static Catalog bundled() {
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the ITA catalog " + RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Catalog parse(InputStream json) throws IOException {
        Catalog catalog = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(json, Catalog.class);
        catalog.validate();
        return catalog;
    }

    public Optional<Framework> framework(int fiscalYear) {
        return frameworks.stream().filter(f -> f.years().contains(fiscalYear)).findFirst();
    }

    public SortedSet<Integer> years() {
        SortedSet<Integer> years = new TreeSet<>();
        frameworks.forEach(f -> years.addAll(f.years()));
        return years;
    }

    /** The level band of a total: AA 95–100, A 85–94.99, … F 0–49.99. */
    public String band(BigDecimal total) {
        return levels.stream().sorted(Comparator.comparing(LevelBand::min).reversed())
                .filter(band -> total.compareTo(band.min()) >= 0).findFirst()
                .map(LevelBand::level).orElseThrow(() -> new IllegalArgumentException("total " + total + " is below every band"));
    }

    /** The wording of a question as reports print it: the framework's own, else the one shared by every year. */
    public Optional<String> questionText(Framework framework, String code) {
        String normalized = code.strip().toLowerCase(java.util.Locale.ROOT);
        return Optional.ofNullable(framework.questionTexts().get(normalized)).or(() -> Optional.ofNullable(questionTexts.get(normalized)));
    }

    /** The one pass rule: the figure as printed, with the decimals it is printed with, reaches the pass mark. */
    public PassRule passRule() {
        return new PassRule(passMark);
    }

    public boolean isLevel(String level) {
        return levels.stream().anyMatch(band -> band.level().equals(level));
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        Set<Integer> years = new HashSet<>();
        for (Framework framework : frameworks) {
            framework.years().forEach(year -> {
                if (!years.add(year)) {
                    problems.add("year " + year + " is in more than one framework");
                }
            });
            BigDecimal weights = framework.tools().stream().map(Tool::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (weights.compareTo(BigDecimal.ONE) != 0) {
                problems.add(framework.id() + ": tool weights sum to " + weights + ", not 1");
            }
            Set<Integer> numbers = new HashSet<>();
            Set<String> questions = new HashSet<>();
            for (Indicator indicator : framework.indicators()) {
                if (!numbers.add(indicator.number())) {
                    problems.add(framework.id() + ": indicator " + indicator.number() + " appears twice");
                }
                if (framework.tool(indicator.tool()).isEmpty()) {
                    problems.add(framework.id() + ": indicator " + indicator.number() + " names unknown tool " + indicator.tool());
                }
                indicator.questions().forEach(code -> {
                    if (!questions.add(code)) {
                        problems.add(framework.id() + ": question " + code + " belongs to two indicators");
                    }
                });
            }
            framework.questionTexts().keySet().stream().filter(code -> !questions.contains(code))
                    .forEach(code -> problems.add(framework.id() + ": wording given for unknown question " + code));
            questionTexts.keySet().stream().filter(code -> !questions.contains(code))
                    .forEach(code -> problems.add(framework.id() + ": shared wording given for question " + code + ", not in it"));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the ITA catalog is inconsistent: " + problems);
        }
    }
}
