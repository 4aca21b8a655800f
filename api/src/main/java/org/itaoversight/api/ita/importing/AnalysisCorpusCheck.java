package org.itaoversight.api.ita.importing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.itaoversight.api.documents.UnreadableDocumentException;
import org.itaoversight.api.measures.importing.CorpusCheck;

/**
 * Measures the analysis reader against a corpus of analysis documents whose content is known: every
 * {@code NAME.expected} beside {@code NAME.txt}, {@code NAME.docx} and/or {@code NAME.pdf}. For each field (agency,
 * registry code, year, total, level, indicator scores, weakest questions, expected warnings) it counts what was read
 * right, read wrong or not expected, and expected but not read — the same counts as the measures corpus
 * ({@link CorpusCheck.Count}).
 *
 * <p>An expectations file is plain text; "none" says the document gives no such thing and nothing may be read:
 * <pre>
 * agency: องค์การบริหารส่วนตำบล…      the agency as the registry names it (or as written when not in it)
 * code: 6730301                       (or none: not in the registry)
 * year: 2566                          (or none)
 * total: 87.50                        (or none)
 * level: A                            (or none)
 * indicator 1: 86.76                  one line per indicator score the document gives
 * question o17: 0.00                  one line per weakest question (none: no line)
 * warning: ไม่พบคะแนนรวม              a warning that must be among the reader's warnings (a part of it)
 * </pre>
 */
public final class AnalysisCorpusCheck {

    public static final List<String> FIELDS = List.of("agency", "code", "year", "total", "level", "indicator", "question", "warning");

    private final AnalysisDocumentReader reader;

    public AnalysisCorpusCheck(AnalysisDocumentReader reader) {
        this.reader = reader;
    }

    /** What a document holds: single fields, indicator scores by number, question scores by code, warnings. */
    public record Expected(Map<String, String> fields, Map<String, String> indicators, Map<String, String> questions,
                           List<String> warnings) {
    }

    public CorpusCheck.Result check(Path directory) throws IOException {
        return CorpusCheck.walk(directory, AnalysisCorpusCheck::parse, this::check);
    }

    public CorpusCheck.DocumentResult check(String name, String format, byte[] content, Expected expected) {
        Map<String, CorpusCheck.Count> fields = new LinkedHashMap<>();
        FIELDS.forEach(f -> fields.put(f, new CorpusCheck.Count(0, 0, 0)));
        List<String> differences = new ArrayList<>();
        AnalysisDocument read;
        try {
            read = reader.read(name + "." + format, content);
        } catch (UnreadableDocumentException e) {
            differences.add("unreadable: " + e.getMessage());
            read = new AnalysisDocument(name, "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), List.of());
        }
        single(fields, differences, "agency", expected.fields().get("agency"), read.agencyNameTh());
        single(fields, differences, "code", expected.fields().get("code"), read.agencyCode());
        single(fields, differences, "year", expected.fields().get("year"), read.fiscalYear().map(String::valueOf));
        single(fields, differences, "total", expected.fields().get("total"), read.total().map(AnalysisCorpusCheck::plain));
        single(fields, differences, "level", expected.fields().get("level"), read.level());

        Map<String, String> indicators = new LinkedHashMap<>();
        read.indicators().forEach(i -> indicators.put(String.valueOf(i.number()), plain(i.score())));
        pairs(fields, differences, "indicator", expected.indicators(), indicators);
        Map<String, String> questions = new LinkedHashMap<>();
        read.weakestQuestions().forEach(q -> questions.put(q.code(), plain(q.score())));
        pairs(fields, differences, "question", expected.questions(), questions);

        for (String warning : expected.warnings()) {
            boolean given = read.warnings().stream().anyMatch(w -> w.contains(warning));
            add(fields, "warning", new CorpusCheck.Count(given ? 1 : 0, 0, given ? 0 : 1));
            if (!given) {
                differences.add("warning not given: " + warning + " (given: " + read.warnings() + ")");
            }
        }
        return new CorpusCheck.DocumentResult(name, format, fields, differences);
    }

    private static String plain(BigDecimal value) {
        return value.setScale(Math.max(2, value.scale())).toPlainString();
    }

    private static void add(Map<String, CorpusCheck.Count> fields, String field, CorpusCheck.Count count) {
        fields.merge(field, count, CorpusCheck.Count::plus);
    }

    private static void single(Map<String, CorpusCheck.Count> fields, List<String> differences, String field, String want,
                               Optional<String> got) {
        String expected = want == null || want.equals("none") ? "" : want;
        String read = got.orElse("");
        if (expected.equals(read)) {
            add(fields, field, new CorpusCheck.Count(expected.isEmpty() ? 0 : 1, 0, 0));
            return;
        }
        differences.add(field + ": read \"" + read + "\", expected \"" + expected + "\"");
        add(fields, field, new CorpusCheck.Count(0, read.isEmpty() ? 0 : 1, expected.isEmpty() ? 0 : 1));
    }

    private static void pairs(Map<String, CorpusCheck.Count> fields, List<String> differences, String field,
                              Map<String, String> want, Map<String, String> got) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Map.Entry<String, String> e : want.entrySet()) {
            String read = got.get(e.getKey());
            if (e.getValue().equals(read)) {
                tp++;
            } else {
                fn++;
                if (read != null) {
                    fp++;
                }
                differences.add(field + " " + e.getKey() + ": read " + read + ", expected " + e.getValue());
            }
        }
        for (Map.Entry<String, String> e : got.entrySet()) {
            if (!want.containsKey(e.getKey())) {
                fp++;
                differences.add(field + " " + e.getKey() + ": read " + e.getValue() + ", not expected");
            }
        }
        add(fields, field, new CorpusCheck.Count(tp, fp, fn));
    }

    public static Expected parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> indicators = new LinkedHashMap<>();
        Map<String, String> questions = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, String> entry : CorpusCheck.entries(text)) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (key.startsWith("indicator ")) {
                indicators.put(key.substring("indicator ".length()).strip(), value);
            } else if (key.startsWith("question ")) {
                questions.put(key.substring("question ".length()).strip(), value);
            } else if (key.equals("warning")) {
                warnings.add(value);
            } else if (List.of("agency", "code", "year", "total", "level").contains(key)) {
                fields.put(key, value);
            } else {
                throw new IllegalArgumentException("unknown key in expectations: " + key);
            }
        }
        return new Expected(fields, indicators, questions, warnings);
    }
}
