package org.itaoversight.api.reports.schedule;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.itaoversight.reporting.agency.AgencyReport;
import org.itaoversight.reporting.province.ProvinceReport;
import org.itaoversight.reporting.text.ThaiText;

/**
 * The monthly report's e-mail, in plain text and HTML with the same content: addressed by the recipient's name, the
 * month's key figures (score and level, rank or pass rate, measure completion) and what changed since the month
 * before, above the attached PDF. Built from the same data model the PDF is rendered from.
 *
 * @param subject   the subject line
 * @param heading   the report's title line ("องค์การบริหารส่วนตำบลถ้ำรงค์ · ปีงบประมาณ พ.ศ. 2567")
 * @param figures   the key figures, one line each ("คะแนนรวม", "89.79 · ระดับ A")
 * @param changes   what changed since the previous month, one sentence each (or a sentence saying nothing did)
 * @param closing   the line about the attachment and the date the measures are counted on
 */
public record MonthlyMail(String subject, String heading, List<Figure> figures, List<String> changes, String closing) {

    public MonthlyMail {
        figures = List.copyOf(figures);
        changes = List.copyOf(changes);
    }

    public record Figure(String label, String value) {
    }

    /** The mail of an agency's report; {@code before} is the same report counted as of the previous month. */
    public static MonthlyMail of(AgencyReport now, AgencyReport before, YearMonth month, ThaiText text) {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("คะแนนรวม ปี " + text.year(now.fiscalYear()), now.total()
                .map(t -> text.score(t) + " · ระดับ " + now.level().orElse("–")).orElse("ยังไม่มีผลการประเมิน")));
        now.standing().ifPresent(s -> figures.add(new Figure("อันดับในจังหวัด" + now.provinceNameTh(),
                text.number(s.rank()) + " จาก " + text.number(s.agencies()) + " หน่วยงาน (ค่าเฉลี่ยจังหวัด " + text.score(s.provinceMean()) + ")")));
        figures.add(new Figure("มาตรการแล้วเสร็จ", completion(now.completion(), text)));
        figures.add(new Figure("มาตรการเกินกำหนด", text.number(now.completion().overdue()) + " มาตรการ"));
        List<String> changes = new ArrayList<>();
        changes.addAll(completionChanges(before.completion(), now.completion(), text));
        if (!now.total().equals(before.total())) {
            changes.add("ผลการประเมินปี " + text.year(now.fiscalYear()) + " เปลี่ยนจาก " + text.score(before.total()) + " เป็น "
                    + text.score(now.total()));
        }
        return new MonthlyMail(subject(month, now.agencyNameTh(), text), now.agencyNameTh() + " · ปีงบประมาณ พ.ศ. "
                + text.year(now.fiscalYear()), figures, orNothing(changes), closing(now.completion().asOf(), text));
    }

    /** The mail of a province's report; {@code before} is the same report counted as of the previous month. */
    public static MonthlyMail of(ProvinceReport now, ProvinceReport before, YearMonth month, ThaiText text) {
        ProvinceReport.KeyFigures k = now.keyFigures();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("คะแนนเฉลี่ย ปี " + text.year(now.fiscalYear()), k.mean() == null ? "ยังไม่มีผลการประเมิน"
                : text.score(k.mean()) + " (มัธยฐาน " + text.score(k.median()) + ", " + text.number(k.assessed()) + " หน่วยงาน)"));
        figures.add(new Figure("ผ่านเกณฑ์ " + text.number(85) + " คะแนน", text.percent(k.passRate()) + " ของหน่วยงาน — "
                + (k.meetsTarget() ? "บรรลุเป้าหมายระดับประเทศ" : "ยังไม่บรรลุเป้าหมายระดับประเทศ")));
        AgencyReport.Completion total = total(now), totalBefore = total(before);
        figures.add(new Figure("มาตรการแล้วเสร็จ", completion(total, text)));
        figures.add(new Figure("มาตรการเกินกำหนด", text.number(total.overdue()) + " มาตรการ"));
        figures.add(new Figure("หน่วยงานที่ควรติดตาม", text.number(now.attention().size()) + " แห่ง"));
        List<String> changes = new ArrayList<>(completionChanges(totalBefore, total, text));
        if (before.attention().size() != now.attention().size()) {
            changes.add("หน่วยงานที่ควรติดตามจาก " + text.number(before.attention().size()) + " เป็น " + text.number(now.attention().size()) + " แห่ง");
        }
        return new MonthlyMail(subject(month, "จังหวัด" + now.provinceNameTh(), text), "จังหวัด" + now.provinceNameTh()
                + " · ปีงบประมาณ พ.ศ. " + text.year(now.fiscalYear()), figures, orNothing(changes), closing(now.completionAsOf(), text));
    }

    private static AgencyReport.Completion total(ProvinceReport report) {
        return new AgencyReport.Completion(report.completionAsOf(),
                report.completion().stream().mapToInt(ProvinceReport.AgencyCompletion::planned).sum(),
                report.completion().stream().mapToInt(ProvinceReport.AgencyCompletion::done).sum(),
                report.completion().stream().mapToInt(ProvinceReport.AgencyCompletion::doneOnTime).sum(),
                report.completion().stream().mapToInt(ProvinceReport.AgencyCompletion::overdue).sum());
    }

    private static String subject(YearMonth month, String who, ThaiText text) {
        return "รายงานผลการประเมิน ITA ประจำเดือน" + text.month(month) + " — " + who;
    }

    private static String completion(AgencyReport.Completion c, ThaiText text) {
        return c.planned() == 0 ? "ยังไม่มีมาตรการในระบบ" : text.number(c.done()) + " จาก " + text.number(c.planned())
                + " มาตรการ (" + c.completionRate().map(text::percent).orElse("–") + ")";
    }

    private static List<String> completionChanges(AgencyReport.Completion before, AgencyReport.Completion now, ThaiText text) {
        List<String> changes = new ArrayList<>();
        if (now.planned() != before.planned()) {
            changes.add("มาตรการในระบบจาก " + text.number(before.planned()) + " เป็น " + text.number(now.planned()) + " มาตรการ");
        }
        if (now.done() != before.done()) {
            changes.add("แล้วเสร็จเพิ่มขึ้น " + text.number(now.done() - before.done()) + " มาตรการ (จาก "
                    + before.completionRate().map(text::percent).orElse("–") + " เป็น " + now.completionRate().map(text::percent).orElse("–") + ")");
        }
        if (now.overdue() != before.overdue()) {
            changes.add("มาตรการเกินกำหนดจาก " + text.number(before.overdue()) + " เป็น " + text.number(now.overdue()) + " มาตรการ");
        }
        return changes;
    }

    private static List<String> orNothing(List<String> changes) {
        return changes.isEmpty() ? List.of("ไม่มีการเปลี่ยนแปลงจากเดือนก่อน") : changes;
    }

    private static String closing(LocalDate asOf, ThaiText text) {
        return "รายละเอียดอยู่ในรายงานฉบับเต็มที่แนบมา (PDF) ข้อมูลมาตรการ ณ วันที่ " + text.date(asOf);
    }

    /** "เรียน คุณสมชาย ใจดี" or, when the directory has no name, the user name. */
    static String greeting(Optional<String> name, String fallback) {
        return "เรียน " + name.filter(n -> !n.isBlank()).map(n -> "คุณ" + n.strip()).orElse(fallback);
    }

    public String text(String greeting) {
        StringBuilder out = new StringBuilder(greeting).append("\n\n").append(heading).append("\n\n");
        for (Figure figure : figures) {
            out.append("- ").append(figure.label()).append(": ").append(figure.value()).append('\n');
        }
        out.append("\nเปลี่ยนแปลงจากเดือนก่อน\n");
        changes.forEach(change -> out.append("- ").append(change).append('\n'));
        out.append('\n').append(closing).append("\n\nITA Oversight\n");
        return out.toString();
    }

    public String html(String greeting) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"UTF-8\"><title>")
                .append(escape(subject)).append("</title></head><body style=\"font-family:Sarabun,Tahoma,sans-serif;color:#1f2933\">")
                .append("<p>").append(escape(greeting)).append("</p><h2 style=\"color:#1f3a5f\">").append(escape(heading)).append("</h2>")
                .append("<table style=\"border-collapse:collapse\">");
        for (Figure figure : figures) {
            out.append("<tr><th scope=\"row\" style=\"text-align:left;padding:4px 12px 4px 0\">").append(escape(figure.label()))
                    .append("</th><td style=\"padding:4px 0\">").append(escape(figure.value())).append("</td></tr>");
        }
        out.append("</table><h3>เปลี่ยนแปลงจากเดือนก่อน</h3><ul>");
        changes.forEach(change -> out.append("<li>").append(escape(change)).append("</li>"));
        out.append("</ul><p>").append(escape(closing)).append("</p><p>ITA Oversight</p></body></html>");
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
