package org.itaoversight.reporting.agency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.itaoversight.reporting.ReportOptions;
import org.itaoversight.reporting.pdf.JasperPdf;
import org.itaoversight.reporting.pdf.TaggedPdf;
import org.itaoversight.reporting.text.PassRule;
import org.itaoversight.reporting.text.ThaiText;

/** Renders the agency summary (Thai PDF) from an {@link AgencyReport}. */
public final class AgencyReportRenderer {

    static final List<String> TEMPLATES = List.of("agency-summary", "agency-years", "agency-indicators", "agency-questions",
            "agency-measures");
    /** The running header (24 pt under the 32 pt top margin) and the footer (22 pt over the 28 pt bottom margin). */
    private static final TaggedPdf.PageFurniture FURNITURE = new TaggedPdf.PageFurniture(32 + 24, 28 + 22);

    private final JasperPdf pdf;
    private final PassRule rule;

    /** With the ITA pass mark of 85 (the catalog's; the application passes the catalog's own rule). */
    public AgencyReportRenderer() {
        this(PassRule.ita());
    }

    /** @param rule the one pass rule: which printed figures are highlighted, and the chart's pass-mark line */
    public AgencyReportRenderer(PassRule rule) {
        this.pdf = new JasperPdf(TEMPLATES);
        this.rule = rule;
    }

