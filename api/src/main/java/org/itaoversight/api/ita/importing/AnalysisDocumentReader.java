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
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.ita.catalog.Indicator;
import org.itaoversight.api.ita.scoring.Scoring;
import org.itaoversight.api.ita.text.ThaiNumerals;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyNames;
import org.itaoversight.tenants.registry.AgencyRegistry;

/**
 * Reads an agency's analysis of its ITA result (text converted from the agency's document: tab-separated tables,
 * Thai digits, header wording that varies). It looks for structure rather than fixed positions: the year in the
 * title, the "name : total คะแนน ระดับผลการประเมิน level" line, the table of ranked indicator scores, and the
 * table of the weakest questions (those under 85). Indicator names are matched to the year's catalog (with its
 * synonyms); a single name that matches nothing while a single indicator is missing is taken as that indicator,
 * with a warning. Nothing is invented.
 */
public final class AnalysisDocumentReader {

    private static final Pattern YEAR = Pattern.compile("พ\\.ศ\\.\\s*([\\u0E50-\\u0E590-9]{4})");
    private static final String ORGANIZATION = "(?:องค์การบริหารส่วน(?:ตำบล|จังหวัด)|เทศบาล(?:ตำบล|เมือง|นคร))";
    private static final Pattern TOTAL_LINE = Pattern.compile("(" + ORGANIZATION + "\\s*[^\\s:]+)\\s*:\\s*([\\u0E50-\\u0E590-9.]+)"
            + "\\s*คะแนน\\s*ระดับ(?:ผลการประเมิน)?\\s*(AA|[A-F])\\b");
    private static final Pattern HEADER_NAME = Pattern.compile("^\\s*\\**\\s*(" + ORGANIZATION + "\\S+)\\s*$");
    private static final Pattern PLACE = Pattern.compile("อำเภอ\\s*(\\S+)\\s+จังหวัด\\s*([^\\s*]+)");
    private static final Pattern NUMBER = Pattern.compile("[\\u0E50-\\u0E590-9]+");

    private final Catalog catalog;
    private final AgencyRegistry registry;
    private final org.itaoversight.api.documents.DocumentReader documents = new org.itaoversight.api.documents.DocumentReader();

    public AnalysisDocumentReader(Catalog catalog, AgencyRegistry registry) {
        this.catalog = catalog;
        this.registry = registry;
    }

