package org.itaoversight.api.measures.importing;

/**
 * What a column of an agency's measure table holds. Read from the header row ({@link HeaderReading}) or said by the
 * agency's administrator ({@link ReadingChoices}).
 */
public enum ColumnRole {
    /** The measure itself (มาตรการ/แนวทาง/โครงการ). */
    MEASURE,
    /** The measure's number in a column of its own (ที่, ลำดับ). */
    NUMBER,
    /** Steps or activities (ขั้นตอน/วิธีการ/กิจกรรม). */
    STEPS,
    /** Responsible units (ผู้รับผิดชอบ). */
    UNITS,
    /** Planned period (ระยะเวลา). */
    PERIOD,
    /** What was done (ผลการดำเนินการ, output). */
    OUTPUT,
    /** What it achieved (ผลลัพธ์/ผลสัมฤทธิ์, outcome). */
    OUTCOME,
    /** The assessment item the measure answers (ข้อคำถาม IIT/EIT, ข้อ O, ตัวชี้วัด): it becomes the measure's target. */
    TARGET,
    /** The issue to improve (ประเด็นที่ต้องแก้ไข/พัฒนา): read for targets, not stored. */
    ISSUE,
    /** Evidence links (หลักฐาน): not stored, reported. */
    EVIDENCE,
    /** Remarks (หมายเหตุ/ข้อเสนอแนะ): not stored, reported when not empty. */
    NOTES,
    /** A column to leave out, as the administrator said. */
    IGNORE,
    /** A column not understood: reported when it has content. */
    UNKNOWN
}
