package org.itaoversight.api.exports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.itaoversight.api.ita.analytics.AgencyResultsResource;
import org.itaoversight.api.ita.analytics.NationalResultsResource;
import org.itaoversight.api.ita.analytics.ResultViews;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.analytics.ProvinceResultsResource;
import org.itaoversight.api.measures.Measure;
import org.itaoversight.api.measures.MeasureCompletion;
import org.itaoversight.api.measures.MeasuresResource;
import org.itaoversight.api.measures.ProvinceMeasureCompletionResource;
import org.itaoversight.api.registry.RegistryDao;
import org.itaoversight.api.reports.NeedsAttention;
import org.itaoversight.api.reports.NeedsAttentionResource;
import org.itaoversight.reporting.text.PassRule;

/**
 * Every comparison the API answers, as a table to download: the ranking, the agency × indicator matrix, the weakest
 * indicators, the movers, measure completion (as of a day and month by month), an agency's measures and its weakest
 * questions; the country by province, a province's agencies needing attention, an agency's indicator scores. The same answer the JSON gives (the resource has already checked who may read it); headers in Thai.
 * Pass or not is the answer's own ({@code passed}, from the catalog's one {@link PassRule}: the printed figure decides),
 * as in the reports and the dashboard.
 */
public final class ExportTables {

    private final RegistryDao registry;
    private final Catalog catalog;

    public ExportTables(RegistryDao registry, Catalog catalog) {
        this.registry = registry;
        this.catalog = catalog;
    }

    public static boolean supports(Class<?> type) {
        return type == ProvinceResultsResource.Ranking.class || type == ProvinceResultsResource.Matrix.class
                || type == ProvinceResultsResource.WeakestIndicators.class || type == ProvinceResultsResource.Movers.class
                || type == ProvinceMeasureCompletionResource.ProvinceCompletion.class
                || type == ProvinceMeasureCompletionResource.Monthly.class || type == MeasuresResource.Page.class
                || type == AgencyResultsResource.WeakestQuestions.class || type == NationalResultsResource.PassRates.class
                || type == NeedsAttentionResource.Attention.class || type == AgencyResultsResource.IndicatorScores.class;
    }

    public Optional<ExportTable> tableOf(Object answer) {
        return Optional.ofNullable(switch (answer) {
            case ProvinceResultsResource.Ranking r -> ranking(r);
            case ProvinceResultsResource.Matrix m -> matrix(m);
            case ProvinceResultsResource.WeakestIndicators w -> weakest(w);
            case ProvinceResultsResource.Movers m -> movers(m);
            case ProvinceMeasureCompletionResource.ProvinceCompletion c -> completion(c);
            case ProvinceMeasureCompletionResource.Monthly m -> monthly(m);
            case MeasuresResource.Page p -> measures(p);
            case AgencyResultsResource.WeakestQuestions q -> questions(q);
            case NationalResultsResource.PassRates p -> provinces(p);
            case NeedsAttentionResource.Attention a -> attention(a);
            case AgencyResultsResource.IndicatorScores s -> agencyIndicators(s);
            default -> null;
        });
    }

    private ExportTable ranking(ProvinceResultsResource.Ranking r) {
        List<List<Object>> rows = new ArrayList<>();
        for (ResultViews.RankedAgency row : r.ranking()) {
            List<Object> values = new ArrayList<>(List.of(row.rank(), row.agencyCode(), text(row.nameTh()), text(row.districtTh()),
                    row.total(), text(row.level()), row.passed() ? "ผ่าน" : "ไม่ผ่าน"));
            values.add(row.previousTotal());
            values.add(row.change());
            rows.add(values);
        }
        return new ExportTable("อันดับ " + r.fiscalYear(), "ranking-" + r.provinceCode() + "-" + r.fiscalYear(),
                List.of("อันดับ", "รหัสหน่วยงาน", "หน่วยงาน", "อำเภอ", "คะแนนรวม", "ระดับ", "ผ่านเกณฑ์ " + catalog.passMark().stripTrailingZeros().toPlainString(),
                        "คะแนนปีก่อน", "เปลี่ยนแปลง"), rows);
    }

    private static ExportTable matrix(ProvinceResultsResource.Matrix m) {
        List<String> headers = new ArrayList<>(List.of("รหัสหน่วยงาน", "หน่วยงาน", "คะแนนรวม"));
        headers.addAll(m.indicators().stream().map(i -> "ตัวชี้วัด " + i).toList());
        List<List<Object>> rows = new ArrayList<>();
        for (ResultViews.AgencyScores row : m.agencies()) {
            List<Object> values = new ArrayList<>(List.of(row.agencyCode(), row.nameTh()));
            values.add(row.total());
            for (int i = 0; i < m.indicators().size(); i++) {
                values.add(i < row.indicatorScores().size() ? row.indicatorScores().get(i) : null);
            }
            rows.add(values);
        }
        return new ExportTable("ตัวชี้วัด " + m.fiscalYear(), "indicators-" + m.provinceCode() + "-" + m.fiscalYear(), headers, rows);
    }

