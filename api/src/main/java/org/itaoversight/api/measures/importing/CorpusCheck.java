package org.itaoversight.api.measures.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.itaoversight.api.documents.UnreadableDocumentException;

/**
 * Measures the measures-report reader against a corpus of documents whose content is known: every
 * {@code NAME.expected} beside {@code NAME.txt}, {@code NAME.docx} and/or {@code NAME.pdf}. For each field (agency,
 * year, measure, units, period, targets) it counts what was read right (true positives), read but wrong or not
 * expected (false positives) and expected but not read (false negatives), and gives precision and recall.
 *
 * <p>An expectations file is plain text:
 * <pre>
 * agency: องค์การบริหารส่วนตำบล…
 * year: 2567
 * measure: the measure's title, as written without its number
 *   units: สำนักปลัด | กองคลัง        (or none)
 *   period: 2023-10-01..2024-03-31    (or none: no dates to be read)
 *   targets: o14, indicator:4          (or none)
 * </pre>
 * Text is compared without white space (a PDF does not say where a wrapped line had a space).
 */
public final class CorpusCheck {

    public static final List<String> FIELDS = List.of("agency", "year", "measure", "units", "period", "targets");
    private static final List<String> FORMATS = List.of("txt", "docx", "pdf");

    private final MeasuresReportReader reader;

    public CorpusCheck(MeasuresReportReader reader) {
        this.reader = reader;
    }

    public record ExpectedMeasure(String title, List<String> units, String period, List<String> targets) {
    }

    public record Expected(String agency, Optional<Integer> year, List<ExpectedMeasure> measures) {
    }

    /** Counts of one field. */
    public record Count(int truePositives, int falsePositives, int falseNegatives) {

        public Count plus(Count other) {
            return new Count(truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }

        public double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    /** One document in one format: counts per field and what differed. */
    public record DocumentResult(String document, String format, Map<String, Count> fields, List<String> differences) {
    }

    public record Result(List<DocumentResult> documents) {

        public Map<String, Count> totals(Optional<String> format) {
            Map<String, Count> totals = new LinkedHashMap<>();
            documents.forEach(d -> d.fields().keySet().forEach(f -> totals.putIfAbsent(f, new Count(0, 0, 0))));
            documents.stream().filter(d -> format.isEmpty() || d.format().equals(format.get()))
                    .forEach(d -> d.fields().forEach((f, c) -> totals.merge(f, c, Count::plus)));
            return totals;
        }

        public boolean perfect() {
            return documents.stream().allMatch(d -> d.differences().isEmpty());
        }
    }

    public Result check(Path directory) throws IOException {
        return walk(directory, CorpusCheck::parse, this::check);
    }

    /** How one document of a corpus is checked against what its {@code .expected} file says. */
    @FunctionalInterface
    public interface DocumentCheck<E> {
        DocumentResult check(String name, String format, byte[] content, E expected);
    }

    /**
     * Every {@code NAME.expected} of a corpus directory with each of its documents {@code NAME.txt|docx|pdf} that
     * exists, checked in name order: the walk both corpora (measures reports, analysis documents) share.
     */
    public static <E> Result walk(Path directory, java.util.function.Function<String, E> parse, DocumentCheck<E> check)
            throws IOException {
        List<DocumentResult> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path expectedFile : files.filter(f -> f.toString().endsWith(".expected")).sorted().toList()) {
                E expected = parse.apply(Files.readString(expectedFile, StandardCharsets.UTF_8));
                String base = expectedFile.getFileName().toString().replaceFirst("\\.expected$", "");
                for (String format : FORMATS) {
                    Path document = directory.resolve(base + "." + format);
                    if (Files.isRegularFile(document)) {
                        results.add(check.check(base, format, Files.readAllBytes(document), expected));
                    }
                }
            }
        }
        return new Result(results);
    }

