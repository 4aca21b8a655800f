package org.itaoversight.api.http;

/** What a request body is, which decides its size limit ({@link RequestLimitsConfiguration}) and how it is named in Thai. */
public enum BodyKind {
    /** A JSON document (a measure, a schedule). */
    JSON("ข้อมูล JSON"),
    /** A file of ITA results (CSV or XLSX). */
    RESULT_FILE("ไฟล์ผลการประเมิน ITA"),
    /** The agency code list (CSV). */
    REGISTRY_FILE("ไฟล์ทะเบียนหน่วยงาน"),
    /** An agency's measures report (Word, PDF or text). */
    MEASURES_DOCUMENT("เอกสารรายงานมาตรการ");

    private final String labelTh;

    BodyKind(String labelTh) {
        this.labelTh = labelTh;
    }

    public String labelTh() {
        return labelTh;
    }
}
