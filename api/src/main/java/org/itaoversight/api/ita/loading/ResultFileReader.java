package org.itaoversight.api.ita.loading;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.ita.catalog.Indicator;
import org.itaoversight.api.ita.importing.QuestionCode;
import org.itaoversight.api.ita.scoring.ScoreSheet;
import org.itaoversight.api.ita.scoring.Scoring;
import org.itaoversight.api.ita.text.TextDecoding;
import org.itaoversight.api.ita.text.ThaiNumerals;
import org.itaoversight.api.ita.text.XlsxToCsv;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyDirectory;

/**
 * Reads and checks a result file — CSV, or the first sheet of an XLSX workbook — (docs/data-formats.md), whole, or
 * with its accepted question scores going to a sink as they are read ({@link UnreadResultFile}: the loader inserts
 * them into a staging table meanwhile, and swaps nothing unless the whole file is clean): the layout from the header,
 * UTF-8 with or without BOM or TIS-620, Thai digits wherever a number is, the agency by code with the name as a
 * cross-check, and every problem with row, column and reason — unknown agency, score outside 0–100, duplicate row,
 * year outside the catalog, level not in the bands, unknown question code, missing column, malformed number.
 */
public final class ResultFileReader {

    static final String AGENCY_CODE = "agency_code";
    static final String AGENCY_NAME = "agency_name";
    static final String FISCAL_YEAR = "fiscal_year";
    static final String TOTAL = "total";
    static final String LEVEL = "level";
    static final String CODE = "code";
    static final String SCORE = "score";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The problems a refused file lists by default (the command line); the API's number is configured. */
    public static final int DEFAULT_MAX_PROBLEMS = 1000;

    private final Catalog catalog;
    private final AgencyDirectory agencies;
    private final Scoring scoring;
    private final int maxProblems;

    public ResultFileReader(Catalog catalog, AgencyDirectory agencies) {
        this(catalog, agencies, DEFAULT_MAX_PROBLEMS);
    }

    /** @param maxProblems how many problems a refused file lists (the first ones; all are counted) */
    public ResultFileReader(Catalog catalog, AgencyDirectory agencies, int maxProblems) {
        this.catalog = catalog;
        this.agencies = agencies;
        this.scoring = new Scoring(catalog);
        this.maxProblems = maxProblems;
    }

    /** Reads a file held in memory (the command line, tests). */
    public ResultFile read(String fileName, byte[] content) {
        return file(fileName, content).read();
    }

    /**
     * Reads a file from disk as a stream (an upload spooled to a temporary file): its text is never held whole, only
     * the rows it yields; the SHA-256 is the one computed while the file was written.
     */
    public ResultFile read(String fileName, Path file, String sha256) {
        return file(fileName, file, sha256).read();
    }

    /** A file held in memory, to be read whole or while it is loaded. */
    public UnreadResultFile file(String fileName, byte[] content) {
        return new UnreadResultFile(this, fileName, () -> new ByteArrayInputStream(content), sha256(content));
    }

    /** A file on disk (an upload spooled to a temporary file), to be read whole or while it is loaded. */
    public UnreadResultFile file(String fileName, Path file, String sha256) {
        return new UnreadResultFile(this, fileName, () -> Files.newInputStream(file), sha256);
    }