    private static ExportTable weakest(ProvinceResultsResource.WeakestIndicators w) {
        return new ExportTable("ตัวชี้วัดที่อ่อน " + w.fiscalYear(), "weakest-indicators-" + w.provinceCode() + "-" + w.fiscalYear(),
                List.of("ตัวชี้วัดที่", "ตัวชี้วัด", "เครื่องมือ", "ค่าเฉลี่ยจังหวัด", "จำนวนหน่วยงาน", "ต่ำสุดของ (แห่ง)"),
                w.indicators().stream().<List<Object>>map(i -> List.of(i.number(), i.nameTh(), i.tool(), i.meanScore(), i.agencies(),
                        i.weakestFor())).toList());
    }

    private static ExportTable movers(ProvinceResultsResource.Movers m) {
        List<List<Object>> rows = new ArrayList<>();
        m.up().forEach(row -> rows.add(mover("ขึ้น", row)));
        m.down().forEach(row -> rows.add(mover("ลง", row)));
        return new ExportTable("เปลี่ยนแปลง " + m.fiscalYear(), "movers-" + m.provinceCode() + "-" + m.fiscalYear(),
                List.of("ทิศทาง", "รหัสหน่วยงาน", "หน่วยงาน", "คะแนนปี " + (m.fiscalYear() - 1), "คะแนนปี " + m.fiscalYear(), "เปลี่ยนแปลง"),
                rows);
    }

    private static List<Object> mover(String direction, ResultViews.Mover row) {
        List<Object> values = new ArrayList<>();
        values.add(direction);
        values.add(row.agencyCode());
        values.add(text(row.nameTh()));
        values.add(row.previousTotal());
        values.add(row.total());
        values.add(row.change());
        return values;
    }

    private ExportTable completion(ProvinceMeasureCompletionResource.ProvinceCompletion c) {
        Map<String, String> names = new HashMap<>();
        registry.listAgencies(c.provinceCode()).forEach(a -> names.put(a.code(), a.nameTh()));
        List<List<Object>> rows = new ArrayList<>();
        for (MeasureCompletion agency : c.agencies()) {
            rows.add(completionRow(agency.scope(), names.getOrDefault(agency.scope(), ""), agency));
        }
        rows.add(completionRow(c.provinceCode(), "รวมทั้งจังหวัด", c.total()));
        return new ExportTable("มาตรการ " + c.fiscalYear(), "measure-completion-" + c.provinceCode() + "-" + c.fiscalYear(),
                List.of("รหัส", "หน่วยงาน", "มาตรการ", "แล้วเสร็จ", "แล้วเสร็จตรงเวลา", "เกินกำหนด", "สัดส่วนแล้วเสร็จ",
                        "สัดส่วนตรงเวลา", "ณ วันที่"),
                rows.stream().map(row -> {
                    List<Object> values = new ArrayList<>(row);
                    values.add(c.asOf());
                    return (List<Object>) values;
                }).toList());
    }

    private static List<Object> completionRow(String code, String name, MeasureCompletion c) {
        List<Object> values = new ArrayList<>();
        values.add(code);
        values.add(name);
        values.add(c.planned());
        values.add(c.done());
        values.add(c.doneOnTime());
        values.add(c.overdue());
        values.add(c.completionRate());
        values.add(c.onTimeRate());
        return values;
    }

    private static ExportTable monthly(ProvinceMeasureCompletionResource.Monthly m) {
        return new ExportTable("รายเดือน " + m.fiscalYear(), "measure-completion-monthly-" + m.provinceCode() + "-" + m.fiscalYear(),
                List.of("เดือน", "หน่วยงาน", "มาตรการ", "แล้วเสร็จ", "แล้วเสร็จตรงเวลา", "เกินกำหนด"),
                m.months().stream().<List<Object>>map(month -> List.of(month.month(), month.agencies(), month.planned(), month.done(),
                        month.doneOnTime(), month.overdue())).toList());
    }

