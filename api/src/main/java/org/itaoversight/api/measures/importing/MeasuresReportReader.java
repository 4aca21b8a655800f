package org.itaoversight.api.measures.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.ita.catalog.Indicator;
import org.itaoversight.api.ita.text.TextDecoding;
import org.itaoversight.api.ita.text.ThaiNumerals;
import org.itaoversight.tenants.registry.AgencyNames;
import org.itaoversight.tenants.registry.AgencyRegistry;

/**
 * Reads an agency's measures report: text converted from the agency's document, with tab-separated tables.
 *
 * <p>It does not rely on one layout. Every row of three or more cells is a table row; a row whose short cells name
 * at least three known kinds of column (one of them the measure) is a header and sets the column layout for the rows
 * after it, so header rows repeated on each page with different wording are simply read again. A row whose measure
 * cell starts with a number ({@code ๓.}, {@code <p>๕.</p>}) starts a measure; a row with an empty measure cell, or
 * without a number in a numbered table, continues the measure before it (a cell cut by a page break), and its cells
 * are joined to that measure's cells. Prose between tables is read for the indicators it calls weak, which the
 * measures of the following table then target.
 *
 * <p>Nothing is invented: what cannot be read stays as text and is reported as a warning.
 */
public final class MeasuresReportReader {

    private static final Pattern FISCAL_YEAR = Pattern.compile("ปีงบประมาณ\\s*(?:พ\\.\\s*ศ\\.)?\\s*([0-9]{4})");
    private static final Pattern ANY_YEAR = Pattern.compile("พ\\.\\s*ศ\\.\\s*([0-9]{4})");
    private static final Pattern PLACE = Pattern.compile("อำเภอ\\s*(\\S+)\\s+จังหวัด\\s*([\\u0E01-\\u0E4E]+)");
    /** "๓.", "๓)", "มาตรการที่ ๓" at the start of the measure cell (on the Arabic-digit copy). */
    private static final Pattern MEASURE_NUMBER = Pattern.compile("^(?:มาตรการที่\\s*)?([0-9]{1,2})\\s*[.)](?![0-9])\\s*");
    private static final Pattern LETTER_CODE = Pattern.compile("(?<![A-Za-z])([IEO])\\s?([0-9]{1,2})(?![0-9])");
    private static final Pattern WRITTEN_CODE = Pattern.compile("ข้อ\\s*(?:คำถาม\\s*)?(?:([IEOieo])\\s?([0-9]{1,2})|0([0-9]{1,2}))(?![0-9])");
    private static final Pattern INDICATOR_MENTION = Pattern.compile("ตัวชี้วัด(?:ที่([0-9]{1,2}))?(?:ย่อย)?(?:ด้าน|เรื่อง)?");

    private final Catalog catalog;
    private final AgencyRegistry registry;
    private final ThaiPeriodParser periods = new ThaiPeriodParser();

    public MeasuresReportReader(Catalog catalog, AgencyRegistry registry) {
        this.catalog = catalog;
        this.registry = registry;
    }

    /** A measure being read: its first row and the rows continuing it. */
    private static final class Draft {
        final List<Integer> lines = new ArrayList<>();
        final Map<ReportColumn, String> cells = new EnumMap<>(ReportColumn.class);
        final Set<String> sectionTargets;
        final String numberAsWritten;

        Draft(String numberAsWritten, Set<String> sectionTargets) {
            this.numberAsWritten = numberAsWritten;
            this.sectionTargets = sectionTargets;
        }

        /**
         * Adds a row's cells. A row straight after the last one is more of the same cell (a new line); a row after a
         * page break (a blank line or a repeated header between) is the rest of a cell the break cut, often
         * mid-sentence, so it is joined as text.
         */
        void append(int line, Map<ReportColumn, String> more, boolean afterPageBreak) {
            lines.add(line);
            more.forEach((column, text) -> cells.merge(column, text,
                    afterPageBreak ? CellText::join : (before, after) -> before + "\n" + after));
        }
    }

