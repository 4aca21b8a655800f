package org.itaoversight.api.ita.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.itaoversight.api.documents.AgencyFinder;
import org.itaoversight.api.documents.DocumentContent;
import org.itaoversight.api.documents.DocumentLine;
import org.itaoversight.api.documents.DocumentReader;
import org.itaoversight.api.documents.StatedPlace;
import org.itaoversight.api.documents.RegistryAgencyFinder;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.ita.catalog.Indicator;
import org.itaoversight.api.ita.scoring.Scoring;
import org.itaoversight.api.ita.text.ThaiNumerals;
import org.itaoversight.api.measures.importing.FiscalYearFinding;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyNames;
import org.itaoversight.tenants.registry.AgencyRegistry;

/**
 * Reads an agency's analysis of its ITA result — Word, PDF or text, all first reduced to the same lines of paragraphs
 * and table rows ({@link DocumentReader}) — by its structure, not by one layout:
 * <ul>
 *   <li>the fiscal year by the rule every agency document shares ({@link FiscalYearFinding}): "ปีงบประมาณ พ.ศ. …",
 *       the assessment period, "ประจำปี …" in the head;</li>
 *   <li>the indicator scores from every table whose rows name indicators ({@link IndicatorNaming}: catalog names,
 *       numbers, tools, shortened names) in whatever column order: which column is the score, the rank, a change or a
 *       level is decided from the header row as a whole and from the cells ({@link AnalysisTable});</li>
 *   <li>the total and level in prose or in a table ({@link OverallResult});</li>
 *   <li>the weakest questions from the tables of questions the text before them calls weak (จุดอ่อน, ต่ำสุด, น้อยกว่า ๘๕)
 *       or whose scores are all under the pass mark, not the tables of the strongest ones.</li>
 * </ul>
 * A single indicator name that matches nothing while a single indicator is missing is taken as that indicator, with a
 * warning. Nothing is invented: what cannot be read is absent and explained in a Thai warning saying what and where.
 */
public final class AnalysisDocumentReader {

    private static final Pattern WEAK = Pattern.compile("จุดอ่อน|ต่ำสุด|ต่ำที่สุด|น้อยที่สุด|คะแนนต่ำ|น้อยกว่า\\s*85|ต่ำกว่า\\s*85|ไม่ถึง\\s*85|ข้อบกพร่อง|ไม่ผ่านเกณฑ์|ต้องปรับปรุง|ควรปรับปรุง|ต้องพัฒนา|ควรพัฒนา");
    private static final Pattern STRONG = Pattern.compile("สูงสุด|สูงที่สุด|รักษามาตรฐาน|จุดแข็ง|มากที่สุด|ผ่านเกณฑ์ทุกข้อ");
    private static final Pattern TOOL_ROW = Pattern.compile("^(?:แบบ(?:วัด|สำรวจ|ตรวจ)\\S*\\s*)?\\(?(?:IIT|EIT|OIT)\\)?$", Pattern.CASE_INSENSITIVE);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern LIST_MARK = Pattern.compile("^[\\s\\-–•·*]*(?:\\(?[0-9]{1,2}(?:\\.[0-9]{1,2})?[.)]\\s+)?");
    private static final Pattern SCORE_IN_LINE = Pattern.compile("(?<![0-9.])([0-9]{1,3}(?:\\.[0-9]{1,3})?)(?![0-9])(\\s*คะแนน)?");
    private static final Pattern NAME_TAIL = Pattern.compile("(?:\\s*(?:ได้รับ|ได้|มี|เท่ากับ|ผลคะแนน|ค่าคะแนน|คะแนน|อยู่ที่|[:=]))+\\s*$");

    private final Catalog catalog;
    private final AgencyFinder agencies;
    private final DocumentReader documents;
    private final FiscalYearFinding years = new FiscalYearFinding();

    public AnalysisDocumentReader(Catalog catalog, AgencyRegistry registry) {
        this(catalog, new RegistryAgencyFinder(registry), new DocumentReader());
    }

