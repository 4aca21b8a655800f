package org.itaoversight.reporting.province;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itaoversight.reporting.ReportOptions;
import org.itaoversight.reporting.pdf.JasperPdf;
import org.itaoversight.reporting.pdf.TaggedPdf;
import org.itaoversight.reporting.text.PassRule;
import org.itaoversight.reporting.text.ThaiText;

/** Renders the province summary (Thai PDF) from a {@link ProvinceReport}. */
public final class ProvinceReportRenderer {

    static final List<String> TEMPLATES = List.of("province-summary", "province-ranking", "province-matrix",
            "province-weak-indicators", "province-completion", "province-attention");
    /** The running header (24 pt under the 32 pt top margin) and the footer (22 pt over the 28 pt bottom margin). */
    private static final TaggedPdf.PageFurniture FURNITURE = new TaggedPdf.PageFurniture(32 + 24, 28 + 22);

    private final JasperPdf pdf;
    private final PassRule rule;

    /** With the ITA pass mark of 85 (the catalog's; the application passes the catalog's own rule). */
    public ProvinceReportRenderer() {
        this(PassRule.ita());
    }

    /** @param rule the one pass rule: which printed figures are highlighted, and the chart's pass-mark line */
    public ProvinceReportRenderer(PassRule rule) {
        this.pdf = new JasperPdf(TEMPLATES);
        this.rule = rule;
    }

