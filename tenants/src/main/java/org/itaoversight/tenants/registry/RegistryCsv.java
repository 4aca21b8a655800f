package org.itaoversight.tenants.registry;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The registry's code lists as CSV (RFC 4180, UTF-8 with or without BOM, a header row, {@code #} comment lines).
 *
 * <pre>
 * provinces: code,name_th,name_en,region,districts
 * agencies:  code,name_th,type,province_code,district
 * </pre>
 *
 * Every problem is reported with its source, line and column; a list with any problem is rejected as a whole.
 */
public final class RegistryCsv {

    public static final List<String> PROVINCE_COLUMNS = List.of("code", "name_th", "name_en", "region", "districts");
    public static final List<String> AGENCY_COLUMNS = List.of("code", "name_th", "type", "province_code", "district");

    private static final String BUNDLED_PROVINCES = "provinces.csv";
    private static final String BUNDLED_SAMPLE_AGENCIES = "sample-agencies.csv";

    private RegistryCsv() {
    }

    /** The 77 provinces shipped with the platform. */
    public static List<Province> bundledProvinces() {
        return readBundled(BUNDLED_PROVINCES, RegistryCsv::readProvinces);
    }

    /** The agencies named in the sample documents. */
    public static List<Agency> bundledSampleAgencies() {
        return readBundled(BUNDLED_SAMPLE_AGENCIES, RegistryCsv::readAgencies);
    }

    public static List<Province> readProvinces(Reader reader, String source) {
        return readRows(reader, source, PROVINCE_COLUMNS, row -> {
            String code = row.text("code");
            Optional<Region> region = row.parse("region", value -> Region.valueOf(value.strip()),
                    "unknown region (expected one of NORTH, NORTHEAST, CENTRAL, EAST, WEST, SOUTH)");
            Optional<Integer> districts = row.parse("districts", value -> Integer.parseInt(value.strip()),
                    "not a whole number");
            if (!Province.isValidCode(code)) {
                row.problem("code", "province code must be two digits 10–99, got '" + code + "'");
            }
            if (row.text("name_th").isBlank()) {
                row.problem("name_th", "missing Thai name");
            }
            if (districts.isPresent() && districts.get() < 1) {
                row.problem("districts", "must be at least 1");
            }
            if (row.hasProblems()) {
                return Optional.empty();
            }
            return Optional.of(new Province(code, row.text("name_th").strip(), row.text("name_en").strip(),
                    region.orElseThrow(), districts.orElseThrow()));
        });
    }

    public static List<Agency> readAgencies(Reader reader, String source) {
        return readRows(reader, source, AGENCY_COLUMNS, row -> {
            String code = row.text("code").strip();
            Optional<AgencyType> type = AgencyType.parse(row.text("type"));
            if (!Agency.isValidCode(code)) {
                row.problem("code", "agency code must be 5–10 digits, got '" + code + "'");
            }
            if (row.text("name_th").isBlank()) {
                row.problem("name_th", "missing Thai name");
            }
            if (type.isEmpty()) {
                row.problem("type", "unknown agency type '" + row.text("type") + "'");
            }
            if (!Province.isValidCode(row.text("province_code").strip())) {
                row.problem("province_code", "province code must be two digits, got '" + row.text("province_code") + "'");
            }
            if (row.hasProblems()) {
                return Optional.empty();
            }
            return Optional.of(new Agency(code, row.text("name_th").strip(), type.orElseThrow(),
                    row.text("province_code").strip(), row.text("district").strip()));
        });
    }

    public static void writeAgencies(Writer writer, Collection<Agency> agencies) {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(writer);
        csv.writeRecord(AGENCY_COLUMNS);
        for (Agency agency : agencies) {
            csv.writeRecord(agency.code(), agency.nameTh(), agency.type().name(), agency.provinceCode(), agency.districtTh());
        }
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> readBundled(String name, ReaderFunction<T> read) {
        try (InputStream in = RegistryCsv.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled code list " + name + " is missing from the classpath");
            }
            return read.apply(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface ReaderFunction<T> {
        List<T> apply(Reader reader, String source);
    }

    private static <T> List<T> readRows(Reader reader, String source, List<String> required,
                                        Function<Row, Optional<T>> mapper) {
        List<RegistryProblem> problems = new ArrayList<>();
        List<T> result = new ArrayList<>();
        List<CsvLine> lines = parse(reader, source, problems);
        if (lines.isEmpty()) {
            problems.add(new RegistryProblem(source, 0, "", "the file is empty: expected a header row "
                    + String.join(",", required)));
            throw new RegistryException(problems);
        }
        CsvLine header = lines.getFirst();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            index.put(header.cells().get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
        }
        for (String column : required) {
            if (!index.containsKey(column)) {
                problems.add(new RegistryProblem(source, header.number(), column, "missing column in the header row"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RegistryException(problems);
        }
        for (CsvLine line : lines.subList(1, lines.size())) {
            if (line.cells().size() != header.cells().size()) {
                problems.add(new RegistryProblem(source, line.number(), "",
                        "has " + line.cells().size() + " cells, the header has " + header.cells().size()));
                continue;
            }
            Row row = new Row(source, line, index, problems);
            mapper.apply(row).ifPresent(result::add);
        }
        if (!problems.isEmpty()) {
            throw new RegistryException(problems);
        }
        return List.copyOf(result);
    }

    private record CsvLine(int number, List<String> cells) {
    }

    /**
     * RFC 4180 (FastCSV) with quoted cells that may hold commas, quotes and line breaks; skips blank and {@code #}
     * lines and a byte-order mark.
     */
    private static List<CsvLine> parse(Reader in, String source, List<RegistryProblem> problems) {
        List<CsvLine> lines = new ArrayList<>();
        long lastLine = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().commentStrategy(CommentStrategy.SKIP).commentCharacter('#')
                .skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true).allowUnclosedQuote(false)
                .ofCsvRecord(in)) {
            for (CsvRecord record : csv) {
                lastLine = record.getStartingLineNumber();
                List<String> cells = new ArrayList<>(record.getFields());
                if (lines.isEmpty() && !cells.getFirst().isEmpty() && cells.getFirst().charAt(0) == '\uFEFF') {
                    cells.set(0, cells.getFirst().substring(1));
                }
                if (cells.size() == 1 && cells.getFirst().isBlank()) {
                    continue;
                }
                lines.add(new CsvLine((int) record.getStartingLineNumber(), List.copyOf(cells)));
            }
        } catch (CsvParseException e) {
            problems.add(new RegistryProblem(source, (int) lastLine + 1, "", "a quoted cell is never closed"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** One data row, with the problems found in it so far. */
    private static final class Row {
        private final String source;
        private final CsvLine line;
        private final Map<String, Integer> index;
        private final List<RegistryProblem> problems;
        private boolean hasProblems;

        Row(String source, CsvLine line, Map<String, Integer> index, List<RegistryProblem> problems) {
            this.source = source;
            this.line = line;
            this.index = index;
            this.problems = problems;
        }

        String text(String column) {
            return line.cells().get(index.get(column));
        }

        <V> Optional<V> parse(String column, Function<String, V> parser, String reason) {
            String value = text(column);
            try {
                return Optional.of(parser.apply(value));
            } catch (RuntimeException e) {
                problem(column, reason + ": '" + value + "'");
                return Optional.empty();
            }
        }

        void problem(String column, String message) {
            hasProblems = true;
            problems.add(new RegistryProblem(source, line.number(), column, message));
        }

        boolean hasProblems() {
            return hasProblems;
        }
    }
}
