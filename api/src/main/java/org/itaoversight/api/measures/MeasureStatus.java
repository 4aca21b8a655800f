package org.itaoversight.api.measures;

/** Where a measure stands, with its Thai label (reports and the dashboard show this one). */
public enum MeasureStatus {
    PLANNED("ยังไม่เริ่ม"),
    IN_PROGRESS("กำลังดำเนินการ"),
    DONE("ดำเนินการแล้วเสร็จ"),
    CANCELLED("ยกเลิก");

    private final String labelTh;

    MeasureStatus(String labelTh) {
        this.labelTh = labelTh;
    }

    public String labelTh() {
        return labelTh;
    }
}