    public byte[] render(ProvinceReport report, ReportOptions options) {
        ThaiText text = new ThaiText(options.thaiDigits());
        ProvinceReport.KeyFigures k = report.keyFigures();
        Map<String, Object> p = new HashMap<>();
        p.put("TEXT", text);
        p.put("PASS_MARK", rule.passMark());
        p.put("GENERATED", "จัดทำโดย ITA Oversight เมื่อ " + text.dateTime(options.generatedAt()));
        String heading = "รายงานสรุปผลการประเมิน ITA ขององค์กรปกครองส่วนท้องถิ่น";
        String year = text.year(report.fiscalYear());
        p.put("HEADING", heading);
        p.put("HEADER", "รายงานสรุปผลการประเมิน ITA  ·  จังหวัด" + report.provinceNameTh() + "  ·  ปีงบประมาณ พ.ศ. " + year);
        p.put("PROVINCE", "จังหวัด" + report.provinceNameTh());
        p.put("YEARLINE", "ปีงบประมาณ พ.ศ. " + text.year(report.fiscalYear()));
        p.put("FIGURES", "หน่วยงาน " + text.number(k.agencies()) + " แห่ง (มีผลการประเมิน " + text.number(k.assessed())
                + ")  ·  คะแนนเฉลี่ย " + text.score(k.mean()) + " (เทียบปีก่อน " + text.change(k.meanChange()) + ")  ·  มัธยฐาน "
                + text.score(k.median()) + "\nผ่านเกณฑ์ " + text.number(85) + " คะแนน " + text.percent(k.passRate())
                + " ของหน่วยงาน (เทียบปีก่อน " + k.passRateChange().map(c -> text.change(Optional.of(c.multiply(BigDecimal.valueOf(100)))) + " จุด").orElse("–")
                + ")\nเป้าหมายระดับประเทศ: ผ่านเกณฑ์ร้อยละ " + text.number(80) + " ของหน่วยงาน — "
                + (k.meetsTarget() ? "บรรลุเป้าหมาย" : "ยังไม่บรรลุเป้าหมาย"));
        p.put("RANKING_TITLE", "อันดับคะแนนรวมของหน่วยงาน (ต่ำกว่า " + text.number(85) + " เน้นสี)");
        p.put("MATRIX_TITLE", "คะแนนรายตัวชี้วัดของแต่ละหน่วยงาน (ต่ำกว่า " + text.number(85) + " เน้นสี)");
        StringBuilder legend = new StringBuilder("ตัวชี้วัด: ");
        for (int i = 0; i < report.indicatorNames().size(); i++) {
            legend.append(i == 0 ? "" : "  ").append(text.number(i + 1)).append(" ").append(report.indicatorNames().get(i));
        }
        p.put("MATRIX_LEGEND", legend.toString());
        p.put("WEAK_TITLE", "ตัวชี้วัดที่อ่อนที่สุดของจังหวัด");
        p.put("COMPLETION_TITLE", "ความสำเร็จของมาตรการรายหน่วยงาน ณ วันที่ " + text.date(report.completionAsOf()));
        p.put("ATTENTION_TITLE", "หน่วยงานที่ควรติดตาม");
        p.put("RANKING_EMPTY", "ยังไม่มีผลการประเมินของปี " + year + " ในจังหวัดนี้");
        p.put("MATRIX_EMPTY", "ยังไม่มีคะแนนรายตัวชี้วัดของปี " + year + " ในจังหวัดนี้");
        p.put("WEAK_EMPTY", "ยังไม่มีคะแนนรายตัวชี้วัดของปี " + year + " จึงยังจัดลำดับตัวชี้วัดที่อ่อนไม่ได้");
        p.put("COMPLETION_EMPTY", "ยังไม่มีหน่วยงานใดในจังหวัดบันทึกหรือนำเข้ามาตรการของปี " + year);
        p.put("ATTENTION_EMPTY", "ไม่มีหน่วยงานที่คะแนนต่ำกว่าเกณฑ์ " + text.number(85)
                + " คะแนนและมาตรการแล้วเสร็จไม่ถึงครึ่ง หรือยังไม่มีมาตรการ");
        List<String> differing = report.ranking().stream().filter(ProvinceReport.RankingLine::levelDiffersFromBand)
                .map(r -> r.agencyNameTh() + " (" + text.score(r.total()) + " ประกาศระดับ " + r.level() + ", ช่วงคะแนนระดับ "
                        + r.band() + ")").toList();
        p.put("LEVEL_NOTE", differing.isEmpty() ? null : "* ระดับที่ประกาศต่างจากช่วงคะแนนรวม " + text.number(differing.size())
                + " หน่วยงาน: " + String.join("; ", differing) + " — ระดับผลการประเมินเป็นไปตามที่ประกาศ ซึ่งตั้งแต่ปี "
                + text.year(2568) + " ไม่ได้กำหนดจากช่วงคะแนนรวมเพียงอย่างเดียว");
        p.put("CATALOG", "กรอบการประเมิน " + report.catalogId() + "  ·  รหัสจังหวัด " + report.provinceCode());

        p.put("RANKING_REPORT", pdf.template("province-ranking"));
        p.put("RANKING", JasperPdf.rows(report.ranking().stream().<Map<String, ?>>map(r -> JasperPdf.marked(
                rule.fails(r.total(), PassRule.SCORE_DECIMALS), text.number(r.rank()), r.agencyCode(), r.agencyNameTh(),
                text.score(r.total()), r.level() + (r.levelDiffersFromBand() ? "*" : ""),
                text.change(r.change()))).toList()));
        p.put("MATRIX_REPORT", pdf.template("province-matrix"));
        p.put("MATRIX", JasperPdf.rows(report.matrix().stream().<Map<String, ?>>map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("c0", m.agencyNameTh());
            row.put("m0", false);
            for (int i = 0; i < 10; i++) {
                Optional<BigDecimal> score = i < m.scores().size() ? m.scores().get(i) : Optional.empty();
                row.put("c" + (i + 1), score.map(s -> text.digits(PassRule.printed(s, PassRule.MATRIX_DECIMALS).toPlainString()))
                        .orElse("–"));
                row.put("m" + (i + 1), score.map(s -> rule.fails(s, PassRule.MATRIX_DECIMALS)).orElse(false));
            }
            return row;
        }).toList()));
        p.put("WEAK_REPORT", pdf.template("province-weak-indicators"));
        p.put("WEAK", JasperPdf.rows(report.weakestIndicators().stream().<Map<String, ?>>map(w -> JasperPdf.row(text.number(w.number()),
                w.nameTh(), text.score(w.mean()), text.number(w.timesWeakest()))).toList()));
        p.put("COMPLETION_REPORT", pdf.template("province-completion"));
        p.put("COMPLETION", JasperPdf.rows(report.completion().stream().<Map<String, ?>>map(c -> JasperPdf.marked(c.overdue() > 0,
                c.agencyNameTh(), text.number(c.planned()), text.number(c.done()), text.number(c.doneOnTime()),
                text.number(c.overdue()), c.planned() == 0 ? "–"
                        : text.percent(BigDecimal.valueOf(c.done()).divide(BigDecimal.valueOf(c.planned()), 4, java.math.RoundingMode.HALF_UP))))
                .toList()));
        p.put("ATTENTION_REPORT", pdf.template("province-attention"));
        p.put("ATTENTION", JasperPdf.rows(report.attention().stream().<Map<String, ?>>map(a -> JasperPdf.row(a.agencyNameTh(),
                text.score(a.total()), a.completionRate().map(text::percent).orElse("–"), a.reasonTh())).toList()));
        List<TaggedPdf.Heading> headings = List.of(new TaggedPdf.Heading(heading, 1),
                new TaggedPdf.Heading((String) p.get("RANKING_TITLE"), 2), new TaggedPdf.Heading((String) p.get("MATRIX_TITLE"), 2),
                new TaggedPdf.Heading((String) p.get("WEAK_TITLE"), 2), new TaggedPdf.Heading((String) p.get("COMPLETION_TITLE"), 2),
                new TaggedPdf.Heading((String) p.get("ATTENTION_TITLE"), 2));
        return pdf.render("province-summary", p, "ITA " + report.fiscalYear() + " จังหวัด" + report.provinceNameTh(), headings,
                FURNITURE, options.archival());
    }
}