    public AnalysisDocument read(String source, byte[] content) {
        // Word, PDF or text: the same lines of paragraphs and table rows (a cell's own line breaks become spaces).
        org.itaoversight.api.documents.DocumentContent document = documents.read(source, content);
        List<String> lines = document.lines().stream().map(line -> String.join("\t", line.cells().stream()
                .map(c -> c.replaceAll("[\\n\\u2028]+", " ").strip()).toList())).toList();
        List<String> warnings = new ArrayList<>();

        Optional<Integer> year = lines.stream().map(YEAR::matcher).filter(Matcher::find)
                .map(m -> Integer.parseInt(ThaiNumerals.toArabic(m.group(1)))).findFirst();
        if (year.isEmpty()) {
            warnings.add("ไม่พบปีงบประมาณ (พ.ศ. ….)");
        }
        Optional<Framework> framework = year.flatMap(catalog::framework);
        if (year.isPresent() && framework.isEmpty()) {
            warnings.add("ปีงบประมาณ " + year.get() + " ไม่อยู่ในเกณฑ์การประเมิน ITA ที่มี");
        }

        Optional<Matcher> totalLine = lines.stream().map(TOTAL_LINE::matcher).filter(Matcher::find).findFirst();
        Optional<String> resultName = totalLine.map(m -> m.group(1).replaceAll("\\s+", ""));
        Optional<BigDecimal> total = totalLine.flatMap(m -> ThaiNumerals.parseDecimal(m.group(2)));
        Optional<String> level = totalLine.map(m -> m.group(3));
        if (totalLine.isEmpty()) {
            warnings.add("ไม่พบบรรทัดคะแนนรวมและระดับของหน่วยงาน (\"… : xx.xx คะแนน ระดับผลการประเมิน X\")");
        }

        Optional<String> headerName = lines.stream().limit(40).map(HEADER_NAME::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst();
        Optional<Matcher> place = lines.stream().limit(40).map(PLACE::matcher).filter(Matcher::find).findFirst();
        Optional<String> district = place.map(m -> m.group(1));
        Optional<String> provinceName = place.map(m -> m.group(2));
        if (headerName.isPresent() && resultName.isPresent() && !headerName.get().equals(resultName.get())) {
            warnings.add("ส่วนหัวระบุ" + headerName.get() + " แต่บรรทัดผลการประเมินระบุ" + resultName.get());
        }

        Optional<String> agencyName = resultName.or(() -> headerName);
        Optional<Agency> agency = findAgency(agencyName, headerName, provinceName, warnings);

        Map<Integer, AnalysisDocument.IndicatorScoreLine> indicators = new TreeMap<>();
        List<String> unmapped = new ArrayList<>();
        framework.ifPresent(f -> readIndicators(lines, f, indicators, unmapped, warnings));

        Optional<BigDecimal> computed = Optional.empty();
        if (framework.isPresent() && indicators.size() == framework.get().indicators().size()) {
            Map<Integer, BigDecimal> scores = indicators.values().stream().collect(Collectors.toMap(
                    AnalysisDocument.IndicatorScoreLine::number, AnalysisDocument.IndicatorScoreLine::score));
            Scoring scoring = new Scoring(catalog);
            computed = Optional.of(scoring.score(year.get(), scores).total());
            total.flatMap(t -> scoring.inconsistency(year.get(), t, scores)).ifPresent(warnings::add);
        } else if (framework.isPresent()) {
            warnings.add("อ่านคะแนนตัวชี้วัดได้ " + indicators.size() + " จาก " + framework.get().indicators().size() + " ตัว");
        }
        if (level.isPresent() && !catalog.isLevel(level.get())) {
            warnings.add("ระดับ " + level.get() + " ไม่ใช่ระดับในเกณฑ์การประเมิน");
        }

        List<AnalysisDocument.QuestionScoreLine> weakest = readWeakestQuestions(lines, framework, warnings);

        return new AnalysisDocument(source, document.encoding(), agency.map(Agency::code), agencyName, provinceName,
                district, year, total, level, computed, List.copyOf(indicators.values()), List.copyOf(unmapped),
                weakest, List.copyOf(warnings));
    }

    private Optional<Agency> findAgency(Optional<String> name, Optional<String> headerName, Optional<String> provinceName,
                                        List<String> warnings) {
        List<String> names = new ArrayList<>();
        name.ifPresent(names::add);
        headerName.filter(h -> !names.contains(h)).ifPresent(names::add);
        AgencyNames.Match match = new AgencyNames(registry).match(names, provinceName);
        match.problem().ifPresent(warnings::add);
        return match.agency();
    }

    /** The first block of at least five rows "rank ⇥ name ⇥ score". */
    private static void readIndicators(List<String> lines, Framework framework,
                                       Map<Integer, AnalysisDocument.IndicatorScoreLine> indicators, List<String> unmapped,
                                       List<String> warnings) {
        List<String[]> block = new ArrayList<>();
        String header = null;
        for (String line : lines) {
            Optional<String[]> row = indicatorRow(line.split("\t"));
            if (!block.isEmpty() && line.equals(header)) {
                continue; // the table's header repeated on the next page
            }
            if (row.isEmpty() && block.isEmpty()) {
                header = line;
            }
            if (row.isPresent()) {
                block.add(row.get());
            } else if (block.size() >= 5) {
                break;
            } else {
                block.clear();
            }
        }
        Map<String, BigDecimal> unknown = new LinkedHashMap<>();
        for (String[] cells : block) {
            String name = cells[1].strip();
            BigDecimal score = ThaiNumerals.parseDecimal(cells[2]).orElseThrow();
            Optional<Indicator> indicator = framework.indicatorNamed(name);
            if (indicator.isPresent() && !indicators.containsKey(indicator.get().number())) {
                indicators.put(indicator.get().number(),
                        new AnalysisDocument.IndicatorScoreLine(indicator.get().number(), indicator.get().nameTh(), name, score));
            } else {
                unknown.put(name, score);
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
            warnings.add("\"" + only.getKey() + "\" ไม่ใช่ชื่อตัวชี้วัดของ " + framework.id() + " ถือเป็นตัวชี้วัดที่ "
                    + indicator.number() + " " + indicator.nameTh() + " ซึ่งเป็นตัวเดียวที่ขาด (กรุณาตรวจเอกสาร)");
        } else {
            unmapped.addAll(unknown.keySet());
            unknown.keySet().forEach(name -> warnings.add("ตัวชี้วัด \"" + name + "\" ไม่ตรงกับตัวชี้วัดใดในเกณฑ์การประเมิน"));
        }
    }

    /**
     * A row of an indicator table in any column order — "rank ⇥ name ⇥ score", "name ⇥ score", "name ⇥ score ⇥ rank" —
     * as {rank, name, score}: the name is the one cell that is not a number, the score the number with a decimal
     * point (or the last number when none has one).
     */
    private static Optional<String[]> indicatorRow(String[] cells) {
        if (cells.length < 2 || cells.length > 4) {
            return Optional.empty();
        }
        String name = null;
        String score = null;
        String rank = "";
        for (String cell : cells) {
            String c = cell.strip();
            if (c.isEmpty()) {
                return Optional.empty();
            }
            if (ThaiNumerals.parseDecimal(c).isPresent()) {
                boolean decimal = ThaiNumerals.toArabic(c).contains(".");
                if (score == null || (decimal && !ThaiNumerals.toArabic(score).contains("."))) {
                    if (score != null) {
                        rank = score;
                    }
                    score = c;
                } else {
                    rank = c;
                }
            } else if (name == null) {
                name = c;
            } else {
                return Optional.empty();
            }
        }
        if (name == null || score == null || ThaiNumerals.parseDecimal(score).get().compareTo(BigDecimal.valueOf(100)) > 0) {
            return Optional.empty();
        }
        return Optional.of(new String[]{rank, name, score});
    }

    /** Rows "ordinal ⇥ code text ⇥ score ⇥ …" in the section of weak points (จุดอ่อน / under 85). */
    private static List<AnalysisDocument.QuestionScoreLine> readWeakestQuestions(List<String> lines, Optional<Framework> framework,
                                                                                 List<String> warnings) {
        List<AnalysisDocument.QuestionScoreLine> questions = new ArrayList<>();
        boolean inSection = false;
        for (String line : lines) {
            if (!inSection) {
                inSection = line.contains("จุดอ่อน") || line.contains("น้อยกว่า ๘๕") || line.contains("น้อยกว่า 85");
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length >= 3) {
                Optional<QuestionCode.Parsed> code = QuestionCode.atStart(cells[1]);
                Optional<BigDecimal> score = ThaiNumerals.parseDecimal(cells[2]);
                if (code.isPresent() && score.isPresent()) {
                    Optional<Integer> indicator = framework.flatMap(f -> f.indicatorOfQuestion(code.get().code())).map(Indicator::number);
                    if (framework.isPresent() && indicator.isEmpty()) {
                        warnings.add("ข้อ " + code.get().code() + " ไม่ใช่ข้อคำถามของ " + framework.get().id());
                    }
                    questions.add(new AnalysisDocument.QuestionScoreLine(code.get().code(), indicator,
                            code.get().rest(), score.get()));
                    continue;
                }
            }
            if (!questions.isEmpty() && !line.isBlank()) {
                break;
            }
        }
        if (questions.isEmpty()) {
            warnings.add("ไม่พบตารางข้อคำถามที่มีคะแนนต่ำสุด");
        }
        return List.copyOf(questions);
    }
}
