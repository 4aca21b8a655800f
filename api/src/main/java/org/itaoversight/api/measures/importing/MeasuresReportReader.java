package org.itaoversight.api.measures.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itaoversight.api.documents.AgencyFinder;
import org.itaoversight.api.documents.DocumentContent;
import org.itaoversight.api.documents.DocumentLine;
import org.itaoversight.api.documents.DocumentReader;
import org.itaoversight.api.documents.RegistryAgencyFinder;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.ita.catalog.Indicator;
import org.itaoversight.api.ita.text.ThaiNumerals;
import org.itaoversight.api.documents.StatedPlace;
import org.itaoversight.tenants.registry.AgencyNames;
import org.itaoversight.tenants.registry.AgencyRegistry;

/**
 * Reads an agency's measures report — Word, PDF or text, all first reduced to the same lines of paragraphs and table
 * rows ({@link DocumentReader}) — into measures.
 *
 * <p>It does not rely on one layout. Runs of table rows are tables; a table's header row is read as a whole
 * ({@link HeaderReading}): wording, word order and column order may differ from table to table, a header may span
 * two rows, and a header repeated on each page is recognised and skipped. A table without a header of its own
 * continues the table before it. A row starts a measure when its number column or the start of its measure cell
 * holds a number ({@code ๓.}, {@code 3)}, {@code (๓)}, {@code มาตรการที่ ๓}, {@code ๑.๑}); in a table without
 * numbers, every row with a measure cell does, except one that only finishes the cells of the row before a page
 * break. A row with an empty measure cell continues the measure before it (a merged cell, a cell cut by a page
 * break). An assessment-item column (the NACC's reporting form: "ข้อ ๐๑๙ …", "i4", "E๑๒") gives the measure's
 * targets, checked against the year's catalog; prose between tables gives the indicators it calls weak to the
 * measures of the following table.
 *
 * <p>Nothing is invented: a table whose header is not understood is not read but reported with its first rows and the
 * reader's guesses, and the administrator's column mapping ({@link ReadingChoices}) reads it again.
 */
public final class MeasuresReportReader {

    /** A measure's number at the start of its cell, on the Arabic-digit copy: "3.", "3)", "(3)", "มาตรการที่ 3", "3.1". */
    private static final Pattern MEASURE_NUMBER = Pattern.compile(
            "^(?:มาตรการที่\\s*|ข้อ\\s*)?\\(?([0-9]{1,2}(?:\\.[0-9]{1,2})?)(?:\\s*[.)]|\\s+(?=[\\u0E01-\\u0E4E])|(?=[\\u0E01-\\u0E2E\\u0E40-\\u0E44]))(?![0-9])\\s*");
    private static final Pattern NUMBER_CELL = Pattern.compile("^\\(?([0-9]{1,2}(?:\\.[0-9]{1,2})?)\\s*[.)]?$");
    private static final Pattern LETTER_CODE = Pattern.compile("(?<![A-Za-z])([IEOieo])\\s?([0-9]{1,2})(?![0-9])");
    private static final Pattern TOOL_CODE = Pattern.compile("(?<![A-Za-z])(IIT|EIT|OIT)(?:[ ]*ข้อ(?:คำถาม)?(?:ที่)?[ ]*)?([0-9]{1,2})(?![0-9])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WRITTEN_CODE = Pattern.compile("ข้อ\\s*(?:คำถาม\\s*)?(?:([IEOieo])\\s?([0-9]{1,2})|0([0-9]{1,2}))(?![0-9])");
    private static final Pattern INDICATOR_MENTION = Pattern.compile("ตัวชี้วัด(?:ที่([0-9]{1,2}))?(?:ย่อย)?(?:ด้าน|เรื่อง)?");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]{0,200}>");

    private final Catalog catalog;
    private final AgencyFinder agencies;
    private final DocumentReader documents;
    private final ThaiPeriodParser periods = new ThaiPeriodParser();
    private final FiscalYearFinding years = new FiscalYearFinding();

    public MeasuresReportReader(Catalog catalog, AgencyRegistry registry) {
        this(catalog, new RegistryAgencyFinder(registry), new DocumentReader());
    }

    public MeasuresReportReader(Catalog catalog, AgencyFinder agencies, DocumentReader documents) {
        this.catalog = catalog;
        this.agencies = agencies;
        this.documents = documents;
    }

    /** Reads a document of any supported format as the reader understands it on its own. */
    public MeasuresReport read(String source, byte[] content) {
        return read(source, content, ReadingChoices.none());
    }

