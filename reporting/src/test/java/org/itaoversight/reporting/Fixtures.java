package org.itaoversight.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.itaoversight.reporting.agency.AgencyReport;
import org.itaoversight.reporting.province.ProvinceReport;

/** Known report data: อบต.บางระกำ's 2565 indicator scores and weak questions, and a made-up province around it. */
final class Fixtures {

    static final ZonedDateTime GENERATED = ZonedDateTime.of(2026, 11, 22, 14, 30, 0, 0, ZoneId.of("Asia/Bangkok"));
    static final List<String> INDICATORS = List.of("การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ",
            "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร", "การปรับปรุงระบบการทำงาน",
            "การเปิดเผยข้อมูล", "การป้องกันการทุจริต");
    static final String[] SCORES = {"86.76", "75.12", "82.95", "80.59", "81.42", "93.40", "85.37", "79.98", "97.50", "100.00"};

    private Fixtures() {
    }

    static AgencyReport bangRakam() {
        List<AgencyReport.IndicatorScore> indicators = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            indicators.add(new AgencyReport.IndicatorScore(i + 1, INDICATORS.get(i), i < 5 ? "IIT" : i < 8 ? "EIT" : "OIT",
                    Optional.of(new BigDecimal(SCORES[i])), i == 1));
        }
        return new AgencyReport("6730301", "องค์การบริหารส่วนตำบลบางระกำ", "นครชัยศรี", "นครปฐม", 2565, "ita-2565",
                Optional.of(new BigDecimal("89.79")), Optional.of("A"),
                List.of(new AgencyReport.YearScore(2563, new BigDecimal("81.20"), "B", "B"),
                        new AgencyReport.YearScore(2564, new BigDecimal("86.45"), "A", "A"),
                        new AgencyReport.YearScore(2565, new BigDecimal("89.79"), "A", "A")),
                indicators,
                List.of(new AgencyReport.QuestionScore("o20", "รายงานผลการใช้จ่ายงบประมาณ ประจำปี", new BigDecimal("60.76")),
                        new AgencyReport.QuestionScore("o28", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", new BigDecimal("64.75")),
                        new AgencyReport.QuestionScore("o24", "รายงานผลการดำเนินการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี", new BigDecimal("66.12")),
                        new AgencyReport.QuestionScore("o12", "รายงานการกำกับติดตามการดำเนินงาน ประจำปี รอบ ๖ เดือน", new BigDecimal("72.15")),
                        new AgencyReport.QuestionScore("o11", "แผนการดำเนินงานประจำปี", new BigDecimal("77.54"))),
                List.of(new AgencyReport.MeasureLine(1, "เผยแพร่รายงานผลการใช้จ่ายงบประมาณประจำปีบนเว็บไซต์ของหน่วยงาน",
                                "ดำเนินการแล้วเสร็จ", "ตุลาคม ๒๕๖๕-เมษายน ๒๕๖๖", Optional.empty(), Optional.empty(), 100, false),
                        new AgencyReport.MeasureLine(2, "ประชุมชี้แจงบุคลากรเรื่องการปรับปรุงระบบการทำงานและการใช้งบประมาณ",
                                "กำลังดำเนินการ", "", Optional.of(LocalDate.of(2023, 1, 1)), Optional.of(LocalDate.of(2023, 6, 30)), 40, true),
                        new AgencyReport.MeasureLine(3, "จัดทำคู่มือการปฏิบัติงานและเผยแพร่ให้ประชาชนทราบ",
                                "ยังไม่เริ่ม", "เป็นประจำทุกเดือน", Optional.empty(), Optional.empty(), 0, false)),
                new AgencyReport.Completion(LocalDate.of(2023, 9, 30), 3, 1, 1, 1),
                Optional.of(new AgencyReport.Standing(5, 57, new BigDecimal("88.10"), new BigDecimal("87.55"))));
    }