    public AnalysisDocumentReader(Catalog catalog, AgencyFinder agencies, DocumentReader documents) {
        this.catalog = catalog;
        this.agencies = agencies;
        this.documents = documents;
    }

    /**
     * @throws org.itaoversight.api.documents.UnreadableDocumentException when the file cannot be read at all
     */
    public AnalysisDocument read(String source, byte[] content) {
        DocumentContent document = documents.read(source, content);
        List<DocumentLine> lines = document.lines();
        List<String> warnings = new ArrayList<>(document.notes());

        int firstTable = 0;
        while (firstTable < lines.size() && !lines.get(firstTable).isRow()) {
            firstTable++;
        }
        String head = String.join("\n", lines.subList(0, firstTable).stream().map(DocumentLine::text).toList());
        Optional<Integer> year = years.find(head, document.text(), warnings);
        Optional<Framework> framework = year.flatMap(catalog::framework);
        if (year.isPresent() && framework.isEmpty()) {
            warnings.add("ปีงบประมาณ " + year.get() + " ไม่อยู่ในเกณฑ์การประเมิน ITA ที่มี จึงอ่านคะแนนตัวชี้วัดไม่ได้");
        }

        List<AnalysisTable> tables = AnalysisTable.of(lines);
        Map<Integer, AnalysisDocument.IndicatorScoreLine> indicators = new TreeMap<>();
        List<String> unmapped = new ArrayList<>();
        List<AnalysisTable> indicatorTables = new ArrayList<>();
        framework.ifPresent(f -> readIndicators(tables, f, year.get(), indicators, unmapped, indicatorTables, warnings));
        if (indicatorTables.isEmpty()) {
            framework.ifPresent(f -> readIndicatorList(lines, f, indicators));
        }

        OverallResult.Found overall = OverallResult.find(lines, tables, indicatorTables);
        warnings.addAll(overall.warnings());
        Optional<BigDecimal> total = overall.total().flatMap(OverallResult.Statement::total);
        Optional<String> level = overall.level().flatMap(OverallResult.Statement::level);
        if (total.isEmpty()) {
            warnings.add("ไม่พบคะแนนรวมของหน่วยงาน (เช่น \"ได้คะแนน ๘๗.๕๐ คะแนน\" หรือแถว \"คะแนนรวม\" ในตาราง) จึงไม่ได้ระบุคะแนนรวม");
        }
        if (level.isEmpty()) {
            warnings.add("ไม่พบระดับผลการประเมินของหน่วยงาน (เช่น \"อยู่ในระดับ A\") จึงไม่ได้ระบุระดับ");
        } else if (!catalog.isLevel(level.get())) {
            warnings.add("ระดับ " + level.get() + " ใน" + overall.level().get().where() + " ไม่ใช่ระดับในเกณฑ์การประเมิน");
        }

        String headPlain = head.replaceAll("<[^>]{0,200}>", " ");
        List<String> headerNames = agencies.namesIn(headPlain);
        List<String> statedNames = overall.total().or(overall::level).map(s -> agencies.namesIn(s.line())).orElse(List.of());
        StatedPlace place = StatedPlace.in(headPlain, agencies);
        Optional<String> district = place.districtTh();
        Optional<String> province = place.provinceTh();
        if (!headerNames.isEmpty() && !statedNames.isEmpty() && !headerNames.contains(statedNames.getFirst())) {
            warnings.add("ส่วนหัวระบุ" + headerNames.getFirst() + " แต่บรรทัดผลการประเมิน (" + overall.total().or(overall::level).get().where()
                    + ") ระบุ" + statedNames.getFirst());
        }
        List<String> names = new ArrayList<>(statedNames);
        headerNames.stream().filter(n -> !names.contains(n)).forEach(names::add);
        AgencyNames.Match match = agencies.find(names, district, province);
        match.problem().ifPresent(warnings::add);
        Optional<String> agencyName = match.agency().map(Agency::nameTh).or(() -> names.stream().findFirst());

        Optional<BigDecimal> computed = Optional.empty();
        if (framework.isPresent() && indicators.size() == framework.get().indicators().size()) {
            Map<Integer, BigDecimal> scores = indicators.values().stream().collect(Collectors.toMap(
                    AnalysisDocument.IndicatorScoreLine::number, AnalysisDocument.IndicatorScoreLine::score));
            Scoring scoring = new Scoring(catalog);
            computed = Optional.of(scoring.score(year.get(), scores).total());
            BigDecimal fromIndicators = computed.get();
            total.filter(t -> scoring.inconsistency(year.get(), t, scores).isPresent()).ifPresent(t -> warnings.add(
                    "คะแนนรวมที่เอกสารระบุ (" + t.toPlainString() + ") ไม่ตรงกับคะแนนรวมที่คำนวณจากคะแนนตัวชี้วัดในเอกสาร ("
                            + fromIndicators.toPlainString() + ") กรุณาตรวจเอกสาร"));
        } else if (framework.isPresent()) {
            Set<Integer> missing = new TreeSet<>();
            framework.get().indicators().forEach(i -> missing.add(i.number()));
            missing.removeAll(indicators.keySet());
            warnings.add("อ่านคะแนนตัวชี้วัดได้ " + indicators.size() + " จาก " + framework.get().indicators().size()
                    + " ตัว (ไม่พบตัวชี้วัดที่ " + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }

        List<AnalysisDocument.QuestionScoreLine> weakest = readWeakestQuestions(tables, indicatorTables, framework, warnings);

        return new AnalysisDocument(source, document.encoding(), match.agency().map(Agency::code), agencyName, province,
                district, year, total, level, computed, List.copyOf(indicators.values()), List.copyOf(unmapped),
                weakest, List.copyOf(warnings));
    }

    /** A row's indicator name cell: the indicator column, else the one text cell that names an indicator. */
    private static Optional<Integer> nameColumn(AnalysisTable table, IndicatorNaming naming) {
        Optional<Integer> byHeader = table.first(AnalysisTable.Column.INDICATOR);
        if (byHeader.isPresent()) {
            return byHeader;
        }
        int best = -1;
        long bestCount = 0;
        for (int c : table.textColumns()) {
            int column = c;
            long named = table.rows.stream().filter(r -> naming.name(r.cell(column)).indicator().isPresent()).count();
            if (named > bestCount) {
                best = c;
                bestCount = named;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    /** The score column of an indicator table; several score columns are told apart by the year in their header. */
    private static Optional<Integer> scoreColumn(AnalysisTable table, int year, List<String> warnings) {
        List<Integer> scores = table.all(AnalysisTable.Column.SCORE);
        if (scores.size() <= 1) {
            return scores.stream().findFirst();
        }
        List<Integer> ofYear = scores.stream().filter(c -> table.yearOf(c).equals(Optional.of(year))).toList();
        if (ofYear.size() == 1) {
            return Optional.of(ofYear.getFirst());
        }
        List<Integer> withoutYear = scores.stream().filter(c -> table.yearOf(c).isEmpty()).toList();
        if (withoutYear.size() == 1 && ofYear.isEmpty() && scores.stream().allMatch(c -> table.yearOf(c).map(y -> y < year).orElse(true))) {
            return Optional.of(withoutYear.getFirst());
        }
        warnings.add("ตาราง" + table.where + " มีคอลัมน์คะแนนหลายคอลัมน์ ("
                + scores.stream().map(c -> "\"" + table.headerOf(c) + "\"").collect(Collectors.joining(", "))
                + ") และไม่ทราบว่าคอลัมน์ใดเป็นคะแนนปี " + year + " จึงไม่ได้อ่านคะแนนจากตารางนี้");
        return Optional.empty();
    }

    private static void readIndicators(List<AnalysisTable> tables, Framework framework, int year,
                                       Map<Integer, AnalysisDocument.IndicatorScoreLine> indicators, List<String> unmapped,
                                       List<AnalysisTable> indicatorTables, List<String> warnings) {
        IndicatorNaming naming = new IndicatorNaming(framework);
        Map<String, BigDecimal> unknown = new LinkedHashMap<>();
        Map<String, String> unknownWhere = new LinkedHashMap<>();
        for (AnalysisTable table : tables) {
            if (readAcross(table, naming, year, indicators, warnings)) {
                indicatorTables.add(table);
                continue;
            }
            Optional<Integer> nameColumn = nameColumn(table, naming);
            if (nameColumn.isEmpty()) {
                continue;
            }
            int names = nameColumn.get();
            long named = table.rows.stream().filter(r -> naming.name(r.cell(names)).indicator().isPresent()).count();
            boolean headed = table.first(AnalysisTable.Column.INDICATOR).isPresent() && !table.all(AnalysisTable.Column.SCORE).isEmpty();
            if (named < 2 && !(headed && named >= 1)) {
                continue;
            }
            indicatorTables.add(table);
            Optional<Integer> scoreColumn = scoreColumn(table, year, warnings);
            if (scoreColumn.isEmpty()) {
                if (table.all(AnalysisTable.Column.SCORE).isEmpty()) {
                    warnings.add("ตาราง" + table.where + " มีชื่อตัวชี้วัดแต่ไม่พบคอลัมน์คะแนน (หัวคอลัมน์ " + table.header + ")");
                }
                continue;
            }
            for (AnalysisTable.Row row : table.rows) {
                String name = row.cell(names);
                if (SIGNATURE_ROW.matcher(name).find()) {
                    continue; // the signers after the table ("ลงชื่อ …… ผู้วิเคราะห์", the name in brackets, the position)
                }
                if (name.isEmpty() || TOOL_ROW.matcher(name.replaceAll("\\s+", " ")).matches()
                        || name.replaceAll("\\s+", "").matches(".*(?:รวม|ภาพรวม|เฉลี่ย).*")) {
                    continue; // a tool's score, the total: not an indicator
                }
                String scoreCell = row.cell(scoreColumn.get());
                Optional<BigDecimal> score = AnalysisTable.number(scoreCell).filter(s -> s.signum() >= 0 && s.compareTo(HUNDRED) <= 0);
                IndicatorNaming.Named indicator = naming.name(name);
                indicator.problem().ifPresent(p -> warnings.add(row.where() + ": " + p));
                if (score.isEmpty()) {
                    warnings.add(row.where() + ": คะแนนของ \"" + name + "\" (\"" + scoreCell + "\") ไม่ใช่ตัวเลข 0–100 จึงไม่ได้อ่าน");
                    continue;
                }
                if (indicator.indicator().isEmpty()) {
                    if (indicator.problem().isEmpty()) {
                        unknown.putIfAbsent(name, score.get());
                        unknownWhere.putIfAbsent(name, row.where());
                    }
                    continue;
                }
                Indicator found = indicator.indicator().get();
                AnalysisDocument.IndicatorScoreLine before = indicators.get(found.number());
                if (before == null) {
                    indicators.put(found.number(), new AnalysisDocument.IndicatorScoreLine(found.number(), found.nameTh(), name, score.get()));
                } else if (before.score().compareTo(score.get()) != 0) {
                    warnings.add(row.where() + ": ตัวชี้วัดที่ " + found.number() + " " + found.nameTh() + " มีคะแนน " + score.get().toPlainString()
                            + " ซึ่งต่างจากที่อ่านได้ก่อนหน้า (" + before.score().toPlainString() + ") ใช้ค่าแรก");
                }
            }
        }
        Set<Integer> missing = new TreeSet<>();
        framework.indicators().forEach(i -> missing.add(i.number()));
        missing.removeAll(indicators.keySet());
        if (unknown.size() == 1 && missing.size() == 1) {
            Map.Entry<String, BigDecimal> only = unknown.entrySet().iterator().next();
            Indicator indicator = framework.indicator(missing.iterator().next()).orElseThrow();
            indicators.put(indicator.number(),
                    new AnalysisDocument.IndicatorScoreLine(indicator.number(), indicator.nameTh(), only.getKey(), only.getValue()));
            warnings.add(unknownWhere.get(only.getKey()) + ": \"" + only.getKey() + "\" ไม่ใช่ชื่อตัวชี้วัดของ " + framework.id()
                    + " ถือเป็นตัวชี้วัดที่ " + indicator.number() + " " + indicator.nameTh() + " ซึ่งเป็นตัวเดียวที่ขาด (กรุณาตรวจเอกสาร)");
        } else {
            unmapped.addAll(unknown.keySet());
            unknown.keySet().forEach(name -> warnings.add(unknownWhere.get(name) + ": ตัวชี้วัด \"" + name
                    + "\" ไม่ตรงกับตัวชี้วัดใดในเกณฑ์การประเมิน " + framework.id()));
        }
    }

    private static final Pattern SIGNATURE_ROW = Pattern.compile("^\\s*(?:ลงชื่อ|ลงนาม|ตำแหน่ง)|^\\s*\\([^()]*\\)\\s*$|[.…_]{5,}");
    private static final Pattern YEAR_IN_LABEL = Pattern.compile("(?<![0-9])(2[45][0-9]{2})(?![0-9])");
    /** The label of a row of numbers that are not the year's scores: a full mark, a weight, a target. */
    private static final Pattern NOT_SCORES = Pattern.compile("เต็ม|น้ำหนัก|weight|full|เป้าหมาย|ค่าเป้า|ผลต่าง|เพิ่ม|ลด", Pattern.CASE_INSENSITIVE);

    /**
     * An indicator table laid out across, as the data of a radar chart often is: a row naming indicators in its cells
     * (after a label cell such as "ตัวชี้วัด"), the scores in the row below, in the same columns; ten indicators may
     * take two such pairs of rows. Rows of numbers under the names that are not the year's scores (a full mark, a
     * weight, another year's scores) are not read; when more than one row could be the year's, none is, and it says so.
     *
     * @return whether the table was read this way
     */
    private static boolean readAcross(AnalysisTable table, IndicatorNaming naming, int year,
                                      Map<Integer, AnalysisDocument.IndicatorScoreLine> indicators, List<String> warnings) {
        List<AnalysisTable.Row> rows = new ArrayList<>();
        if (!table.header.isEmpty()) {
            rows.add(new AnalysisTable.Row(table.header, table.where));
        }
        rows.addAll(table.rows);
        boolean read = false;
        for (int r = 0; r < rows.size(); r++) {
            AnalysisTable.Row names = rows.get(r);
            Map<Integer, Indicator> named = namedAcross(names, naming);
            if (named.size() < 2) {
                continue;
            }
            List<AnalysisTable.Row> candidates = new ArrayList<>();
            for (int below = r + 1; below < rows.size(); below++) {
                AnalysisTable.Row row = rows.get(below);
                boolean numbers = named.keySet().stream().allMatch(c -> AnalysisTable.number(row.cell(c)).isPresent());
                if (!numbers || namedAcross(row, naming).size() >= 2) {
                    break;
                }
                String label = row.cell(0);
                Matcher years = YEAR_IN_LABEL.matcher(ThaiNumerals.toArabic(label));
                boolean otherYear = years.find() && Integer.parseInt(years.group(1)) != year;
                if (!NOT_SCORES.matcher(label).find() && !otherYear) {
                    candidates.add(row);
                }
            }
            if (candidates.size() != 1) {
                warnings.add(names.where() + ": แถวชื่อตัวชี้วัด (" + named.values().stream().map(i -> String.valueOf(i.number()))
                        .collect(Collectors.joining(", ")) + ") " + (candidates.isEmpty() ? "ไม่มีแถวคะแนนปี " + year + " ใต้แถวนี้"
                        : "มีแถวคะแนนใต้แถวนี้ " + candidates.size() + " แถว และไม่ทราบว่าแถวใดเป็นคะแนนปี " + year) + " จึงไม่ได้อ่าน");
                read = true;
                continue;
            }
            AnalysisTable.Row scores = candidates.getFirst();
            for (Map.Entry<Integer, Indicator> entry : named.entrySet()) {
                Optional<BigDecimal> score = AnalysisTable.number(scores.cell(entry.getKey()))
                        .filter(v -> v.signum() >= 0 && v.compareTo(HUNDRED) <= 0);
                Indicator found = entry.getValue();
                if (score.isEmpty()) {
                    warnings.add(scores.where() + ": คะแนนของตัวชี้วัดที่ " + found.number() + " (\"" + scores.cell(entry.getKey())
                            + "\") ไม่ใช่ตัวเลข 0–100 จึงไม่ได้อ่าน");
                    continue;
                }
                AnalysisDocument.IndicatorScoreLine before = indicators.get(found.number());
                if (before == null) {
                    indicators.put(found.number(), new AnalysisDocument.IndicatorScoreLine(found.number(), found.nameTh(),
                            names.cell(entry.getKey()), score.get()));
                } else if (before.score().compareTo(score.get()) != 0) {
                    warnings.add(scores.where() + ": ตัวชี้วัดที่ " + found.number() + " " + found.nameTh() + " มีคะแนน "
                            + score.get().toPlainString() + " ซึ่งต่างจากที่อ่านได้ก่อนหน้า (" + before.score().toPlainString() + ") ใช้ค่าแรก");
                }
            }
            read = true;
        }
        return read;
    }

    /**
     * The indicators a row names in its cells after the first, by column: names, or bare numbers when the row's label
     * says they are indicators' numbers ("ตัวชี้วัดที่ ⇥ ๑ ⇥ ๒ ⇥ …").
     */
    private static Map<Integer, Indicator> namedAcross(AnalysisTable.Row row, IndicatorNaming naming) {
        boolean numbersLabelled = row.cell(0).replaceAll("\\s+", "").matches("ตัวชี้วัด(?:ที่)?");
        Map<Integer, Indicator> named = new LinkedHashMap<>();
        for (int c = 1; c < row.cells().size(); c++) {
            String cell = ThaiNumerals.toArabic(row.cell(c));
            String name = numbersLabelled && cell.matches("[0-9]{1,2}") ? "ตัวชี้วัดที่ " + cell : row.cell(c);
            int column = c;
            naming.name(name).indicator().ifPresent(i -> named.put(column, i));
        }
        return named;
    }

    /**
     * Indicator scores written as a list of paragraphs rather than a table ("๑. การปฏิบัติหน้าที่ ได้ ๘๘.๕๐ คะแนน",
     * "ตัวชี้วัดที่ ๒ การใช้งบประมาณ : ๗๕.๑๒"): a paragraph that begins with an indicator's name, then its score.
     */
    private static void readIndicatorList(List<DocumentLine> lines, Framework framework,
                                          Map<Integer, AnalysisDocument.IndicatorScoreLine> indicators) {
        IndicatorNaming naming = new IndicatorNaming(framework);
        for (DocumentLine line : lines) {
            if (line.isRow() || line.isBlank()) {
                continue;
            }
            String arabic = LIST_MARK.matcher(ThaiNumerals.toArabic(line.text()).replaceAll("\\s+", " ").strip()).replaceFirst("");
            Matcher number = SCORE_IN_LINE.matcher(arabic);
            while (number.find()) {
                String before = arabic.substring(0, number.start());
                if (before.matches(".*ที่\\s*$") || (!number.group(1).contains(".") && number.group(2) == null)) {
                    continue;
                }
                Optional<BigDecimal> score = ThaiNumerals.parseDecimal(number.group(1)).filter(v -> v.compareTo(HUNDRED) <= 0);
                String name = NAME_TAIL.matcher(before).replaceFirst("").strip();
                Optional<Indicator> indicator = naming.name(name).indicator();
                if (score.isPresent() && indicator.isPresent() && !indicators.containsKey(indicator.get().number())) {
                    indicators.put(indicator.get().number(), new AnalysisDocument.IndicatorScoreLine(indicator.get().number(),
                            indicator.get().nameTh(), name, score.get()));
                }
                break;
            }
        }
    }

    /** Whether the text before a table (nearest first) or its header calls its questions weak. */
    private static boolean calledWeak(AnalysisTable table, List<AnalysisDocument.QuestionScoreLine> rows) {
        List<String> context = new ArrayList<>();
        context.add(String.join(" ", table.header));
        for (int i = table.before.size() - 1; i >= 0 && i >= table.before.size() - 3; i--) {
            context.add(table.before.get(i));
        }
        for (String text : context) {
            String arabic = ThaiNumerals.toArabic(text);
            boolean strong = STRONG.matcher(arabic).find();
            boolean weak = WEAK.matcher(arabic).find();
            if (strong || weak) {
                return weak && !strong;
            }
        }
        return !rows.isEmpty() && rows.stream().allMatch(q -> q.score().compareTo(BigDecimal.valueOf(85)) < 0);
    }

    private static List<AnalysisDocument.QuestionScoreLine> readWeakestQuestions(List<AnalysisTable> tables,
                                                                                 List<AnalysisTable> indicatorTables,
                                                                                 Optional<Framework> framework, List<String> warnings) {
        List<AnalysisDocument.QuestionScoreLine> questions = new ArrayList<>();
        for (AnalysisTable table : tables) {
            if (indicatorTables.contains(table)) {
                continue;
            }
            List<Integer> scoreColumns = table.all(AnalysisTable.Column.SCORE);
            List<Integer> questionColumns = table.all(AnalysisTable.Column.QUESTION);
            List<AnalysisDocument.QuestionScoreLine> read = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (AnalysisTable.Row row : table.rows) {
                Optional<QuestionCode.Parsed> code = Optional.empty();
                int codeColumn = -1;
                List<Integer> candidates = new ArrayList<>(questionColumns);
                for (int c = 0; c < table.width(); c++) {
                    AnalysisTable.Column role = table.columns.get(c);
                    if (!candidates.contains(c) && (role == AnalysisTable.Column.UNKNOWN || role == AnalysisTable.Column.NOTES)) {
                        candidates.add(c);
                    }
                }
                for (int c : candidates) {
                    String cell = row.cell(c);
                    boolean pureNumber = AnalysisTable.number(cell).isPresent();
                    Optional<QuestionCode.Parsed> parsed = QuestionCode.atStart(cell);
                    if (parsed.isPresent() && (!pureNumber || questionColumns.contains(c)) && !cell.startsWith("-")) {
                        code = parsed;
                        codeColumn = c;
                        break;
                    }
                }
                Optional<BigDecimal> score = (scoreColumns.isEmpty()
                        ? row.cells().stream().filter(c -> ThaiNumerals.toArabic(c).contains("."))
                        : scoreColumns.stream().map(row::cell))
                        .map(AnalysisTable::number).flatMap(Optional::stream)
                        .filter(s -> s.signum() >= 0 && s.compareTo(HUNDRED) <= 0).findFirst();
                if (code.isEmpty() || score.isEmpty()) {
                    if (code.isPresent() || (score.isPresent() && !read.isEmpty())) {
                        problems.add(row.where() + ": " + (code.isEmpty() ? "ไม่พบรหัสข้อคำถาม" : "ไม่พบคะแนนของข้อ " + code.get().code()));
                    }
                    continue;
                }
                String text = code.get().rest();
                if (text.isEmpty()) {
                    for (int c = codeColumn + 1; c < table.width() && text.isEmpty(); c++) {
                        AnalysisTable.Column role = table.columns.get(c);
                        if (role == AnalysisTable.Column.QUESTION || role == AnalysisTable.Column.UNKNOWN) {
                            text = row.cell(c);
                        }
                    }
                }
                String questionCode = code.get().code();
                Optional<Integer> indicator = framework.flatMap(f -> f.indicatorOfQuestion(questionCode)).map(Indicator::number);
                if (framework.isPresent() && indicator.isEmpty()) {
                    problems.add(row.where() + ": ข้อ " + questionCode + " ไม่ใช่ข้อคำถามของ " + framework.get().id());
                }
                read.add(new AnalysisDocument.QuestionScoreLine(questionCode, indicator, text, score.get()));
            }
            if (!read.isEmpty() && calledWeak(table, read)) {
                questions.addAll(read);
                warnings.addAll(problems);
            }
        }
        if (questions.isEmpty()) {
            warnings.add("ไม่พบตารางข้อคำถามที่มีคะแนนต่ำสุด");
        }
        return List.copyOf(questions);
    }
}