    /** The bytes of a file, openable more than once (to detect the encoding, then to read the rows). */
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }

    /** Reads and checks a file; with a sink, the accepted question scores of a long file go there instead of the list. */
    ResultFile read(String fileName, Content content, String sha256, Optional<QuestionScoreSink> sink) {
        ProblemList problems = new ProblemList(maxProblems);
        List<String> warnings = new ArrayList<>();
        Reader text;
        String encoding;
        try {
            byte[] head;
            try (InputStream in = content.open()) {
                head = in.readNBytes(4);
            }
            if (XlsxToCsv.isXlsx(head)) {
                try (InputStream in = content.open()) {
                    text = new StringReader(XlsxToCsv.convert(in));
                    encoding = "XLSX (first sheet)";
                } catch (IOException | RuntimeException e) {
                    problems.add(new LoadProblem(fileName, 0, "", "not a readable XLSX workbook: " + e.getMessage(),
                            "อ่านไฟล์ XLSX ไม่ได้: " + e.getMessage()));
                    return problems.file(fileName, sha256, "XLSX", Layout.WIDE, warnings);
                }
            } else {
                TextDecoding.Detected detected;
                try (InputStream in = content.open()) {
                    detected = TextDecoding.detect(in);
                }
                InputStream in = content.open();
                in.skipNBytes(detected.skip());
                text = new BufferedReader(new InputStreamReader(in, detected.charset()), 1 << 16);
                encoding = detected.encoding();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).ofCsvRecord(text)) {
            return read(fileName, sha256, encoding, reader.iterator(), problems, warnings, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResultFile read(String fileName, String sha256, String encoding, Iterator<CsvRecord> records,
                            ProblemList problems, List<String> warnings, Optional<QuestionScoreSink> sink) {
        Optional<CsvRecord> headerLine = next(fileName, records, problems);
        if (headerLine.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(new LoadProblem(fileName, 0, "", "the file is empty", "ไฟล์ว่างเปล่า"));
            }
            return problems.file(fileName, sha256, encoding, Layout.WIDE, warnings);
        }
        Map<String, Integer> header = new HashMap<>();
        CsvRecord headerRecord = headerLine.get();
        for (int i = 0; i < headerRecord.getFieldCount(); i++) {
            header.put(headerRecord.getField(i).strip().toLowerCase(Locale.ROOT), i);
        }
        Columns columns = new Columns(header);
        Layout layout = header.containsKey(CODE) && header.containsKey(SCORE) ? Layout.LONG : Layout.WIDE;
        List<String> required = layout == Layout.LONG ? List.of(AGENCY_CODE, FISCAL_YEAR, CODE, SCORE) : List.of(AGENCY_CODE, FISCAL_YEAR);
        required.stream().filter(column -> !header.containsKey(column)).forEach(column ->
                problems.add(new LoadProblem(fileName, headerRecord.getStartingLineNumber(), column, "missing column in the header",
                        "หัวตารางไม่มีคอลัมน์ " + column)));
        if (layout == Layout.WIDE && !header.containsKey(TOTAL) && !header.containsKey("indicator_1")) {
            problems.add(new LoadProblem(fileName, headerRecord.getStartingLineNumber(), TOTAL,
                    "missing column: a wide file needs total or the indicator_1 … indicator_10 columns",
                    "ไฟล์แบบกว้างต้องมีคอลัมน์ total หรือ indicator_1 … indicator_10"));
        }
        if (!problems.isEmpty()) {
            return problems.file(fileName, sha256, encoding, layout, warnings);
        }
        List<AgencyYearResult> results = new ArrayList<>();
        List<QuestionScore> questions = new ArrayList<>();
        Map<String, Long> seenResults = new HashMap<>();
        FirstRows seenQuestions = new FirstRows();
        Map<Framework, Map<String, QuestionOfFramework>> codes = new java.util.IdentityHashMap<>();
        Map<String, Optional<Agency>> agencyCache = new HashMap<>();
        Map<String, Integer> validYears = new HashMap<>();
        Map<Integer, Optional<Framework>> frameworks = new HashMap<>();
        // Every question code seen gets a small number (its place in this map), for the duplicate check.
        Map<String, Integer> questionNumbers = new HashMap<>();
        // With a sink, the accepted question scores are counted and their years noted instead of kept.
        QuestionScoreSink streamTo = sink.filter(s -> layout == Layout.LONG).orElse(null);
        int[] streamed = {0};
        java.util.SortedSet<Integer> streamedYears = new java.util.TreeSet<>();
        int[] lastYear = {0};
        for (Optional<CsvRecord> next = next(fileName, records, problems); next.isPresent(); next = next(fileName, records, problems)) {
            CsvRecord record = next.get();
            Row row = new Row(fileName, record, columns, problems);
            if (record.getFieldCount() != headerRecord.getFieldCount()) {
                row.problem("", "has " + record.getFieldCount() + " fields, the header has " + headerRecord.getFieldCount(),
                        "แถวนี้มี " + record.getFieldCount() + " ช่อง แต่หัวตารางมี " + headerRecord.getFieldCount() + " ช่อง");
                continue;
            }
            Optional<Agency> agency = agency(row, agencyCache);
            Integer knownYear = validYears.get(row.text(FISCAL_YEAR));
            Optional<Integer> year = knownYear != null ? Optional.of(knownYear) : year(row);
            if (knownYear == null && year.isPresent()) {
                validYears.put(row.text(FISCAL_YEAR), year.get());
            }
            Optional<Framework> framework = year.isEmpty() ? Optional.empty()
                    : frameworks.computeIfAbsent(year.get(), catalog::framework);
            if (layout == Layout.WIDE) {
                readWide(row, agency, year, framework, warnings).ifPresent(result -> {
                    String key = result.agency().code() + "/" + result.fiscalYear();
                    Long first = seenResults.putIfAbsent(key, record.getStartingLineNumber());
                    if (first != null) {
                        row.problem(AGENCY_CODE, "duplicate row: agency " + result.agency().code() + ", year "
                                + result.fiscalYear() + " is already on row " + first, "แถวซ้ำ: หน่วยงาน " + result.agency().code()
                                + " ปี " + result.fiscalYear() + " มีแล้วในแถวที่ " + first);
                    } else {
                        results.add(result);
                    }
                });
            } else {
                readLong(row, agency, year, framework, codes, questionNumbers).ifPresent(accepted -> {
                    QuestionScore score = accepted.score();
                    // Numbers instead of strings: the agency code's digits with the year, and the question's number.
                    long agencyYear = Long.parseLong(score.agency().code()) * 1000 + (score.fiscalYear() - 2400);
                    long first = seenQuestions.putIfAbsent(agencyYear, accepted.questionNumber(), record.getStartingLineNumber());
                    if (first != 0) {
                        row.problem(CODE, "duplicate row: agency " + score.agency().code() + ", year " + score.fiscalYear()
                                + ", question " + score.question() + " is already on row " + first, "แถวซ้ำ: หน่วยงาน "
                                + score.agency().code() + " ปี " + score.fiscalYear() + " ข้อ " + score.question() + " มีแล้วในแถวที่ " + first);
                    } else if (streamTo == null) {
                        questions.add(score);
                    } else {
                        streamed[0]++;
                        if (score.fiscalYear() != lastYear[0]) {
                            lastYear[0] = score.fiscalYear();
                            streamedYears.add(score.fiscalYear());
                        }
                        if (problems.isEmpty()) {
                            streamTo.accept(score);
                        }
                    }
                });
            }
        }
        return new ResultFile(fileName, sha256, encoding, layout, List.copyOf(results),
                List.copyOf(questions), problems.kept(), List.copyOf(warnings), problems.total(),
                streamTo == null ? Optional.empty()
                        : Optional.of(new ResultFile.StreamedRows(streamed[0], List.copyOf(streamedYears))));
    }

    /** The next record, or none at the end or when the file cannot be parsed further (a problem, then). */
    private static Optional<CsvRecord> next(String fileName, Iterator<CsvRecord> records, ProblemList problems) {
        try {
            return records.hasNext() ? Optional.of(records.next()) : Optional.empty();
        } catch (RuntimeException e) {
            problems.add(new LoadProblem(fileName, 0, "", "not a readable CSV file: " + e.getMessage(),
                    "อ่านไฟล์ CSV ไม่ได้: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private Optional<Agency> agency(Row row, Map<String, Optional<Agency>> checked) {
        String written = row.text(AGENCY_CODE);
        Optional<Agency> known = checked.get(written);
        if (known != null && known.isPresent() && row.optional(AGENCY_NAME).isEmpty()) {
            return known;
        }
        Optional<Agency> agency = checkAgency(row);
        checked.put(written, agency);
        return agency;
    }

    private Optional<Agency> checkAgency(Row row) {
        String code = ThaiNumerals.toArabic(row.text(AGENCY_CODE)).strip();
        if (!Agency.isValidCode(code)) {
            row.problem(AGENCY_CODE, "agency code must be 5–10 digits, got '" + code + "'",
                    "รหัสหน่วยงานต้องเป็นตัวเลข 5–10 หลัก แต่พบ '" + code + "'");
            return Optional.empty();
        }
        Optional<Agency> agency = agencies.agency(code);
        if (agency.isEmpty()) {
            row.problem(AGENCY_CODE, "unknown agency " + code + " (not in the registry)", "ไม่พบหน่วยงานรหัส " + code + " ในทะเบียน");
            return Optional.empty();
        }
        String name = row.optional(AGENCY_NAME).map(n -> n.replaceAll("\\s+", "")).orElse("");
        if (!name.isEmpty() && !name.equals(agency.get().nameTh()) && !name.equals(agency.get().shortNameTh())) {
            row.problem(AGENCY_NAME, "agency " + code + " is " + agency.get().nameTh() + " in the registry, not " + name,
                    "หน่วยงานรหัส " + code + " ในทะเบียนคือ " + agency.get().nameTh() + " ไม่ใช่ " + name);
            return Optional.empty();
        }
        return agency;
    }

    private Optional<Integer> year(Row row) {
        Optional<BigDecimal> value = row.number(FISCAL_YEAR);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        int year = value.get().intValue();
        if (value.get().scale() > 0 || catalog.framework(year).isEmpty()) {
            String range = catalog.years().first() + "–" + catalog.years().last();
            row.problem(FISCAL_YEAR, "year " + row.text(FISCAL_YEAR).strip() + " is outside the catalog (" + range + ")",
                    "ปี " + row.text(FISCAL_YEAR).strip() + " ไม่อยู่ในเกณฑ์การประเมินที่มี (" + range + ")");
            return Optional.empty();
        }
        return Optional.of(year);
    }

    private Optional<AgencyYearResult> readWide(Row row, Optional<Agency> agency, Optional<Integer> year,
                                                Optional<Framework> framework, List<String> warnings) {
        Optional<BigDecimal> total = row.optional(TOTAL).isPresent() ? row.score(TOTAL) : Optional.empty();
        Map<Integer, BigDecimal> indicators = new HashMap<>();
        int indicatorCount = framework.map(f -> f.indicators().size()).orElse(10);
        for (int i = 1; i <= indicatorCount; i++) {
            String column = "indicator_" + i;
            if (row.optional(column).isPresent()) {
                int number = i;
                row.score(column).ifPresent(score -> indicators.put(number, score));
            }
        }
        Map<String, Optional<BigDecimal>> tools = new HashMap<>();
        for (String tool : List.of("iit", "eit", "oit")) {
            tools.put(tool, row.optional(tool).isPresent() ? row.score(tool) : Optional.empty());
        }
        Optional<String> level = row.optional(LEVEL).map(l -> l.strip().toUpperCase(Locale.ROOT));
        if (level.isPresent() && !catalog.isLevel(level.get())) {
            row.problem(LEVEL, "level '" + level.get() + "' is not one of the bands AA, A, B, C, D, E, F",
                    "ระดับ '" + level.get() + "' ไม่ใช่ AA, A, B, C, D, E หรือ F");
        }
        if (agency.isEmpty() || year.isEmpty() || row.hasProblems()) {
            return Optional.empty();
        }
        boolean complete = indicators.size() == indicatorCount;
        Optional<ScoreSheet> computed = complete ? Optional.of(scoring.score(year.get(), indicators)) : Optional.empty();
        if (total.isEmpty() && computed.isEmpty()) {
            row.problem(TOTAL, "no total, and not all " + indicatorCount + " indicator scores to compute it from",
                    "ไม่มีคะแนนรวม และคะแนนตัวชี้วัดไม่ครบ " + indicatorCount + " ตัวที่จะคำนวณได้");
            return Optional.empty();
        }
        BigDecimal finalTotal = total.orElseGet(() -> computed.orElseThrow().total());
        total.flatMap(t -> computed.isPresent() ? scoring.inconsistency(year.get(), t, indicators) : Optional.empty())
                .ifPresent(inconsistency -> warnings.add(row.where() + ": " + inconsistency));
        Framework f = framework.orElseThrow();
        List<BigDecimal> indicatorList = new ArrayList<>(Arrays.asList(new BigDecimal[indicatorCount]));
        indicators.forEach((number, score) -> indicatorList.set(number - 1, score));
        return Optional.of(new AgencyYearResult(agency.get(), year.get(), f.id(), finalTotal,
                level.orElseGet(() -> catalog.band(finalTotal)), level.isPresent(),
                tool(tools, "iit", computed), tool(tools, "eit", computed), tool(tools, "oit", computed),
                java.util.Collections.unmodifiableList(indicatorList)));
    }

    private static Optional<BigDecimal> tool(Map<String, Optional<BigDecimal>> given, String code, Optional<ScoreSheet> computed) {
        return given.get(code).or(() -> computed.map(sheet -> sheet.tools().get(code.toUpperCase(Locale.ROOT))));
    }

    /** A question code as written, resolved once per framework: its normalized code and indicator. */
    private record QuestionOfFramework(String code, Optional<Indicator> indicator, int number) {
    }

    /** An accepted question score and the number of its question code. */
    private record AcceptedQuestion(QuestionScore score, int questionNumber) {
    }

    private Optional<AcceptedQuestion> readLong(Row row, Optional<Agency> agency, Optional<Integer> year,
                                                Optional<Framework> framework,
                                                Map<Framework, Map<String, QuestionOfFramework>> codes,
                                                Map<String, Integer> questionNumbers) {
        String written = row.text(CODE);
        Optional<BigDecimal> score = row.score(SCORE);
        if (framework.isEmpty()) {
            return Optional.empty();
        }
        QuestionOfFramework question = codes.computeIfAbsent(framework.get(), f -> new HashMap<>()).computeIfAbsent(written, w -> {
            String code = QuestionCode.normalize(w.strip());
            return new QuestionOfFramework(code, framework.get().indicatorOfQuestion(code),
                    questionNumbers.computeIfAbsent(code, c -> questionNumbers.size()));
        });
        if (question.indicator().isEmpty()) {
            row.problem(CODE, "unknown question code '" + written.strip() + "' for " + year.orElseThrow()
                    + " (" + framework.get().id() + ")", "ไม่รู้จักข้อคำถาม '" + written.strip() + "' ของปี " + year.orElseThrow()
                    + " (" + framework.get().id() + ")");
        }
        if (agency.isEmpty() || score.isEmpty() || question.indicator().isEmpty() || row.hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(new AcceptedQuestion(new QuestionScore(agency.get(), year.get(), question.code(),
                question.indicator().get().number(), score.get()), question.number()));
    }

    public static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The header's columns by name, with the positions of the columns every row of a long file asks for looked up once
     * (a row asks five or six times; a map lookup each showed in the reading's profile).
     */
    private static final class Columns {
        private final Map<String, Integer> positions;
        private final int agencyCode;
        private final int agencyName;
        private final int fiscalYear;
        private final int code;
        private final int score;

        Columns(Map<String, Integer> positions) {
            this.positions = Map.copyOf(positions);
            this.agencyCode = positions.getOrDefault(AGENCY_CODE, -1);
            this.agencyName = positions.getOrDefault(AGENCY_NAME, -1);
            this.fiscalYear = positions.getOrDefault(FISCAL_YEAR, -1);
            this.code = positions.getOrDefault(CODE, -1);
            this.score = positions.getOrDefault(SCORE, -1);
        }

        /** The column's position, or -1 when the header does not have it. */
        @SuppressWarnings("StringEquality")
        int position(String column) {
            // The reader's own column names are constants: compared by identity first, by the map otherwise.
            if (column == AGENCY_CODE) {
                return agencyCode;
            } else if (column == FISCAL_YEAR) {
                return fiscalYear;
            } else if (column == CODE) {
                return code;
            } else if (column == SCORE) {
                return score;
            } else if (column == AGENCY_NAME) {
                return agencyName;
            }
            return positions.getOrDefault(column, -1);
        }
    }

    /** One data row and the problems found in it. */
    private static final class Row {
        private final String file;
        private final CsvRecord record;
        private final Columns columns;
        private final ProblemList problems;
        private boolean hasProblems;

        Row(String file, CsvRecord record, Columns columns, ProblemList problems) {
            this.file = file;
            this.record = record;
            this.columns = columns;
            this.problems = problems;
        }

        /** A column the header has (a required one). */
        String text(String column) {
            int position = columns.position(column);
            if (position < 0) {
                throw new IllegalStateException("no column " + column + " in the header");
            }
            return record.getField(position);
        }

        Optional<String> optional(String column) {
            int position = columns.position(column);
            if (position < 0) {
                return Optional.empty();
            }
            String value = record.getField(position);
            return value.isBlank() ? Optional.empty() : Optional.of(value);
        }

        Optional<BigDecimal> number(String column) {
            String value = text(column);
            Optional<BigDecimal> number = ThaiNumerals.parseDecimal(value);
            if (number.isEmpty()) {
                if (value.isBlank()) {
                    problem(column, "missing value", "ไม่มีค่า");
                } else {
                    problem(column, "'" + value.strip() + "' is not a number", "'" + value.strip() + "' ไม่ใช่ตัวเลข");
                }
            }
            return number;
        }

        Optional<BigDecimal> score(String column) {
            return number(column).filter(score -> {
                if (score.signum() < 0 || score.compareTo(HUNDRED) > 0) {
                    problem(column, "score " + score.toPlainString() + " is outside 0–100",
                            "คะแนน " + score.toPlainString() + " อยู่นอกช่วง 0–100");
                    return false;
                }
                if (score.scale() > 2 && score.stripTrailingZeros().scale() > 2) {
                    problem(column, "score " + score.toPlainString() + " has more than two decimals",
                            "คะแนน " + score.toPlainString() + " มีทศนิยมเกินสองตำแหน่ง");
                    return false;
                }
                return true;
            });
        }

        void problem(String column, String reason, String reasonTh) {
            hasProblems = true;
            problems.add(new LoadProblem(file, record.getStartingLineNumber(), column, reason, reasonTh));
        }

        boolean hasProblems() {
            return hasProblems;
        }

        String where() {
            return file + ", row " + record.getStartingLineNumber();
        }
    }
}