    /**
     * บางระกำ with a long list of measures (so the report runs over several pages) and, from {@code emptyFrom} on, empty
     * sections: no weakest questions and no measures when {@code empty}.
     */
    static AgencyReport bangRakamWith(int measureCount, boolean empty) {
        AgencyReport base = bangRakam();
        List<AgencyReport.MeasureLine> measures = new ArrayList<>();
        for (int m = 1; m <= measureCount; m++) {
            measures.add(new AgencyReport.MeasureLine(m, "มาตรการทดสอบที่ " + m + " เผยแพร่ข้อมูลการจัดซื้อจัดจ้างและรายงานผลการใช้จ่ายงบประมาณรายเดือน",
                    m % 3 == 0 ? "ดำเนินการแล้วเสร็จ" : "กำลังดำเนินการ", m % 2 == 0 ? "" : "ตุลาคม ๒๕๖๕-กันยายน ๒๕๖๖",
                    Optional.of(LocalDate.of(2022, 10, 1)), Optional.of(LocalDate.of(2023, 9, 30)), (m * 17) % 101, m % 4 == 0));
        }
        List<AgencyReport.YearScore> years = new ArrayList<>(base.years());
        years.add(new AgencyReport.YearScore(2566, new BigDecimal("89.68"), "B", "A"));
        return new AgencyReport(base.agencyCode(), base.agencyNameTh(), base.districtTh(), base.provinceNameTh(), 2566,
                base.catalogId(), Optional.of(new BigDecimal("89.68")), Optional.of("B"), years, base.indicators(),
                empty ? List.of() : base.weakestQuestions(), empty ? List.of() : measures,
                empty ? new AgencyReport.Completion(LocalDate.of(2023, 9, 30), 0, 0, 0, 0)
                        : new AgencyReport.Completion(LocalDate.of(2023, 9, 30), measureCount, measureCount / 3, measureCount / 4, measureCount / 4),
                base.standing());
    }

    /** A province of {@code agencies} made-up agencies with deterministic scores; the first is บางระกำ. */
    static ProvinceReport province(int agencies) {
        List<ProvinceReport.RankingLine> ranking = new ArrayList<>();
        List<ProvinceReport.MatrixRow> matrix = new ArrayList<>();
        List<ProvinceReport.AgencyCompletion> completion = new ArrayList<>();
        List<ProvinceReport.Attention> attention = new ArrayList<>();
        for (int a = 0; a < agencies; a++) {
            String code = a == 0 ? "6730301" : String.valueOf(6730302 + a);
            String name = a == 0 ? "องค์การบริหารส่วนตำบลบางระกำ" : "องค์การบริหารส่วนตำบลทดสอบที่ " + (a + 1);
            BigDecimal total = BigDecimal.valueOf(9800 - (a * 3700L) % 3500, 2);
            String band = total.compareTo(BigDecimal.valueOf(95)) >= 0 ? "AA" : total.compareTo(BigDecimal.valueOf(85)) >= 0 ? "A" : "B";
            // From 2568 a published level may differ from the band: the third agency's A-band total is published as B.
            ranking.add(new ProvinceReport.RankingLine(a + 1, code, name, total, a == 2 && band.equals("A") ? "B" : band, band,
                    Optional.of(BigDecimal.valueOf((a % 7) - 3, 0).multiply(new BigDecimal("0.75")))));
            List<Optional<BigDecimal>> scores = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                scores.add(Optional.of(BigDecimal.valueOf(10000 - ((a + 3L) * (i + 7) * 37) % 3000, 2)));
            }
            if (a == 1) {
                // Printed with one decimal as 85.0: they pass, and are not highlighted; 84.94 prints 84.9 and is.
                scores.set(0, Optional.of(new BigDecimal("84.95")));
                scores.set(1, Optional.of(new BigDecimal("84.99")));
                scores.set(2, Optional.of(new BigDecimal("84.94")));
            }
            matrix.add(new ProvinceReport.MatrixRow(code, name, scores));
            completion.add(new ProvinceReport.AgencyCompletion(code, name, 5, a % 6, a % 4, a % 3 == 0 ? 1 : 0));
            if (total.compareTo(BigDecimal.valueOf(85)) < 0) {
                attention.add(new ProvinceReport.Attention(code, name, total, Optional.of(new BigDecimal("0.2")),
                        "คะแนนรวมต่ำกว่า ๘๕ และมาตรการแล้วเสร็จน้อยกว่าครึ่ง"));
            }
        }
        return new ProvinceReport("73", "นครปฐม", 2568, "ita-2568",
                new ProvinceReport.KeyFigures(agencies, agencies, new BigDecimal("87.55"), new BigDecimal("88.10"),
                        new BigDecimal("0.7193"), false, Optional.of(new BigDecimal("1.25")), Optional.of(new BigDecimal("0.05"))),
                ranking, INDICATORS, matrix,
                List.of(new ProvinceReport.WeakIndicator(2, "การใช้งบประมาณ", new BigDecimal("79.40"), 21),
                        new ProvinceReport.WeakIndicator(8, "การปรับปรุงระบบการทำงาน", new BigDecimal("81.02"), 14),
                        new ProvinceReport.WeakIndicator(4, "การใช้ทรัพย์สินของราชการ", new BigDecimal("82.77"), 9)),
                LocalDate.of(2025, 9, 30), completion, attention);
    }
}