    /**
     * Reads a document with the administrator's choices (column mapping, fiscal year).
     *
     * @throws org.itaoversight.api.documents.UnreadableDocumentException when the file cannot be read at all
     */
    public MeasuresReport read(String source, byte[] content, ReadingChoices choices) {
        return read(source, documents.read(source, content), choices);
    }

    /** A measure being read: its first row and the rows continuing it. */
    private static final class Draft {
        final List<Integer> lines = new ArrayList<>();
        final Map<ColumnRole, String> cells = new EnumMap<>(ColumnRole.class);
        final Set<String> sectionTargets;
        final String numberAsWritten;
        final int table;

        Draft(String numberAsWritten, Set<String> sectionTargets, int table) {
            this.numberAsWritten = numberAsWritten;
            this.sectionTargets = sectionTargets;
            this.table = table;
        }

        /** A row right after the last is more of the same cell (a new line); after a page break, running text. */
        void append(int line, Map<ColumnRole, String> more, boolean afterPageBreak) {
            lines.add(line);
            more.forEach((column, text) -> cells.merge(column, text,
                    afterPageBreak ? CellText::join : (before, after) -> before + "\n" + after));
        }
    }

    /** A row of a table and whether a page break (or a repeated header) came just before it. */
    private record Row(DocumentLine line, boolean afterBreak) {
    }

    /** A run of table rows: its header (if any) and its data rows. */
    private static final class Table {
        final int number;
        final String where;
        final List<String> prose;
        List<List<String>> headerRows = new ArrayList<>();
        List<String> header = List.of();
        boolean knownHeader;
        final List<Row> rows = new ArrayList<>();

        Table(int number, String where, List<String> prose) {
            this.number = number;
            this.where = where;
            this.prose = prose;
        }

        String signature() {
            return header.stream().map(HeaderReading::compact).map(s -> s.replace(" ", "")).toList().toString();
        }
    }