    private static ExportTable measures(MeasuresResource.Page page) {
        List<List<Object>> rows = new ArrayList<>();
        int year = 0;
        for (MeasuresResource.MeasureView view : page.measures()) {
            Measure m = view.measure();
            year = m.fiscalYear();
            List<Object> values = new ArrayList<>();
            values.add(m.fiscalYear());
            values.add(m.number());
            values.add(m.title());
            values.add(String.join("; ", m.targets()));
            values.add(m.periodStart().orElse(null));
            values.add(m.periodEnd().orElse(null));
            values.add(text(m.periodText()));
            values.add(m.status().labelTh());
            values.add(m.progress());
            values.add(m.completedOn().orElse(null));
            values.add(view.overdue() ? "เกินกำหนด" : "");
            values.add(String.join("; ", m.responsibleUnits()));
            rows.add(values);
        }
        return new ExportTable("มาตรการ", "measures-" + page.agencyCode() + (year == 0 ? "" : "-" + year),
                List.of("ปีงบประมาณ", "ที่", "มาตรการ", "เป้าหมาย (ตัวชี้วัด/ข้อคำถาม)", "เริ่ม", "สิ้นสุด", "ระยะเวลาตามที่หน่วยงานระบุ",
                        "สถานะ", "ความคืบหน้า (%)", "แล้วเสร็จเมื่อ", "เกินกำหนด", "ผู้รับผิดชอบ"), rows);
    }

    private static ExportTable questions(AgencyResultsResource.WeakestQuestions q) {
        return new ExportTable("ข้อคำถามต่ำสุด " + q.fiscalYear(), "weakest-questions-" + q.agencyCode() + "-" + q.fiscalYear(),
                List.of("ข้อ", "ตัวชี้วัดที่", "ตัวชี้วัด", "คะแนน"),
                q.questions().stream().<List<Object>>map(w -> List.of(w.code().toUpperCase(Locale.ROOT), w.indicator(),
                        text(w.indicatorNameTh()), w.score())).toList());
    }

    /**
     * The country by province. A withheld group (fewer agencies than the minimum group size, or one that would give
     * one back) comes without figures, as in its JSON: its cells stay empty and its note says why.
     */
    private ExportTable provinces(NationalResultsResource.PassRates p) {
        Map<String, String> names = new HashMap<>();
        registry.listProvinces().forEach(province -> names.put(province.code(), province.nameTh()));
        List<ResultViews.GroupPassRate> groups = new ArrayList<>(p.byProvince());
        groups.sort(Comparator.comparing(ResultViews.GroupPassRate::withheld)
                .thenComparing(g -> g.meanTotal().orElse(BigDecimal.ZERO), Comparator.reverseOrder()));
        List<List<Object>> rows = new ArrayList<>();
        int rank = 0;
        for (ResultViews.GroupPassRate g : groups) {
            List<Object> values = new ArrayList<>();
            values.add(g.withheld() ? null : ++rank);
            values.add(g.groupCode());
            values.add(text(names.get(g.groupCode())));
            values.add(g.agencies().orElse(null));
            values.add(g.passed().orElse(null));
            values.add(g.passRate().orElse(null));
            values.add(g.meanTotal().orElse(null));
            values.add(g.note().orElse(""));
            rows.add(values);
        }
        return new ExportTable("รายจังหวัด " + p.fiscalYear(), "provinces-" + p.fiscalYear(),
                List.of("อันดับ", "รหัสจังหวัด", "จังหวัด", "หน่วยงานที่มีผล", "ผ่านเกณฑ์ " + catalog.passMark().stripTrailingZeros().toPlainString()
                        + " (แห่ง)", "สัดส่วนผ่านเกณฑ์", "คะแนนเฉลี่ย", "หมายเหตุ"), rows);
    }

    private static ExportTable attention(NeedsAttentionResource.Attention a) {
        List<List<Object>> rows = new ArrayList<>();
        for (NeedsAttention.Agency agency : a.agencies()) {
            List<Object> values = new ArrayList<>();
            values.add(agency.agencyCode());
            values.add(text(agency.nameTh()));
            values.add(agency.total());
            values.add(agency.completionRate().orElse(null));
            values.add(text(agency.reasonTh()));
            values.add(a.asOf());
            rows.add(values);
        }
        return new ExportTable("ควรติดตาม " + a.fiscalYear(), "attention-" + a.provinceCode() + "-" + a.fiscalYear(),
                List.of("รหัสหน่วยงาน", "หน่วยงาน", "คะแนนรวม", "สัดส่วนมาตรการแล้วเสร็จ", "เหตุผล", "ณ วันที่"), rows);
    }

    private static ExportTable agencyIndicators(AgencyResultsResource.IndicatorScores s) {
        return new ExportTable("ตัวชี้วัด " + s.fiscalYear(), "indicators-" + s.agencyCode() + "-" + s.fiscalYear(),
                List.of("ตัวชี้วัดที่", "ตัวชี้วัด", "เครื่องมือ", "คะแนน", "ต่ำสุด"),
                s.indicators().stream().<List<Object>>map(i -> Arrays.asList(i.number(), text(i.nameTh()), text(i.tool()),
                        i.score().orElse(null), i.lowest() ? "ต่ำสุด" : "")).toList());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