    public MeasuresReport read(String source, byte[] content) {
        TextDecoding.Decoded decoded = TextDecoding.decode(content);
        List<String> lines = Arrays.asList(decoded.text().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        List<String> warnings = new ArrayList<>();

        int firstTableLine = 0;
        while (firstTableLine < lines.size() && lines.get(firstTableLine).split("\t", -1).length < 3) {
            firstTableLine++;
        }
        List<String> header = lines.subList(0, firstTableLine);
        String headerArabic = ThaiNumerals.toArabic(String.join("\n", header));

        Optional<Integer> year = firstGroup(FISCAL_YEAR, headerArabic).or(() -> firstGroup(ANY_YEAR, headerArabic)).map(Integer::parseInt);
        if (year.isEmpty()) {
            warnings.add("ไม่พบปีงบประมาณ (ปีงบประมาณ พ.ศ. ….) ก่อนตารางแรก");
        }
        Optional<Framework> framework = year.flatMap(catalog::framework);
        if (year.isPresent() && framework.isEmpty()) {
            warnings.add("ปีงบประมาณ " + year.get() + " ไม่อยู่ในเกณฑ์การประเมิน ITA ที่มี จึงตรวจข้อคำถามเป้าหมายไม่ได้");
        }

        AgencyNames names = new AgencyNames(registry);
        List<String> headerAgencies = names.mentionedIn(String.join("\n", header));
        Matcher place = PLACE.matcher(String.join("\n", header));
        boolean placed = place.find();
        Optional<String> district = placed ? Optional.of(place.group(1)) : Optional.empty();
        Optional<String> province = placed ? Optional.of(place.group(2)) : Optional.empty();
        Optional<String> agencyName = headerAgencies.stream().findFirst();
        AgencyNames.Match match = names.match(headerAgencies, district, province);
        match.problem().ifPresent(problem -> warnings.add(agencyName.isEmpty()
                ? "ไม่พบชื่อหน่วยงานก่อนตารางแรก" : problem));
        Optional<String> agencyCode = match.agency().map(a -> a.code());
        Optional<String> headerAgency = match.agency().map(a -> a.nameTh()).or(() -> agencyName);
        if (headerAgencies.size() > 1) {
            warnings.add("ส่วนหัวของเอกสารระบุหน่วยงานมากกว่าหนึ่งแห่ง: " + String.join(", ", headerAgencies));
        }

        List<Draft> drafts = new ArrayList<>();
        Map<ReportColumn, Integer> columns = null;
        List<String> prose = new ArrayList<>();
        Set<String> sectionTargets = new LinkedHashSet<>();
        Boolean numbered = null;
        int lastDataLine = -1;
        List<String> headerCells = List.of();
        Map<String, List<Integer>> otherAgencies = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i);
            for (String named : i < firstTableLine ? List.<String>of() : names.mentionedIn(line)) {
                if (headerAgency.isPresent() && !named.equals(headerAgency.get())) {
                    otherAgencies.computeIfAbsent(named, n -> new ArrayList<>()).add(lineNumber);
                }
            }
            List<String> cells = Arrays.asList(line.split("\t", -1));
            if (cells.size() < 3) {
                if (!line.isBlank()) {
                    prose.add(line);
                }
                continue;
            }
            if (!prose.isEmpty()) {
                Set<String> named = framework.map(f -> indicatorsNamed(f, String.join(" ", prose))).orElse(Set.of());
                if (!named.isEmpty()) {
                    sectionTargets = named;
                }
                prose.clear();
            }
            if (ReportColumn.isHeader(cells)) {
                columns = layout(cells);
                headerCells = cells;
                continue;
            }
            if (cells.stream().allMatch(CellText::isEmpty)) {
                continue; // a rule "--⇥---⇥…" or an empty row
            }
            if (columns == null) {
                warnings.add("บรรทัด " + lineNumber + ": แถวตารางก่อนมีหัวตาราง ข้ามไป");
                continue;
            }
            Map<ReportColumn, String> row = new EnumMap<>(ReportColumn.class);
            for (Map.Entry<ReportColumn, Integer> column : columns.entrySet()) {
                if (column.getValue() < cells.size()) {
                    String text = String.join("\n", CellText.lines(cells.get(column.getValue())));
                    if (!text.isEmpty()) {
                        row.put(column.getKey(), text);
                    }
                }
            }
            for (int k = 0; k < cells.size(); k++) {
                if (!columns.containsValue(k) && !CellText.isEmpty(cells.get(k))) {
                    String heading = k < headerCells.size() ? String.join(" ", CellText.lines(headerCells.get(k))) : "";
                    warnings.add("บรรทัด " + lineNumber + ": ช่องที่ " + (k + 1)
                            + (heading.isEmpty() ? " ไม่มีหัวคอลัมน์" : " (คอลัมน์ \"" + heading + "\")") + " ไม่ได้อ่าน");
                }
            }
            String title = row.getOrDefault(ReportColumn.TITLE, "");
            int previousDataLine = lastDataLine;
            lastDataLine = lineNumber;
            Matcher number = MEASURE_NUMBER.matcher(ThaiNumerals.toArabic(title));
            boolean hasNumber = number.find();
            if (hasNumber || (!title.isEmpty() && !Boolean.TRUE.equals(numbered))) {
                // Thai digits map one to one onto Arabic ones, so positions in the copy are positions in the title.
                String written = hasNumber ? title.substring(number.start(1), number.end(1)) : "";
                if (numbered == null) {
                    numbered = !written.isEmpty();
                }
                Draft draft = new Draft(written, Set.copyOf(sectionTargets));
                if (hasNumber) {
                    row.put(ReportColumn.TITLE, title.substring(number.end()));
                }
                draft.append(lineNumber, row, false);
                drafts.add(draft);
            } else if (drafts.isEmpty()) {
                warnings.add("บรรทัด " + lineNumber + ": แถวต่อเนื่องที่ไม่มีมาตรการก่อนหน้า (ช่องมาตรการว่าง) ข้ามไป");
            } else {
                drafts.getLast().append(lineNumber, row, lineNumber - previousDataLine > 1);
            }
        }
        otherAgencies.forEach((name, where) -> warnings.add("ส่วนหัวของเอกสารเป็นของ" + headerAgency.orElse("?")
                + " แต่เนื้อหาระบุ" + name + " (" + where.size() + " บรรทัด บรรทัดแรกคือ " + where.getFirst() + ")"));
        if (drafts.isEmpty()) {
            warnings.add("ไม่พบตารางมาตรการ (หัวตารางที่มีมาตรการ ขั้นตอน ผู้รับผิดชอบ ระยะเวลา…)");
        }
        noteRestartedNumbering(drafts, warnings);