    public byte[] render(AgencyReport report, ReportOptions options) {
        ThaiText text = new ThaiText(options.thaiDigits());
        String year = text.year(report.fiscalYear());
        Map<String, Object> p = new HashMap<>();
        p.put("TEXT", text);
        p.put("PASS_MARK", rule.passMark());
        p.put("GENERATED", "จัดทำโดย ITA Oversight เมื่อ " + text.dateTime(options.generatedAt()));
        String heading = "รายงานสรุปผลการประเมินคุณธรรมและความโปร่งใส (ITA)";
        p.put("HEADING", heading);
        p.put("HEADER", "รายงานสรุปผลการประเมิน ITA  ·  " + report.agencyNameTh() + "  ·  ปีงบประมาณ พ.ศ. " + year);
        p.put("AGENCY", report.agencyNameTh());
        p.put("PLACE", "อำเภอ" + report.districtTh() + " จังหวัด" + report.provinceNameTh() + "  ·  ปีงบประมาณ พ.ศ. " + year);
        boolean currentDiffers = report.years().stream()
                .anyMatch(y -> y.fiscalYear() == report.fiscalYear() && y.levelDiffersFromBand());
        p.put("RESULT", report.total().map(t -> "คะแนนรวม " + text.score(t) + "  ·  ระดับ " + report.level().orElse("–")
                        + (currentDiffers ? "*" : ""))
                .orElse("ยังไม่มีผลการประเมินของปี " + year));
        p.put("STANDING", report.standing().map(s -> "อันดับ " + text.number(s.rank()) + " จาก " + text.number(s.agencies())
                + " หน่วยงานในจังหวัด\nค่ามัธยฐานจังหวัด " + text.score(s.provinceMedian()) + "  ·  ค่าเฉลี่ย "
                + text.score(s.provinceMean())).orElse(""));
        String trendTitle = "คะแนนรวมและระดับย้อนหลัง";
        String indicatorsTitle = "คะแนนรายตัวชี้วัด ปี " + year + " (ตัวชี้วัดที่ต่ำสุดเน้นสี)";
        String questionsTitle = "ข้อคำถามที่มีคะแนนต่ำสุด (ต่ำกว่า " + text.digits(rule.passMark().stripTrailingZeros().toPlainString()) + " คะแนน)";
        String measuresTitle = "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปี " + year;
        p.put("TREND_TITLE", trendTitle);
        p.put("INDICATORS_TITLE", indicatorsTitle);
        p.put("QUESTIONS_TITLE", questionsTitle);
        p.put("MEASURES_TITLE", measuresTitle);
        AgencyReport.Completion c = report.completion();
        p.put("COMPLETION", c.planned() == 0
                ? "ณ วันที่ " + text.date(c.asOf()) + ": ยังไม่มีมาตรการของปี " + year + " ในระบบ จึงยังคำนวณความสำเร็จของมาตรการไม่ได้"
                : "ณ วันที่ " + text.date(c.asOf()) + ":  มาตรการ " + text.number(c.planned()) + "  ·  แล้วเสร็จ "
                + text.number(c.done()) + " (" + c.completionRate().map(text::percent).orElse("–") + ")  ·  ตรงเวลา "
                + text.number(c.doneOnTime()) + " (" + c.onTimeRate().map(text::percent).orElse("–") + ")  ·  เกินกำหนด "
                + text.number(c.overdue()));
        p.put("CATALOG", "กรอบการประเมิน " + report.catalogId() + "  ·  รหัสหน่วยงาน " + report.agencyCode());
        p.put("LEVEL_NOTE", levelNote(report, text));

        p.put("YEARS_REPORT", pdf.template("agency-years"));
        p.put("YEARS_EMPTY", "ยังไม่มีผลการประเมินของหน่วยงานนี้ในระบบ");
        p.put("YEARS", JasperPdf.rows(report.years().reversed().stream().<Map<String, ?>>map(y -> JasperPdf.row(
                text.year(y.fiscalYear()), text.score(y.total()), y.level() + (y.levelDiffersFromBand() ? "*" : ""))).toList()));
        List<Map<String, ?>> trend = new ArrayList<>();
        report.years().forEach(y -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("year", text.year(y.fiscalYear()));
            point.put("total", y.total());
            trend.add(point);
        });
        p.put("TREND", JasperPdf.rows(trend));
        p.put("INDICATORS_REPORT", pdf.template("agency-indicators"));
        p.put("INDICATORS_EMPTY", "ยังไม่มีคะแนนรายตัวชี้วัดของปี " + year + " ในระบบ");
        p.put("INDICATORS", JasperPdf.rows(report.indicators().stream().<Map<String, ?>>map(i -> JasperPdf.marked(i.weakest(),
                text.number(i.number()), i.nameTh(), i.tool(), text.score(i.score()), i.weakest() ? "ต่ำสุด" : "")).toList()));
        p.put("QUESTIONS_REPORT", pdf.template("agency-questions"));
        p.put("QUESTIONS_EMPTY", report.total().isEmpty() ? "ยังไม่มีผลการประเมินของปี " + year + " ในระบบ"
                : "ไม่มีข้อคำถามที่ได้คะแนนต่ำกว่า " + text.number(85) + " คะแนนในปี " + year
                + " หรือยังไม่ได้นำเข้าคะแนนรายข้อของปีนี้");
        p.put("QUESTIONS", JasperPdf.rows(report.weakestQuestions().stream()
                .filter(q -> rule.fails(q.score(), PassRule.SCORE_DECIMALS))
                .<Map<String, ?>>map(q -> JasperPdf.row(text.digits(q.code().toUpperCase(Locale.ROOT)), text.digits(q.textTh()),
                        text.score(q.score()))).toList()));
        p.put("MEASURES_REPORT", pdf.template("agency-measures"));
        p.put("MEASURES_EMPTY", "หน่วยงานยังไม่ได้บันทึกหรือนำเข้ามาตรการของปี " + year
                + " (บันทึกได้ที่หน้ามาตรการ หรือนำเข้าจากรายงานผลการดำเนินการตามมาตรการ)");
        p.put("MEASURES", JasperPdf.rows(report.measures().stream().<Map<String, ?>>map(m -> JasperPdf.marked(m.overdue(),
                text.number(m.number()), m.title(),
                m.periodText() == null || m.periodText().isBlank() ? text.period(m.periodStart(), m.periodEnd()) : m.periodText(),
                m.statusTh() + (m.overdue() ? " · เกินกำหนด" : ""), text.digits(m.progress() + "%"))).toList()));
        List<TaggedPdf.Heading> headings = List.of(new TaggedPdf.Heading(heading, 1), new TaggedPdf.Heading(trendTitle, 2),
                new TaggedPdf.Heading(indicatorsTitle, 2), new TaggedPdf.Heading(questionsTitle, 2),
                new TaggedPdf.Heading(measuresTitle, 2));
        return pdf.render("agency-summary", p, "ITA " + report.fiscalYear() + " " + report.agencyNameTh(), headings, FURNITURE,
                options.archival());
    }

    /** Null when every published level follows its score band. */
    private static String levelNote(AgencyReport report, ThaiText text) {
        List<String> differing = report.years().stream().filter(AgencyReport.YearScore::levelDiffersFromBand)
                .map(y -> "ปี " + text.year(y.fiscalYear()) + " ประกาศระดับ " + y.level() + " ขณะที่คะแนน " + text.score(y.total())
                        + " อยู่ในช่วงระดับ " + y.band())
                .toList();
        if (differing.isEmpty()) {
            return null;
        }
        return "* ระดับที่ประกาศต่างจากช่วงคะแนนรวม: " + String.join("; ", differing)
                + " — ระดับผลการประเมินเป็นไปตามที่ประกาศ ซึ่งตั้งแต่ปี " + text.year(2568)
                + " ไม่ได้กำหนดจากช่วงคะแนนรวมเพียงอย่างเดียว";
    }
}