    DocumentResult check(String name, String format, byte[] content, Expected expected) {
        Map<String, Count> fields = new LinkedHashMap<>();
        List<String> differences = new ArrayList<>();
        MeasuresReport report;
        try {
            report = reader.read(name + "." + format, content);
        } catch (UnreadableDocumentException e) {
            differences.add("unreadable: " + e.getMessage());
            report = new MeasuresReport(name, "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of(), List.of(), format, List.of(), AgencyReading.notRead());
        }
        fields.put("agency", single(expected.agency(), report.agencyNameTh().orElse(""), "agency", differences));
        fields.put("year", single(expected.year().map(String::valueOf).orElse(""), report.fiscalYear().map(String::valueOf).orElse(""),
                "year", differences));
        List<ImportedMeasure> unmatched = new ArrayList<>(report.measures());
        Count measures = new Count(0, 0, 0);
        Count units = new Count(0, 0, 0);
        Count periods = new Count(0, 0, 0);
        Count targets = new Count(0, 0, 0);
        for (ExpectedMeasure want : expected.measures()) {
            Optional<ImportedMeasure> found = unmatched.stream().filter(m -> same(m.title(), want.title())).findFirst();
            if (found.isEmpty()) {
                measures = measures.plus(new Count(0, 0, 1));
                units = units.plus(new Count(0, 0, want.units().size()));
                periods = periods.plus(new Count(0, 0, want.period().equals("none") ? 0 : 1));
                targets = targets.plus(new Count(0, 0, want.targets().size()));
                differences.add("measure not read: " + want.title());
                continue;
            }
            ImportedMeasure got = found.get();
            unmatched.remove(got);
            measures = measures.plus(new Count(1, 0, 0));
            units = units.plus(sets(want.units(), got.responsibleUnits(), "units of " + want.title(), differences));
            String period = got.period().understood() ? got.period().start().get() + ".." + got.period().end().get() : "none";
            if (!period.equals(want.period())) {
                differences.add("period of " + want.title() + ": read " + period + ", expected " + want.period());
            }
            periods = periods.plus(new Count(period.equals(want.period()) && !period.equals("none") ? 1 : 0,
                    !period.equals(want.period()) && !period.equals("none") ? 1 : 0,
                    !period.equals(want.period()) && !want.period().equals("none") ? 1 : 0));
            targets = targets.plus(sets(want.targets(), got.targets(), "targets of " + want.title(), differences));
        }
        for (ImportedMeasure extra : unmatched) {
            measures = measures.plus(new Count(0, 1, 0));
            units = units.plus(new Count(0, extra.responsibleUnits().size(), 0));
            periods = periods.plus(new Count(0, extra.period().understood() ? 1 : 0, 0));
            targets = targets.plus(new Count(0, extra.targets().size(), 0));
            differences.add("measure read but not expected: " + extra.title().replace('\n', ' '));
        }
        fields.put("measure", measures);
        fields.put("units", units);
        fields.put("period", periods);
        fields.put("targets", targets);
        return new DocumentResult(name, format, fields, differences);
    }

    private static Count single(String want, String got, String field, List<String> differences) {
        if (same(want, got)) {
            return new Count(want.isEmpty() ? 0 : 1, 0, 0);
        }
        differences.add(field + ": read \"" + got + "\", expected \"" + want + "\"");
        return new Count(0, got.isEmpty() ? 0 : 1, want.isEmpty() ? 0 : 1);
    }

    private static Count sets(List<String> want, List<String> got, String what, List<String> differences) {
        Set<String> wanted = new HashSet<>(want.stream().map(CorpusCheck::squeeze).toList());
        Set<String> read = new HashSet<>(got.stream().map(CorpusCheck::squeeze).toList());
        int tp = (int) read.stream().filter(wanted::contains).count();
        if (tp != wanted.size() || tp != read.size()) {
            differences.add(what + ": read " + got + ", expected " + want);
        }
        return new Count(tp, read.size() - tp, wanted.size() - tp);
    }

    private static boolean same(String a, String b) {
        return squeeze(a).equals(squeeze(b));
    }

    private static String squeeze(String text) {
        return text.replaceAll("<[^>]{0,200}>", "").replaceAll("[\\s\\u00A0\\u200B]+", "");
    }

    /** The "key: value" lines of an {@code .expected} file, in order; blank lines and {@code #} comments skipped. */
    public static List<Map.Entry<String, String>> entries(String text) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not a \"key: value\" line in expectations: " + line);
            }
            entries.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return entries;
    }

    static Expected parse(String text) {
        String agency = "";
        Optional<Integer> year = Optional.empty();
        List<ExpectedMeasure> measures = new ArrayList<>();
        String title = null;
        List<String> units = List.of();
        String period = "none";
        List<String> targets = List.of();
        for (Map.Entry<String, String> entry : entries(text)) {
            String key = entry.getKey();
            String value = entry.getValue();
            switch (key) {
                case "agency" -> agency = value;
                case "year" -> year = Optional.of(Integer.parseInt(value));
                case "measure" -> {
                    if (title != null) {
                        measures.add(new ExpectedMeasure(title, units, period, targets));
                    }
                    title = value;
                    units = List.of();
                    period = "none";
                    targets = List.of();
                }
                case "units" -> units = value.equals("none") ? List.of() : List.of(value.split("\\s*\\|\\s*"));
                case "period" -> period = value;
                case "targets" -> targets = value.equals("none") ? List.of() : List.of(value.split("\\s*,\\s*"));
                default -> throw new IllegalArgumentException("unknown key in expectations: " + key);
            }
        }
        if (title != null) {
            measures.add(new ExpectedMeasure(title, units, period, targets));
        }
        return new Expected(agency, year, measures);
    }
}
