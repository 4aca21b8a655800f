package org.itaoversight.reporting.agency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.itaoversight.reporting.ReportOptions;
import org.itaoversight.reporting.pdf.JasperPdf;
import org.itaoversight.reporting.text.ThaiText;

/** Renders the agency summary (Thai PDF) from an {@link AgencyReport}. */
public final class AgencyReportRenderer {

    static final List<String> TEMPLATES = List.of("agency-summary", "agency-years", "agency-indicators", "agency-questions",
            "agency-measures");

    private final JasperPdf pdf;

    public AgencyReportRenderer() {
        this.pdf = new JasperPdf(TEMPLATES);
    }

    public byte[] render(AgencyReport report, ReportOptions options) {
        ThaiText text = new ThaiText(options.thaiDigits());
        Map<String, Object> p = new HashMap<>();
        p.put("TEXT", text);
        p.put("GENERATED", "จัดทำโดย ITA Oversight เมื่อ " + text.dateTime(options.generatedAt()));
        p.put("HEADING", "รายงานสรุปผลการประเมินคุณธรรมและความโปร่งใส (ITA)");
        p.put("AGENCY", report.agencyNameTh());
        p.put("PLACE", "อำเภอ" + report.districtTh() + " จังหวัด" + report.provinceNameTh() + "  ·  ปีงบประมาณ พ.ศ. "
                + text.year(report.fiscalYear()));
        p.put("RESULT", report.total().map(t -> "คะแนนรวม " + text.score(t) + "  ·  ระดับ " + report.level().orElse("–"))
                .orElse("ยังไม่มีผลการประเมินของปี " + text.year(report.fiscalYear())));
        p.put("STANDING", report.standing().map(s -> "อันดับ " + text.number(s.rank()) + " จาก " + text.number(s.agencies())
                + " หน่วยงานในจังหวัด\nค่ามัธยฐานจังหวัด " + text.score(s.provinceMedian()) + "  ·  ค่าเฉลี่ย "
                + text.score(s.provinceMean())).orElse(""));
        p.put("TREND_TITLE", "คะแนนรวมและระดับย้อนหลัง");
        p.put("INDICATORS_TITLE", "คะแนนรายตัวชี้วัด ปี " + text.year(report.fiscalYear()) + " (ตัวชี้วัดที่ต่ำสุดเน้นสี)");
        p.put("QUESTIONS_TITLE", "ข้อคำถามที่มีคะแนนต่ำสุด (ต่ำกว่า " + text.number(85) + " คะแนน)");
        p.put("MEASURES_TITLE", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปี " + text.year(report.fiscalYear()));
        AgencyReport.Completion c = report.completion();
        p.put("COMPLETION", "ณ วันที่ " + text.date(c.asOf()) + ":  มาตรการ " + text.number(c.planned()) + "  ·  แล้วเสร็จ "
                + text.number(c.done()) + " (" + c.completionRate().map(text::percent).orElse("–") + ")  ·  ตรงเวลา "
                + text.number(c.doneOnTime()) + " (" + c.onTimeRate().map(text::percent).orElse("–") + ")  ·  เกินกำหนด "
                + text.number(c.overdue()));
        p.put("CATALOG", "กรอบการประเมิน " + report.catalogId() + "  ·  รหัสหน่วยงาน " + report.agencyCode());

        p.put("YEARS_REPORT", pdf.template("agency-years"));
        p.put("YEARS", JasperPdf.rows(report.years().reversed().stream().<Map<String, ?>>map(y -> JasperPdf.row(
                text.year(y.fiscalYear()), text.score(y.total()), y.level())).toList()));
        List<Map<String, ?>> trend = new ArrayList<>();
        report.years().forEach(y -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("year", text.year(y.fiscalYear()));
            point.put("total", y.total());
            trend.add(point);
        });
        p.put("TREND", JasperPdf.rows(trend));
        p.put("INDICATORS_REPORT", pdf.template("agency-indicators"));
        p.put("INDICATORS", JasperPdf.rows(report.indicators().stream().<Map<String, ?>>map(i -> JasperPdf.marked(i.weakest(),
                text.number(i.number()), i.nameTh(), i.tool(), text.score(i.score()), i.weakest() ? "ต่ำสุด" : "")).toList()));
        p.put("QUESTIONS_REPORT", pdf.template("agency-questions"));
        p.put("QUESTIONS", JasperPdf.rows(report.weakestQuestions().stream().<Map<String, ?>>map(q -> JasperPdf.row(
                text.digits(q.code().toUpperCase(Locale.ROOT)), text.digits(q.textTh()), text.score(q.score()))).toList()));
        p.put("MEASURES_REPORT", pdf.template("agency-measures"));
        p.put("MEASURES", JasperPdf.rows(report.measures().stream().<Map<String, ?>>map(m -> JasperPdf.marked(m.overdue(),
                text.number(m.number()), m.title(), m.periodText(), m.statusTh() + (m.overdue() ? " · เกินกำหนด" : ""),
                text.digits(m.progress() + "%"))).toList()));
        return pdf.render("agency-summary", p, "ITA " + report.fiscalYear() + " " + report.agencyNameTh());
    }
}
