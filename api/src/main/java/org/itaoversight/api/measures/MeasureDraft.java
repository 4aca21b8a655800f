package org.itaoversight.api.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a client sends to create or change a measure. Everything is checked at once and every problem is named by
 * its field ({@link #validate(LocalDate)}); {@code version} is required on updates (optimistic locking).
 */
public record MeasureDraft(Integer fiscalYear, Integer number, String title, List<String> targets, String steps,
                           List<String> responsibleUnits, LocalDate periodStart, LocalDate periodEnd, String periodText,
                           MeasureStatus status, Integer progress, LocalDate completedOn, String output, String outcome,
                           List<String> evidenceLinks, Integer version) {

    private static final Pattern TARGET = Pattern.compile("[ieo]\\d{1,2}|indicator:(10|[1-9])");

    /**
     * Field → message for every problem; empty when the draft is acceptable.
     *
     * @param today the day in Thailand: a measure cannot have been completed after it
     */
    public Map<String, String> validate(LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (fiscalYear == null || fiscalYear < 2561 || fiscalYear > 2600) {
            errors.put("fiscalYear", "ต้องระบุปีงบประมาณ พ.ศ. (2561–2600)");
        }
        if (number == null || number < 1) {
            errors.put("number", "ต้องระบุลำดับมาตรการเป็นจำนวนเต็มบวก");
        }
        if (title == null || title.isBlank()) {
            errors.put("title", "ต้องระบุชื่อมาตรการ");
        } else if (title.length() > 2000) {
            errors.put("title", "ชื่อมาตรการยาวเกิน 2,000 ตัวอักษร");
        }
        List<String> badTargets = new ArrayList<>();
        nullToEmpty(targets).forEach(t -> {
            if (!TARGET.matcher(t).matches()) {
                badTargets.add(t);
            }
        });
        if (!badTargets.isEmpty()) {
            errors.put("targets", "เป้าหมายต้องเป็นรหัสข้อคำถาม (เช่น o20, e12) หรือ indicator:1–10 ไม่ใช่ " + badTargets);
        }
        if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
            errors.put("periodEnd", "วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น");
        }
        if (status == null) {
            errors.put("status", "ต้องระบุสถานะ (PLANNED, IN_PROGRESS, DONE, CANCELLED)");
        }
        if (progress != null && (progress < 0 || progress > 100)) {
            errors.put("progress", "ความคืบหน้าต้องอยู่ระหว่าง 0–100");
        }
        if (completedOn != null && status != MeasureStatus.DONE) {
            errors.put("completedOn", "วันที่แล้วเสร็จใช้ได้เฉพาะมาตรการที่ดำเนินการแล้วเสร็จ");
        } else if (completedOn != null && completedOn.isAfter(today)) {
            errors.put("completedOn", "วันที่แล้วเสร็จต้องไม่เป็นวันในอนาคต (วันนี้คือ " + today + ")");
        }
        nullToEmpty(evidenceLinks).stream().filter(link -> !link.startsWith("https://") && !link.startsWith("http://"))
                .findFirst().ifPresent(link -> errors.put("evidenceLinks", "ลิงก์หลักฐานต้องขึ้นต้นด้วย http:// หรือ https:// : " + link));
        return errors;
    }

    static List<String> nullToEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
