package org.itaoversight.api.reports.schedule;

/** What a scheduled report covers. */
public enum ReportScope {
    AGENCY, PROVINCE
}
