package org.itaoversight.api.reports.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.registry.ProvinceView;
import org.itaoversight.api.registry.RegistryDao;
import org.itaoversight.api.reports.ReportPdfs;
import org.itaoversight.reporting.text.ThaiText;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;

/**
 * Delivers one monthly run: renders the summary of the latest assessed year (completion as of the due day),
 * archives the PDF with its parameters and SHA-256 before anything is sent, then mails it to the recipients who may
 * see that agency or province — each recipient is looked up again at delivery, so one who moved away gets nothing.
 */
public final class ReportDelivery {

    private final ReportScheduleDao dao;
    private final ReportPdfs reports;
    private final AnalyticsDao analytics;
    private final RegistryDao registry;
    private final Catalog catalog;
    private final RecipientDirectory directory;
    private final AccessPolicy policy;
    private final SmtpMailer mailer;
    private final ObjectMapper json;

    public ReportDelivery(ReportScheduleDao dao, ReportPdfs reports, AnalyticsDao analytics, RegistryDao registry, Catalog catalog,
                          RecipientDirectory directory, AccessPolicy policy, SmtpMailer mailer, ObjectMapper json) {
        this.dao = dao;
        this.reports = reports;
        this.analytics = analytics;
        this.registry = registry;
        this.catalog = catalog;
        this.directory = directory;
        this.policy = policy;
        this.mailer = mailer;
        this.json = json;
    }

    /** A delivery that cannot succeed however often it is tried (no recipient may receive it, no results). */
    static final class Undeliverable extends RuntimeException {
        Undeliverable(String message) {
            super(message);
        }
    }

    public void deliver(long runId) throws Exception {
        ReportRun run = dao.run(runId).orElseThrow(() -> new Undeliverable("run " + runId + " no longer exists"));
        ReportSchedule schedule = dao.find(run.scheduleId()).orElseThrow(() -> new Undeliverable("its schedule was archived"));
        LocalDate asOf = schedule.dueIn(YearMonth.parse(run.period())).toLocalDate();
        List<String> allowed = allowedRecipients(schedule);
        byte[] pdf;
        int year;
        String title;
        String fileName;
        if (schedule.scope() == ReportScope.AGENCY) {
            Agency agency = registry.findAgency(schedule.code()).map(RegistryDao.AgencyRow::toAgency)
                    .orElseThrow(() -> new Undeliverable("agency " + schedule.code() + " is not in the registry"));
            year = latestYear(analytics.agencyTrend(agency.provinceCode(), agency.code()).stream()
                    .map(AnalyticsDao.AgencyYearRow::fiscalYear).toList(), schedule);
            pdf = reports.agency(agency, framework(year), year, Optional.of(asOf), schedule.thaiDigits());
            title = agency.nameTh();
        } else {
            ProvinceView province = registry.findProvince(schedule.code())
                    .orElseThrow(() -> new Undeliverable("province " + schedule.code() + " is not in the registry"));
            year = latestYear(analytics.yearSummaries(province.code(), catalog.passMark()).stream()
                    .map(AnalyticsDao.YearSummary::fiscalYear).toList(), schedule);
            pdf = reports.province(province, framework(year), year, Optional.of(asOf), schedule.thaiDigits());
            title = "จังหวัด" + province.nameTh();
        }
        fileName = ReportPdfs.fileName(schedule.scope().name().toLowerCase(java.util.Locale.ROOT), schedule.code(), year);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("scope", schedule.scope());
        parameters.put("code", schedule.code());
        parameters.put("fiscalYear", year);
        parameters.put("asOf", asOf.toString());
        parameters.put("thaiDigits", schedule.thaiDigits());
        parameters.put("recipients", allowed);
        dao.archive(runId, year, json.writeValueAsString(parameters), pdf,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        ThaiText thai = new ThaiText(schedule.thaiDigits());
        mailer.send(allowed, "รายงานผลการประเมิน ITA ประจำเดือน" + thai.month(YearMonth.parse(run.period())) + " — " + title,
                "เรียน ผู้เกี่ยวข้อง\n\nแนบรายงานสรุปผลการประเมินคุณธรรมและความโปร่งใส (ITA) ปีงบประมาณ พ.ศ. " + thai.year(year)
                        + " ของ" + title + " ข้อมูลมาตรการ ณ วันที่ " + thai.date(asOf) + "\n\nITA Oversight", fileName, pdf);
        dao.sent(runId);
    }

    private List<String> allowedRecipients(ReportSchedule schedule) {
        List<String> allowed = new ArrayList<>();
        for (String email : schedule.recipients()) {
            if (directory.byEmail(email).filter(who -> mayReceive(who, schedule)).isPresent()) {
                allowed.add(email);
            }
        }
        if (allowed.isEmpty()) {
            throw new Undeliverable("none of the recipients " + schedule.recipients() + " may receive the report of "
                    + schedule.scope().name().toLowerCase(java.util.Locale.ROOT) + " " + schedule.code());
        }
        return allowed;
    }

    /** The same rule as the API's: one's own agency, or the province one oversees (and its agencies). */
    boolean mayReceive(OversightPrincipal who, ReportSchedule schedule) {
        if (schedule.scope() == ReportScope.PROVINCE) {
            return policy.canReadProvince(who, schedule.code());
        }
        return registry.findAgency(schedule.code()).map(RegistryDao.AgencyRow::toAgency)
                .map(agency -> policy.canReadAgency(who, agency)).orElse(false);
    }

    private static int latestYear(List<Integer> years, ReportSchedule schedule) {
        return years.stream().max(Integer::compare).orElseThrow(() -> new Undeliverable(
                "no ITA results are loaded for " + schedule.scope().name().toLowerCase(java.util.Locale.ROOT) + " " + schedule.code()));
    }

    private Framework framework(int year) {
        return catalog.framework(year).orElseThrow(() -> new Undeliverable("year " + year + " is not in the catalog"));
    }
}