        List<ImportedMeasure> measures = new ArrayList<>();
        for (int n = 0; n < drafts.size(); n++) {
            measures.add(measure(n + 1, drafts.get(n), year, framework));
        }
        return new MeasuresReport(source, decoded.encoding(), agencyCode, headerAgency, province, year, measures, warnings);
    }

    private ImportedMeasure measure(int number, Draft draft, Optional<Integer> year, Optional<Framework> framework) {
        List<String> warnings = new ArrayList<>();
        String title = draft.cells.getOrDefault(ReportColumn.TITLE, "").replaceFirst("^[-•*\\s]+", "").strip();
        if (title.isEmpty()) {
            warnings.add("ไม่มีชื่อมาตรการ (บรรทัด " + draft.lines.getFirst() + ")");
        }
        String steps = draft.cells.getOrDefault(ReportColumn.STEPS, "");
        List<String> units = CellText.items(draft.cells.getOrDefault(ReportColumn.RESPONSIBLE_UNITS, ""));
        if (units.isEmpty()) {
            warnings.add("ไม่ระบุผู้รับผิดชอบ");
        }
        PlannedPeriod period = periods.parse(draft.cells.getOrDefault(ReportColumn.PERIOD, ""), year);
        if (!period.understood()) {
            warnings.add("อ่านระยะเวลา \"" + period.text() + "\" ไม่ได้ (" + String.join("; ", period.notes())
                    + ") เก็บเป็นข้อความโดยไม่มีวันที่");
        } else {
            period.notes().forEach(note -> warnings.add("ระยะเวลา: " + note));
        }
        Set<String> targets = new LinkedHashSet<>(draft.sectionTargets);
        String targetText = String.join("\n", title, steps, draft.cells.getOrDefault(ReportColumn.TARGETS, ""));
        framework.ifPresent(f -> targets.addAll(indicatorsNamed(f, targetText)));
        for (String code : questionCodes(targetText)) {
            if (framework.isPresent() && framework.get().indicatorOfQuestion(code).isEmpty()) {
                warnings.add("ข้อ " + code + " ไม่ใช่ข้อคำถามของ " + framework.get().id() + " จึงไม่นับเป็นเป้าหมาย");
            } else {
                targets.add(code);
            }
        }
        if (draft.cells.containsKey(ReportColumn.NOTES)) {
            warnings.add("ไม่ได้เก็บคอลัมน์หมายเหตุ: " + abbreviate(draft.cells.get(ReportColumn.NOTES)));
        }
        if (draft.cells.containsKey(ReportColumn.EVIDENCE)) {
            warnings.add("เก็บหลักฐานเฉพาะที่เป็นลิงก์: " + abbreviate(draft.cells.get(ReportColumn.EVIDENCE)));
        }
        return new ImportedMeasure(number, draft.numberAsWritten, draft.lines, title, List.copyOf(targets), steps, units,
                period, draft.cells.getOrDefault(ReportColumn.OUTPUT, ""), draft.cells.getOrDefault(ReportColumn.OUTCOME, ""),
                warnings);
    }

    private static Map<ReportColumn, Integer> layout(List<String> cells) {
        Map<ReportColumn, Integer> columns = new EnumMap<>(ReportColumn.class);
        for (int i = 0; i < cells.size(); i++) {
            ReportColumn column = ReportColumn.of(cells.get(i));
            if (column != ReportColumn.UNKNOWN) {
                columns.putIfAbsent(column, i);
            }
        }
        return columns;
    }

    private static void noteRestartedNumbering(List<Draft> drafts, List<String> warnings) {
        int previous = 0;
        for (Draft draft : drafts) {
            if (draft.numberAsWritten.isEmpty()) {
                continue;
            }
            int written = Integer.parseInt(ThaiNumerals.toArabic(draft.numberAsWritten));
            if (written != previous + 1) {
                warnings.add("บรรทัด " + draft.lines.getFirst() + ": มาตรการหมายเลข " + draft.numberAsWritten + " ต่อจาก"
                        + (previous == 0 ? "แถวที่ไม่มีหมายเลข" : "หมายเลข " + previous)
                        + (written == 1 ? " (เริ่มนับใหม่)" : "") + " ระบบเรียงหมายเลขมาตรการตามลำดับในเอกสาร");
            }
            previous = written;
        }
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

    /** Question codes written with their letter ({@code E๑๒}, {@code O17}) or after ข้อ ({@code ข้อ ๐๑๙} = o19). */
    static Set<String> questionCodes(String text) {
        String arabic = ThaiNumerals.toArabic(text);
        Set<String> codes = new LinkedHashSet<>();
        Matcher written = WRITTEN_CODE.matcher(arabic);
        while (written.find()) {
            if (written.group(1) != null) {
                add(codes, written.group(1).toLowerCase(java.util.Locale.ROOT), written.group(2));
            } else {
                add(codes, "o", written.group(3));
            }
        }
        Matcher letter = LETTER_CODE.matcher(arabic);
        while (letter.find()) {
            add(codes, letter.group(1).toLowerCase(java.util.Locale.ROOT), letter.group(2));
        }
        return codes;
    }

    private static void add(Set<String> codes, String prefix, String digits) {
        int n = Integer.parseInt(digits);
        if (n > 0) {
            codes.add(prefix + n);
        }
    }

    private static Optional<String> firstGroup(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= 80 ? flat : flat.substring(0, 80) + "…";
    }
}
