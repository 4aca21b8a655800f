package org.itaoversight.api.reports.schedule;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What a client sends to create or change a schedule; {@link #validate()} names every problem by its field. */
public record ScheduleDraft(ReportScope scope, String code, Integer dayOfMonth, String timeOfDay, String timeZone,
                            List<String> recipients, Boolean thaiDigits, Boolean enabled) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Map<String, String> validate() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (scope == null) {
            errors.put("scope", "ต้องระบุขอบเขต AGENCY หรือ PROVINCE");
        }
        if (code == null || code.isBlank()) {
            errors.put("code", "ต้องระบุรหัสหน่วยงานหรือรหัสจังหวัด");
        }
        if (dayOfMonth == null || dayOfMonth < 1 || dayOfMonth > 28) {
            errors.put("dayOfMonth", "วันที่ของเดือนต้องอยู่ระหว่าง 1–28 (ทุกเดือนมีวันนั้น)");
        }
        if (timeOfDay != null) {
            try {
                LocalTime.parse(timeOfDay);
            } catch (DateTimeParseException e) {
                errors.put("timeOfDay", "เวลาต้องอยู่ในรูป HH:mm เช่น 08:00");
            }
        }
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                errors.put("timeZone", "ไม่รู้จักเขตเวลา " + timeZone + " (เช่น Asia/Bangkok)");
            }
        }
        if (recipients == null || recipients.isEmpty() || recipients.size() > 50) {
            errors.put("recipients", "ต้องระบุผู้รับ 1–50 ราย");
        } else {
            recipients.stream().filter(r -> r == null || !EMAIL.matcher(r.strip()).matches()).findFirst()
                    .ifPresent(bad -> errors.put("recipients", "อีเมลไม่ถูกต้อง: " + bad));
        }
        return errors;
    }

    LocalTime time() {
        return timeOfDay == null ? LocalTime.of(8, 0) : LocalTime.parse(timeOfDay);
    }

    String zone() {
        return timeZone == null ? "Asia/Bangkok" : ZoneId.of(timeZone).getId();
    }

    String[] recipientArray() {
        return recipients.stream().map(String::strip).map(r -> r.toLowerCase(java.util.Locale.ROOT)).distinct().toArray(String[]::new);
    }
}
