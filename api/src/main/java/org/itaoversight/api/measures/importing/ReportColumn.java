package org.itaoversight.api.measures.importing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a column of an agency's measure table holds, recognised from its header by the words agencies use. Headers
 * differ between agencies and years ("ขั้นตอน/วิธีการปฏิบัติ", "วิธีการดำเนินการ"; "หน่วยงานผู้รับผิดชอบ", "ผู้รับผิดชอบ"),
 * so each kind has several markers; they are tried in this order because some headers contain another kind's word
 * ("ระยะเวลาดำเนินการ" contains "ดำเนินการ").
 */
enum ReportColumn {
    PERIOD("ระยะเวลา|ช่วงเวลา|ห้วงเวลา|กำหนดเวลา|กำหนดการ"),
    OUTCOME("ผลลัพธ์|ความสำเร็จ|ผลสัมฤทธิ์"),
    OUTPUT("ผลการดำเนิน|สรุปผล|ผลการปฏิบัติ|ผลผลิต|ผลงาน"),
    STEPS("ขั้นตอน|วิธีการ|วิธีดำเนิน|กิจกรรม"),
    RESPONSIBLE_UNITS("รับผิดชอบ|ผู้ดำเนินการ|หน่วยงานที่ดำเนินการ"),
    TARGETS("ตัวชี้วัด|ข้อคำถาม|จุดอ่อน|ประเด็นที่ต้องพัฒนา|ประเด็นการพัฒนา"),
    EVIDENCE("หลักฐาน|ลิงก์|ลิ้งค์|url|link"),
    NOTES("ข้อเสนอแนะ|หมายเหตุ|ปัญหา|อุปสรรค"),
    TITLE("มาตรการ|แนวทาง|โครงการ|ประเด็น"),
    UNKNOWN("(?!)");

    /** A header cell is short; a longer cell is content even when it contains a header word. */
    static final int MAX_HEADER_LENGTH = 60;

    private final Pattern marker;

    ReportColumn(String markers) {
        this.marker = Pattern.compile(markers, Pattern.CASE_INSENSITIVE);
    }

    static ReportColumn of(String headerCell) {
        String text = String.join(" ", CellText.lines(headerCell)).replace(" ", "");
        if (text.isEmpty() || text.length() > MAX_HEADER_LENGTH) {
            return UNKNOWN;
        }
        for (ReportColumn column : values()) {
            if (column.marker.matcher(text).find()) {
                return column;
            }
        }
        return UNKNOWN;
    }

    /** A header row: at least three recognised columns, one of them the measure itself, and no long cell. */
    static boolean isHeader(List<String> cells) {
        long recognised = cells.stream().map(ReportColumn::of).filter(c -> c != UNKNOWN).distinct().count();
        boolean hasTitle = cells.stream().map(ReportColumn::of).anyMatch(c -> c == TITLE);
        boolean allShort = cells.stream().allMatch(c -> String.join(" ", CellText.lines(c)).length() <= MAX_HEADER_LENGTH);
        return recognised >= 3 && hasTitle && allShort;
    }
}
