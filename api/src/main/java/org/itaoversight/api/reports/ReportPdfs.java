package org.itaoversight.api.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.registry.ProvinceView;
import org.itaoversight.reporting.ReportOptions;
import org.itaoversight.reporting.agency.AgencyReportRenderer;
import org.itaoversight.reporting.province.ProvinceReportRenderer;
import org.itaoversight.reporting.text.ThaiText;
import org.itaoversight.tenants.registry.Agency;

/**
 * Renders the agency and province summaries from live data: {@link ReportData} gathers, the reporting module renders.
 * One instance per application (the renderers hold the compiled templates and fonts).
 */
public final class ReportPdfs {

    private final ReportData data;
    private final AgencyReportRenderer agencies;
    private final ProvinceReportRenderer provinces;
    private final Clock clock;

    public ReportPdfs(ReportData data, Clock clock) {
        this.data = data;
        this.agencies = new AgencyReportRenderer(data.passRule());
        this.provinces = new ProvinceReportRenderer(data.passRule());
        this.clock = clock;
    }

    public byte[] agency(Agency agency, Framework framework, int year, Optional<LocalDate> asOf, boolean thaiDigits) {
        return agency(agency, framework, year, asOf, thaiDigits, false);
    }

    /** @param archival PDF/A-2B, as the monthly runs are archived */
    public byte[] agency(Agency agency, Framework framework, int year, Optional<LocalDate> asOf, boolean thaiDigits,
                         boolean archival) {
        return agencies.render(data.agency(agency, framework, year, data.asOf(year, asOf)), options(thaiDigits, archival));
    }

    public byte[] province(ProvinceView province, Framework framework, int year, Optional<LocalDate> asOf, boolean thaiDigits) {
        return province(province, framework, year, asOf, thaiDigits, false);
    }

    /** @param archival PDF/A-2B, as the monthly runs are archived */
    public byte[] province(ProvinceView province, Framework framework, int year, Optional<LocalDate> asOf, boolean thaiDigits,
                           boolean archival) {
        return provinces.render(data.province(province, framework, year, data.asOf(year, asOf)), options(thaiDigits, archival));
    }

    /** What the reports are rendered from (for the monthly mail's key figures). */
    public ReportData data() {
        return data;
    }

    public byte[] render(org.itaoversight.reporting.agency.AgencyReport report, boolean thaiDigits, boolean archival) {
        return agencies.render(report, options(thaiDigits, archival));
    }

    public byte[] render(org.itaoversight.reporting.province.ProvinceReport report, boolean thaiDigits, boolean archival) {
        return provinces.render(report, options(thaiDigits, archival));
    }

    private ReportOptions options(boolean thaiDigits, boolean archival) {
        return new ReportOptions(thaiDigits, ZonedDateTime.now(clock.withZone(ThaiText.BANGKOK)), archival);
    }

    /** A file name for a report: ita-agency-6730301-2568.pdf. */
    public static String fileName(String scope, String code, int year) {
        return "ita-" + scope + "-" + code + "-" + year + ".pdf";
    }
}