    MeasuresReport read(String source, DocumentContent document, ReadingChoices choices) {
        List<DocumentLine> lines = document.lines();
        List<String> warnings = new ArrayList<>(document.notes());

        int firstTable = 0;
        while (firstTable < lines.size() && !isTableRow(lines.get(firstTable))) {
            firstTable++;
        }
        String head = String.join("\n", lines.subList(0, firstTable).stream().map(DocumentLine::text).toList());
        String all = document.text();

        Optional<Integer> documentYear = years.find(head, all, warnings);
        Optional<Integer> year = choices.fiscalYear().or(() -> documentYear);
        if (choices.fiscalYear().isPresent() && documentYear.isPresent() && !documentYear.equals(choices.fiscalYear())) {
            warnings.add("เอกสารระบุปีงบประมาณ " + documentYear.get() + " แต่ผู้นำเข้าเลือกปี " + choices.fiscalYear().get());
        }
        Optional<Framework> framework = year.flatMap(catalog::framework);
        if (year.isPresent() && framework.isEmpty()) {
            warnings.add("ปีงบประมาณ " + year.get() + " ไม่อยู่ในเกณฑ์การประเมิน ITA ที่มี จึงตรวจข้อคำถามเป้าหมายไม่ได้");
        }

        String headPlain = HTML_TAG.matcher(head).replaceAll(" ");
        List<String> headerAgencies = agencies.namesIn(headPlain);
        StatedPlace place = StatedPlace.in(headPlain, agencies);
        Optional<String> district = place.districtTh();
        Optional<String> province = place.provinceTh();
        Optional<String> agencyName = headerAgencies.stream().findFirst();
        AgencyNames.Match match = agencies.find(headerAgencies, district, province);
        match.problem().ifPresent(problem -> warnings.add(agencyName.isEmpty() ? "ไม่พบชื่อหน่วยงานก่อนตารางแรก" : problem));
        Optional<String> agencyCode = match.agency().map(a -> a.code());
        Optional<String> headerAgency = match.agency().map(a -> a.nameTh()).or(() -> agencyName);
        if (headerAgencies.size() > 1) {
            warnings.add("ส่วนหัวของเอกสารระบุหน่วยงานมากกว่าหนึ่งแห่ง: " + String.join(", ", headerAgencies));
        }
        Map<String, List<String>> otherAgencies = new LinkedHashMap<>();
        for (int i = firstTable; i < lines.size(); i++) {
            for (String named : agencies.namesIn(HTML_TAG.matcher(lines.get(i).text()).replaceAll(" "))) {
                if (headerAgency.isPresent() && !named.equals(headerAgency.get())) {
                    otherAgencies.computeIfAbsent(named, n -> new ArrayList<>()).add(lines.get(i).where());
                }
            }
        }

        List<Table> tables = segment(lines);
        List<Draft> drafts = new ArrayList<>();
        List<TableReading> readings = new ArrayList<>();
        Set<String> sectionTargets = new LinkedHashSet<>();
        Map<ColumnRole, Integer> previousRoles = null;
        String previousSource = "NONE";
        Boolean previousNumbered = null;
        Map<String, Map<Integer, ColumnRole>> chosenBySignature = new LinkedHashMap<>();
        for (Table table : tables) {
            Map<Integer, ColumnRole> chosen = choices.columns().get(table.number);
            if (chosen != null && !table.header.isEmpty()) {
                chosenBySignature.put(table.signature(), chosen);
            }
        }
        for (Table table : tables) {
            List<String> problems = new ArrayList<>();
            Set<String> named = framework.map(f -> indicatorsNamed(f, String.join(" ", table.prose))).orElse(Set.of());
            if (!named.isEmpty()) {
                sectionTargets = named;
            }
            Map<Integer, ColumnRole> chosen = choices.columns().get(table.number);
            if (chosen == null && !table.header.isEmpty()) {
                chosen = chosenBySignature.get(table.signature());
            }
            List<TableReading.ColumnReading> columns;
            String readingSource;
            Map<ColumnRole, Integer> roles;
            int width = table.rows.stream().mapToInt(r -> r.line().cells().size()).max().orElse(0);
            width = Math.max(width, table.header.size());
            if (chosen != null) {
                columns = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    ColumnRole role = chosen.getOrDefault(c, ColumnRole.IGNORE);
                    columns.add(new TableReading.ColumnReading(c, c < table.header.size() ? HeaderReading.compact(table.header.get(c)) : "",
                            role, 1.0, chosen.containsKey(c) ? "ผู้นำเข้าระบุ" : "ผู้นำเข้าไม่ได้ระบุ จึงไม่อ่าน"));
                }
                readingSource = "CHOSEN";
            } else if (table.knownHeader) {
                columns = HeaderReading.read(table.header);
                readingSource = "HEADER";
            } else if (table.header.isEmpty() && previousRoles != null) {
                columns = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    int column = c;
                    ColumnRole role = previousRoles.entrySet().stream().filter(e -> e.getValue() == column)
                            .map(Map.Entry::getKey).findFirst().orElse(ColumnRole.UNKNOWN);
                    columns.add(new TableReading.ColumnReading(c, "", role, "CHOSEN".equals(previousSource) ? 1.0 : 0.6,
                            "ตารางนี้ไม่มีหัวตารางของตัวเอง อ่านตามตารางก่อนหน้า"));
                }
                readingSource = "CONTINUES";
            } else {
                columns = table.header.isEmpty() ? guesses(table, width) : HeaderReading.read(table.header);
                readingSource = "NONE";
            }
            roles = new EnumMap<>(ColumnRole.class);
            for (TableReading.ColumnReading column : columns) {
                if (column.role() != ColumnRole.UNKNOWN && column.role() != ColumnRole.IGNORE) {
                    roles.putIfAbsent(column.role(), column.column());
                }
            }
            if ("NONE".equals(readingSource) && isSignatureBlock(table)) {
                problems.add("ตารางนี้เป็นช่องลงนาม (ลงชื่อ … ผู้รายงาน/ผู้รับรอง) ไม่ใช่ตารางมาตรการ จึงไม่ได้อ่าน");
                roles.clear();
            } else if ("NONE".equals(readingSource)) {
                problems.add(table.header.isEmpty()
                        ? "ตารางนี้ไม่มีหัวตาราง และไม่มีตารางก่อนหน้าให้อ่านตาม จึงไม่ได้อ่าน กรุณาระบุว่าคอลัมน์ใดคืออะไร"
                        : "ไม่รู้จักหัวตารางนี้พอจะอ่านได้ กรุณาระบุว่าคอลัมน์ใดคืออะไร");
                warnings.add(table.where + ": แถวตารางก่อนมีหัวตาราง (หรือหัวตารางที่อ่านไม่ได้) ข้ามไป " + table.rows.size() + " แถว");
                roles.clear();
            } else if (!roles.containsKey(ColumnRole.MEASURE)) {
                problems.add("ไม่พบคอลัมน์มาตรการ จึงไม่ได้อ่านตารางนี้");
                warnings.add(table.where + ": ไม่พบคอลัมน์มาตรการ ข้ามตารางนี้ " + table.rows.size() + " แถว");
                roles.clear();
            }
            int before = drafts.size();
            if (!roles.isEmpty()) {
                previousNumbered = readRows(table, roles, columns, sectionTargets, drafts, warnings,
                        "CONTINUES".equals(readingSource) ? previousNumbered : null);
                previousRoles = roles;
                previousSource = readingSource;
            }
            List<String> unread = new ArrayList<>();
            for (TableReading.ColumnReading column : columns) {
                if (column.role() == ColumnRole.UNKNOWN && !roles.isEmpty()
                        && table.rows.stream().anyMatch(r -> column.column() < r.line().cells().size()
                        && !CellText.isEmpty(r.line().cells().get(column.column())))) {
                    unread.add("คอลัมน์ที่ " + (column.column() + 1) + (column.header().isEmpty() ? "" : " \"" + column.header() + "\""));
                }
            }
            if (!unread.isEmpty()) {
                problems.add("ไม่ได้อ่าน " + String.join(", ", unread));
            }
            List<List<String>> firstRows = new ArrayList<>(table.headerRows);
            table.rows.stream().limit(3).forEach(r -> firstRows.add(r.line().cells().stream().map(MeasuresReportReader::shorten).toList()));
            readings.add(new TableReading(table.number, table.where, table.headerRows.size(),
                    firstRows.stream().map(r -> r.stream().map(MeasuresReportReader::shorten).toList()).toList(), columns,
                    readingSource, drafts.size() - before, problems));
        }
        otherAgencies.forEach((name, where) -> warnings.add("ส่วนหัวของเอกสารเป็นของ" + headerAgency.orElse("?")
                + " แต่เนื้อหาระบุ" + name + " (" + where.size() + " ที่ ที่แรกคือ" + where.getFirst() + ")"));
        if (tables.isEmpty()) {
            warnings.add("ไม่พบตารางมาตรการ (หัวตารางที่มีมาตรการ ขั้นตอน ผู้รับผิดชอบ ระยะเวลา…)");
        } else if (drafts.isEmpty()) {
            warnings.add("ไม่พบตารางมาตรการที่อ่านได้ (พบตาราง " + tables.size() + " ตาราง แต่ไม่รู้ว่าคอลัมน์ใดคือมาตรการ)");
        }
        noteRestartedNumbering(drafts, warnings);

        List<ImportedMeasure> measures = new ArrayList<>();
        for (int n = 0; n < drafts.size(); n++) {
            measures.add(measure(n + 1, drafts.get(n), year, framework));
        }
        return new MeasuresReport(source, document.encoding(), agencyCode, headerAgency, province, year, measures, warnings,
                document.format().name(), readings, AgencyReading.of(match, agencyName, district, province));
    }

    private static boolean isTableRow(DocumentLine line) {
        return line.isRow() && line.cells().stream().filter(c -> !CellText.isEmpty(c)).count() >= 2;
    }

    private static String shorten(String cell) {
        String flat = String.join(" ", CellText.lines(cell));
        return flat.length() <= 120 ? flat : flat.substring(0, 120) + "…";
    }

    /** Splits the lines into tables: a new one after prose, at a new header, or where the document's own tables change. */
    /** "ลงชื่อ ....... ผู้รายงาน": a signature line (the word to sign, or a dotted line and a signer's role). */
    private static final Pattern SIGNATURE = Pattern.compile("^\\s*(?:ลงชื่อ|ลงนาม)|[.…_]{5,}\\s*\\(?\\s*ผู้(?:รายงาน|รับรอง|อนุมัติ|จัดทำ|ตรวจสอบ|บันทึก|เสนอ|เห็นชอบ)");

    /**
     * Whether a table not understood is the signature block laid out as a table after the report (signers side by
     * side: "ลงชื่อ …… ผู้รายงาน", the name in brackets, the position): its first row is signature lines only, and no
     * cell is long enough to be a measure.
     */
    private static boolean isSignatureBlock(Table table) {
        List<List<String>> rows = new ArrayList<>(table.headerRows);
        table.rows.forEach(r -> rows.add(r.line().cells()));
        if (rows.isEmpty() || rows.stream().flatMap(List::stream).anyMatch(c -> c.strip().length() > 80)) {
            return false;
        }
        List<String> first = rows.getFirst().stream().filter(c -> !CellText.isEmpty(c)).toList();
        return !first.isEmpty() && first.stream().allMatch(c -> SIGNATURE.matcher(c).find());
    }

    private static List<Table> segment(List<DocumentLine> lines) {
        List<Table> tables = new ArrayList<>();
        List<String> prose = new ArrayList<>();
        Table current = null;
        boolean breakPending = false;
        boolean proseSince = false;
        int lastSourceTable = 0;
        for (DocumentLine line : lines) {
            if (!line.isRow() || line.cells().stream().allMatch(CellText::isEmpty)) {
                if (line.isBlank() || line.cells().stream().allMatch(CellText::isEmpty)) {
                    breakPending |= current != null;
                } else {
                    prose.add(line.text());
                    proseSince = current != null;
                }
                continue;
            }
            if (!isTableRow(line) && current == null) {
                prose.add(line.text());
                continue;
            }
            List<String> cells = line.cells();
            boolean known = HeaderReading.isHeader(cells);
            String signature = cells.stream().map(HeaderReading::compact).map(s -> s.replace(" ", "")).toList().toString();
            boolean sourceChanged = line.table() != 0 && lastSourceTable != 0 && line.table() != lastSourceTable;
            lastSourceTable = line.table();
            if (current != null && known && signature.equals(current.signature()) && !proseSince) {
                breakPending = true; // the header repeated on a new page
                proseSince = false;
                continue;
            }
            boolean subHeader = current != null && current.rows.isEmpty() && !current.header.isEmpty()
                    && !proseSince && !sourceChanged && HeaderReading.isSubHeader(current.header, cells);
            if (subHeader) {
                List<String> combined = new ArrayList<>();
                for (int c = 0; c < Math.max(cells.size(), current.header.size()); c++) {
                    String top = c < current.header.size() ? current.header.get(c) : "";
                    if (top.isEmpty()) {
                        for (int k = c - 1; k >= 0 && top.isEmpty(); k--) {
                            top = k < current.header.size() && !current.header.get(k).isEmpty() && (k >= cells.size()
                                    || !cells.get(k).isEmpty()) ? current.header.get(k) : "";
                            if (!top.isEmpty()) {
                                break;
                            }
                        }
                    }
                    String bottom = c < cells.size() ? cells.get(c) : "";
                    combined.add((top + " " + bottom).strip());
                }
                if (HeaderReading.isHeader(combined) || !current.knownHeader) { // a second header row: "ผลผลิต | ผลลัพธ์" under "ผลการดำเนินงาน"
                    current.header = combined;
                    current.knownHeader = HeaderReading.isHeader(combined);
                    current.headerRows.add(cells);
                    continue;
                }
            }
            boolean startsTable = current == null || proseSince || known || sourceChanged;
            if (startsTable) {
                current = new Table(tables.size() + 1, line.where(), List.copyOf(prose));
                prose.clear();
                tables.add(current);
                proseSince = false;
                breakPending = false;
                if (known || HeaderReading.looksLikeHeader(cells) && !looksLikeData(cells)) {
                    current.header = cells;
                    current.knownHeader = known;
                    current.headerRows.add(cells);
                    continue;
                }
            }
            current.rows.add(new Row(line, breakPending || line.afterPageBreak()));
            breakPending = false;
        }
        return tables;
    }

    /** A row that reads as content although its cells are short: a date or a number in it. */
    private static boolean looksLikeData(List<String> cells) {
        return cells.stream().map(c -> ThaiNumerals.toArabic(HeaderReading.compact(c))).anyMatch(c -> c.matches(".*[0-9].*"));
    }

    /** Content-based guesses for a table without a header, shown to the administrator; never used on their own. */
    private List<TableReading.ColumnReading> guesses(Table table, int width) {
        List<TableReading.ColumnReading> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            int column = c;
            List<String> cells = table.rows.stream().filter(r -> column < r.line().cells().size())
                    .map(r -> String.join(" ", CellText.lines(r.line().cells().get(column)))).filter(s -> !s.isEmpty()).toList();
            ColumnRole role = ColumnRole.UNKNOWN;
            String why = "เดาไม่ได้";
            if (!cells.isEmpty() && cells.stream().filter(s -> periods.parse(s, Optional.of(2566)).understood()).count() * 2 >= cells.size()) {
                role = ColumnRole.PERIOD;
                why = "เดาจากเนื้อหา: เป็นวันที่หรือช่วงเวลา";
            } else if (!cells.isEmpty() && cells.stream().allMatch(s -> NUMBER_CELL.matcher(ThaiNumerals.toArabic(s)).matches())) {
                role = ColumnRole.NUMBER;
                why = "เดาจากเนื้อหา: เป็นเลขลำดับ";
            } else if (!cells.isEmpty() && cells.stream().filter(s -> s.length() < 60
                    && s.matches(".*(กอง|สำนัก|ฝ่าย|งาน|ส่วน|ทุก|นายก|ปลัด|เจ้าหน้าที่).*")).count() * 2 > cells.size()) {
                role = ColumnRole.UNITS;
                why = "เดาจากเนื้อหา: เป็นชื่อหน่วยงานสั้น ๆ";
            }
            columns.add(new TableReading.ColumnReading(c, "", role, role == ColumnRole.UNKNOWN ? 0 : 0.3, why));
        }
        return columns;
    }

    /** Reads a table's data rows into measures; returns whether the table numbers its measures. */
    private Boolean readRows(Table table, Map<ColumnRole, Integer> roles, List<TableReading.ColumnReading> columns,
                             Set<String> sectionTargets, List<Draft> drafts, List<String> warnings, Boolean numberedBefore) {
        Boolean numbered = numberedBefore;
        Draft last = drafts.isEmpty() ? null : drafts.getLast();
        Map<ColumnRole, String> lastTargetCells = new EnumMap<>(ColumnRole.class);
        for (Row row : table.rows) {
            List<String> cells = row.line().cells();
            Map<ColumnRole, String> values = new EnumMap<>(ColumnRole.class);
            for (Map.Entry<ColumnRole, Integer> role : roles.entrySet()) {
                if (role.getValue() < cells.size()) {
                    String text = CellText.resolveSoftBreaks(String.join("\n", CellText.lines(cells.get(role.getValue()))),
                            role.getKey() == ColumnRole.UNITS);
                    if (!text.isEmpty()) {
                        values.put(role.getKey(), text);
                    }
                }
            }
            for (TableReading.ColumnReading column : columns) {
                if (column.role() == ColumnRole.UNKNOWN && column.column() < cells.size() && !CellText.isEmpty(cells.get(column.column()))) {
                    warnings.add(row.line().where() + ": ช่องที่ " + (column.column() + 1)
                            + (column.header().isEmpty() ? " ไม่มีหัวคอลัมน์" : " (คอลัมน์ \"" + column.header() + "\")") + " ไม่ได้อ่าน");
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            String title = values.getOrDefault(ColumnRole.MEASURE, "");
            String numberWritten = "";
            String numberCell = ThaiNumerals.toArabic(values.getOrDefault(ColumnRole.NUMBER, "")).strip();
            Matcher numberMatch = NUMBER_CELL.matcher(numberCell);
            if (numberMatch.matches()) {
                numberWritten = values.get(ColumnRole.NUMBER).strip().replaceAll("^\\(|[.)]$", "").strip();
            }
            Matcher inTitle = MEASURE_NUMBER.matcher(ThaiNumerals.toArabic(title));
            boolean titleNumber = !title.isEmpty() && inTitle.find();
            if (titleNumber) {
                // Thai digits map one to one onto Arabic ones, so positions in the copy are positions in the title.
                if (numberWritten.isEmpty()) {
                    numberWritten = title.substring(inTitle.start(1), inTitle.end(1));
                }
                values.put(ColumnRole.MEASURE, title.substring(inTitle.end()));
            }
            boolean hasNumber = !numberWritten.isEmpty();
            boolean startsMeasure;
            if (hasNumber) {
                startsMeasure = true;
            } else if (title.isEmpty()) {
                startsMeasure = false;
            } else if (Boolean.TRUE.equals(numbered)) {
                startsMeasure = false; // an unnumbered measure cell in a numbered table: the rest of a cut cell
            } else {
                startsMeasure = !(row.afterBreak() && last != null && finishesCutRow(last, values, roles));
            }
            if (startsMeasure) {
                if (numbered == null) {
                    numbered = hasNumber;
                }
                boolean targetColumn = roles.containsKey(ColumnRole.TARGET) || roles.containsKey(ColumnRole.ISSUE);
                if (targetColumn) {
                    // An assessment item merged over several rows covers every measure beside it.
                    for (ColumnRole role : List.of(ColumnRole.TARGET, ColumnRole.ISSUE)) {
                        if (values.containsKey(role)) {
                            lastTargetCells.put(role, values.get(role));
                        } else if (lastTargetCells.containsKey(role) && !values.containsKey(ColumnRole.TARGET)) {
                            values.put(role, lastTargetCells.get(role));
                        }
                    }
                }
                Draft draft = new Draft(numberWritten, Set.copyOf(sectionTargets), table.number);
                draft.append(row.line().number(), values, false);
                drafts.add(draft);
                last = draft;
            } else if (last == null) {
                warnings.add(row.line().where() + ": แถวต่อเนื่องที่ไม่มีมาตรการก่อนหน้า (ช่องมาตรการว่าง) ข้ามไป");
            } else {
                last.append(row.line().number(), values, row.afterBreak());
            }
        }
        return numbered;
    }

    /**
     * Whether a row after a page break, in a table without numbers, only finishes the cells of the measure before
     * it: the measure's first row filled its units or period, and this row leaves them empty.
     */
    private static boolean finishesCutRow(Draft last, Map<ColumnRole, String> values, Map<ColumnRole, Integer> roles) {
        for (ColumnRole role : List.of(ColumnRole.UNITS, ColumnRole.PERIOD)) {
            if (roles.containsKey(role) && last.cells.containsKey(role) && !values.containsKey(role)) {
                return true;
            }
        }
        return false;
    }

    private ImportedMeasure measure(int number, Draft draft, Optional<Integer> year, Optional<Framework> framework) {
        List<String> warnings = new ArrayList<>();
        String title = draft.cells.getOrDefault(ColumnRole.MEASURE, "").replaceFirst("^[-•*\\s]+", "").strip();
        if (title.isEmpty()) {
            warnings.add("ไม่มีชื่อมาตรการ (บรรทัด " + draft.lines.getFirst() + ")");
        }
        String steps = draft.cells.getOrDefault(ColumnRole.STEPS, "");
        List<String> units = CellText.items(draft.cells.getOrDefault(ColumnRole.UNITS, ""));
        if (units.isEmpty()) {
            warnings.add("ไม่ระบุผู้รับผิดชอบ");
        }
        PlannedPeriod period = periods.parse(draft.cells.getOrDefault(ColumnRole.PERIOD, ""), year);
        if (!period.understood()) {
            warnings.add("อ่านระยะเวลา \"" + period.text() + "\" ไม่ได้ (" + String.join("; ", period.notes())
                    + ") เก็บเป็นข้อความโดยไม่มีวันที่");
        } else {
            period.notes().forEach(note -> warnings.add("ระยะเวลา: " + note));
        }
        Set<String> targets = new LinkedHashSet<>(draft.sectionTargets);
        String itemText = String.join("\n", draft.cells.getOrDefault(ColumnRole.TARGET, ""), draft.cells.getOrDefault(ColumnRole.ISSUE, ""));
        String targetText = String.join("\n", title, steps, itemText);
        framework.ifPresent(f -> targets.addAll(indicatorsNamed(f, targetText)));
        framework.ifPresent(f -> targets.addAll(indicatorsByName(f, draft.cells.getOrDefault(ColumnRole.TARGET, ""))));
        for (String code : questionCodes(targetText)) {
            if (framework.isPresent() && framework.get().indicatorOfQuestion(code).isEmpty()) {
                warnings.add("ข้อ " + code + " ไม่ใช่ข้อคำถามของ " + framework.get().id() + " จึงไม่นับเป็นเป้าหมาย");
            } else {
                targets.add(code);
            }
        }
        if (draft.cells.containsKey(ColumnRole.NOTES)) {
            warnings.add("ไม่ได้เก็บคอลัมน์หมายเหตุ: " + abbreviate(draft.cells.get(ColumnRole.NOTES)));
        }
        if (draft.cells.containsKey(ColumnRole.EVIDENCE)) {
            warnings.add("เก็บหลักฐานเฉพาะที่เป็นลิงก์: " + abbreviate(draft.cells.get(ColumnRole.EVIDENCE)));
        }
        return new ImportedMeasure(number, draft.numberAsWritten, draft.lines, title, List.copyOf(targets), steps, units,
                period, draft.cells.getOrDefault(ColumnRole.OUTPUT, ""), draft.cells.getOrDefault(ColumnRole.OUTCOME, ""),
                warnings);
    }

    private static void noteRestartedNumbering(List<Draft> drafts, List<String> warnings) {
        String previous = "";
        for (Draft draft : drafts) {
            if (draft.numberAsWritten.isEmpty()) {
                continue;
            }
            String written = ThaiNumerals.toArabic(draft.numberAsWritten);
            if (!follows(previous, written)) {
                warnings.add("บรรทัด " + draft.lines.getFirst() + ": มาตรการหมายเลข " + draft.numberAsWritten + " ต่อจาก"
                        + (previous.isEmpty() ? "แถวที่ไม่มีหมายเลข" : "หมายเลข " + previous)
                        + (written.equals("1") ? " (เริ่มนับใหม่)" : "") + " ระบบเรียงหมายเลขมาตรการตามลำดับในเอกสาร");
            }
            previous = written;
        }
    }

    /** "3" follows "2", "2.1" follows "2" or "1.3", "2.2" follows "2.1". */
    private static boolean follows(String previous, String next) {
        String[] p = previous.isEmpty() ? new String[]{"0"} : previous.split("\\.");
        String[] n = next.split("\\.");
        int pMajor = Integer.parseInt(p[0]);
        int nMajor = Integer.parseInt(n[0]);
        if (n.length == 1) {
            return nMajor == pMajor + 1;
        }
        int nMinor = Integer.parseInt(n[1]);
        if (nMajor == pMajor) {
            return p.length == 1 ? nMinor == 1 : nMinor == Integer.parseInt(p[1]) + 1;
        }
        return nMajor == pMajor + 1 && nMinor == 1;
    }

    /** Indicators named anywhere in an assessment-item cell, by name or known synonym (no "ตัวชี้วัด" needed). */
    static Set<String> indicatorsByName(Framework framework, String text) {
        String compact = text.replaceAll("\\s+", "");
        Set<String> found = new LinkedHashSet<>();
        if (compact.isEmpty() || !questionCodes(text).isEmpty()) {
            return found; // a question code says more than the indicator its wording mentions
        }
        for (Indicator indicator : framework.indicators()) {
            List<String> names = new ArrayList<>(indicator.synonyms());
            names.add(indicator.nameTh());
            if (names.stream().map(n -> n.replace(" ", "")).anyMatch(compact::contains)) {
                found.add("indicator:" + indicator.number());
            }
        }
        return found;
    }

    /** Indicators a text names after the word ตัวชี้วัด, by number, name or known synonym ("ตัวชี้วัดด้าน การใช้ทรัพย์สินราชการ"). */
    static Set<String> indicatorsNamed(Framework framework, String text) {
        String compact = ThaiNumerals.toArabic(text).replaceAll("\\s+", "");
        Map<String, Integer> names = new LinkedHashMap<>();
        for (Indicator indicator : framework.indicators()) {
            names.put(indicator.nameTh().replace(" ", ""), indicator.number());
            indicator.synonyms().forEach(s -> names.put(s.replace(" ", ""), indicator.number()));
        }
        List<String> longestFirst = names.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        Set<String> found = new LinkedHashSet<>();
        Matcher mention = INDICATOR_MENTION.matcher(compact);
        while (mention.find()) {
            if (mention.group(1) != null) {
                int n = Integer.parseInt(mention.group(1));
                if (framework.indicator(n).isPresent()) {
                    found.add("indicator:" + n);
                }
            }
            String after = compact.substring(mention.end());
            longestFirst.stream().filter(after::startsWith).findFirst().ifPresent(name -> found.add("indicator:" + names.get(name)));
        }
        return found;
    }

    /**
     * Question codes written with their letter ({@code E๑๒}, {@code O17}, {@code i4}), after ข้อ ({@code ข้อ ๐๑๙} =
     * o19) or after the tool ({@code IIT ข้อ 4} = i4).
     */
    static Set<String> questionCodes(String text) {
        String arabic = ThaiNumerals.toArabic(text);
        Set<String> codes = new LinkedHashSet<>();
        Matcher written = WRITTEN_CODE.matcher(arabic);
        while (written.find()) {
            if (written.group(1) != null) {
                add(codes, written.group(1).toLowerCase(Locale.ROOT), written.group(2));
            } else {
                add(codes, "o", written.group(3));
            }
        }
        Matcher tool = TOOL_CODE.matcher(arabic);
        while (tool.find()) {
            add(codes, tool.group(1).substring(0, 1).toLowerCase(Locale.ROOT), tool.group(2));
        }
        Matcher letter = LETTER_CODE.matcher(arabic);
        while (letter.find()) {
            add(codes, letter.group(1).toLowerCase(Locale.ROOT), letter.group(2));
        }
        return codes;
    }

    private static void add(Set<String> codes, String prefix, String digits) {
        int n = Integer.parseInt(digits);
        if (n > 0) {
            codes.add(prefix + n);
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= 80 ? flat : flat.substring(0, 80) + "…";
    }
}
