package org.itaoversight.api.measures.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.itaoversight.api.ita.text.ThaiNumerals;

/**
 * Reads a header row of a measure table: which column is which. Agencies word headers in many ways, as single words
 * ("ผู้รับผิดชอบ") or whole sentences that wrap ("มาตรการ/โครงการ/กิจกรรม ที่ดำเนินการเพื่อส่งเสริม…"), and some
 * words fit two kinds of column: "กิจกรรม" is the measure in one table and its steps in another, "ดำเนินการ" appears
 * in steps, period and output headers. So each cell is scored for every role by the words it holds, a word at the
 * start of the cell counting double (a header says first what it is: "ระยะเวลาดำเนินการ" is a period), and the roles
 * are then given out over the whole row, best score first, each role once: a "กิจกรรม" column beside a "มาตรการ"
 * column becomes the steps.
 */
final class HeaderReading {

    /** A header cell longer than this is content, not a header. */
    static final int MAX_HEADER_LENGTH = 200;
    private static final Pattern NUMBERED = Pattern.compile("^\\(?(?:มาตรการที่\\s*)?[0-9]{1,2}(?:\\.[0-9]{1,2})?\\s*[.)]?\\s*\\S");

    private record Marker(ColumnRole role, String word, double weight) {
    }

    private static final List<Marker> MARKERS = List.of(
            new Marker(ColumnRole.MEASURE, "มาตรการ", 3), new Marker(ColumnRole.MEASURE, "แนวทาง", 2),
            new Marker(ColumnRole.MEASURE, "โครงการ", 2.2), new Marker(ColumnRole.MEASURE, "กิจกรรม", 1.5),
            new Marker(ColumnRole.MEASURE, "measure", 3),
            new Marker(ColumnRole.STEPS, "ขั้นตอน", 3), new Marker(ColumnRole.STEPS, "วิธีการ", 3),
            new Marker(ColumnRole.STEPS, "วิธีดำเนิน", 3), new Marker(ColumnRole.STEPS, "กิจกรรม", 2),
            new Marker(ColumnRole.STEPS, "การดำเนินการ", 1.5), new Marker(ColumnRole.STEPS, "ดำเนินการ", 1),
            new Marker(ColumnRole.STEPS, "แนวทางปฏิบัติ", 2.5), new Marker(ColumnRole.STEPS, "แนวทางการดำเนิน", 2.5),
            new Marker(ColumnRole.STEPS, "รายละเอียด", 1.5), new Marker(ColumnRole.STEPS, "สิ่งที่จะดำเนินการ", 2.5),
            new Marker(ColumnRole.UNITS, "รับผิดชอบ", 3.5), new Marker(ColumnRole.UNITS, "ผู้ดำเนินการ", 2.5),
            new Marker(ColumnRole.UNITS, "หน่วยงานที่ดำเนินการ", 3.5), new Marker(ColumnRole.UNITS, "หน่วยงาน", 1.5),
            new Marker(ColumnRole.UNITS, "ผู้ปฏิบัติ", 2), new Marker(ColumnRole.UNITS, "ส่วนราชการ", 1.5),
            new Marker(ColumnRole.UNITS, "กอง/ฝ่าย", 2.5),
            new Marker(ColumnRole.PERIOD, "ระยะเวลา", 3.5), new Marker(ColumnRole.PERIOD, "ช่วงเวลา", 3.5),
            new Marker(ColumnRole.PERIOD, "ห้วงเวลา", 3.5), new Marker(ColumnRole.PERIOD, "กำหนดเวลา", 3.5),
            new Marker(ColumnRole.PERIOD, "กำหนดการ", 3), new Marker(ColumnRole.PERIOD, "วันที่", 2),
            new Marker(ColumnRole.PERIOD, "ช่วงเดือน", 3), new Marker(ColumnRole.PERIOD, "ปฏิทิน", 2.5),
            new Marker(ColumnRole.PERIOD, "ไตรมาส", 2), new Marker(ColumnRole.PERIOD, "เวลาดำเนินการ", 3),
            new Marker(ColumnRole.PERIOD, "แล้วเสร็จ", 3), new Marker(ColumnRole.PERIOD, "กำหนดเสร็จ", 3.5),
            new Marker(ColumnRole.PERIOD, "วันเริ่ม", 3), new Marker(ColumnRole.PERIOD, "วันสิ้นสุด", 3),
            new Marker(ColumnRole.OUTPUT, "ผลการดำเนิน", 3), new Marker(ColumnRole.OUTPUT, "สรุปผล", 3),
            new Marker(ColumnRole.OUTPUT, "ผลการปฏิบัติ", 3), new Marker(ColumnRole.OUTPUT, "ผลผลิต", 3.5),
            new Marker(ColumnRole.OUTPUT, "ผลงาน", 2.5), new Marker(ColumnRole.OUTPUT, "output", 4),
            new Marker(ColumnRole.OUTPUT, "รายงานผล", 2.5), new Marker(ColumnRole.OUTPUT, "ผล", 1),
            new Marker(ColumnRole.OUTPUT, "สิ่งที่ได้ดำเนินการ", 3), new Marker(ColumnRole.OUTPUT, "สถานะ", 2.5),
            new Marker(ColumnRole.OUTPUT, "ความก้าวหน้า", 2.5),
            new Marker(ColumnRole.OUTCOME, "ผลลัพธ์", 3.5), new Marker(ColumnRole.OUTCOME, "ผลสัมฤทธิ์", 3.5),
            new Marker(ColumnRole.OUTCOME, "ความสำเร็จ", 2.5), new Marker(ColumnRole.OUTCOME, "outcome", 4),
            new Marker(ColumnRole.OUTCOME, "ผลที่ได้รับ", 3), new Marker(ColumnRole.OUTCOME, "ประโยชน์ที่ได้รับ", 3),
            new Marker(ColumnRole.OUTCOME, "ผลที่เกิดขึ้น", 3),
            // A project's own success indicator (KPI) is the outcome it aims at, not an ITA indicator it targets.
            new Marker(ColumnRole.OUTCOME, "ตัวชี้วัดความสำเร็จ", 4.5), new Marker(ColumnRole.OUTCOME, "ตัวชี้วัดผลสำเร็จ", 4.5),
            new Marker(ColumnRole.OUTCOME, "ตัวชี้วัดโครงการ", 4.5), new Marker(ColumnRole.OUTCOME, "ค่าเป้าหมาย", 3.5),
            new Marker(ColumnRole.OUTCOME, "kpi", 4.5),
            new Marker(ColumnRole.TARGET, "ข้อคำถาม", 3.5), new Marker(ColumnRole.TARGET, "ข้อการประเมิน", 3.5),
            new Marker(ColumnRole.TARGET, "ประเด็นการประเมิน", 3.5), new Marker(ColumnRole.TARGET, "ตัวชี้วัด", 2.5),
            new Marker(ColumnRole.TARGET, "จุดอ่อน", 2.5), new Marker(ColumnRole.TARGET, "รายการประเมิน", 3.5),
            new Marker(ColumnRole.TARGET, "ข้อที่", 2), new Marker(ColumnRole.TARGET, "iit", 2),
            new Marker(ColumnRole.TARGET, "oit", 2), new Marker(ColumnRole.TARGET, "eit", 2),
            new Marker(ColumnRole.ISSUE, "ประเด็นที่ต้อง", 3.5), new Marker(ColumnRole.ISSUE, "ประเด็นปัญหา", 3),
            new Marker(ColumnRole.ISSUE, "สิ่งที่ต้องพัฒนา", 3.5), new Marker(ColumnRole.ISSUE, "ประเด็นที่ควร", 3.5),
            new Marker(ColumnRole.ISSUE, "ข้อบกพร่อง", 2.5), new Marker(ColumnRole.ISSUE, "ประเด็นการพัฒนา", 3),
            new Marker(ColumnRole.ISSUE, "ปัญหาที่พบ", 3),
            new Marker(ColumnRole.EVIDENCE, "หลักฐาน", 3), new Marker(ColumnRole.EVIDENCE, "ลิงก์", 3),
            new Marker(ColumnRole.EVIDENCE, "ลิ้งค์", 3), new Marker(ColumnRole.EVIDENCE, "url", 3),
            new Marker(ColumnRole.EVIDENCE, "link", 3),
            new Marker(ColumnRole.NOTES, "หมายเหตุ", 3), new Marker(ColumnRole.NOTES, "ข้อเสนอแนะ", 2.5),
            new Marker(ColumnRole.NOTES, "อุปสรรค", 2.5), new Marker(ColumnRole.NOTES, "งบประมาณ", 2));

    /** Roles a row may give to several columns. */
    private static final Set<ColumnRole> REPEATABLE = EnumSet.of(ColumnRole.EVIDENCE, ColumnRole.NOTES);
    private static final Set<String> NUMBER_HEADERS = Set.of("ที่", "ลำดับ", "ลำดับที่", "ข้อ", "no", "no.", "ลำดับ ที่");

    private HeaderReading() {
    }

    /** One cell's best guess for one role. */
    record Candidate(int column, ColumnRole role, double score, String why) {
    }

    /** A cell's text for reading: lines joined, spaces kept single, lower case for the English words. */
    static String compact(String cell) {
        return String.join(" ", CellText.lines(cell)).replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** The row's reading: a role for every column (UNKNOWN when none), with confidence and reason. */
    static List<TableReading.ColumnReading> read(List<String> cells) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String text = compact(cells.get(i));
            if (text.isEmpty() || text.length() > MAX_HEADER_LENGTH) {
                continue;
            }
            if (NUMBER_HEADERS.contains(text)) {
                candidates.add(new Candidate(i, ColumnRole.NUMBER, 8, "หัวคอลัมน์ \"" + text + "\" คือลำดับ"));
                continue;
            }
            String squeezed = text.replace(" ", "");
            for (ColumnRole role : ColumnRole.values()) {
                double best = 0;
                String why = "";
                for (Marker marker : MARKERS) {
                    if (marker.role() != role) {
                        continue;
                    }
                    int at = squeezed.indexOf(marker.word());
                    if (at < 0) {
                        continue;
                    }
                    String before = squeezed.substring(0, at).replaceAll("[^\\u0E01-\\u0E4Ea-z]", "");
                    boolean atStart = before.isEmpty();
                    double score = marker.weight() * (atStart ? 2 : 1 - Math.min(0.4, 0.4 * at / squeezed.length()));
                    if (score > best) {
                        best = score;
                        why = atStart ? "หัวคอลัมน์ขึ้นต้นด้วย \"" + marker.word() + "\"" : "หัวคอลัมน์มีคำว่า \"" + marker.word() + "\"";
                    }
                }
                if (best > 0) {
                    candidates.add(new Candidate(i, role, best, why));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::column));
        List<TableReading.ColumnReading> columns = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            columns.add(new TableReading.ColumnReading(i, compact(cells.get(i)), ColumnRole.UNKNOWN, 0,
                    compact(cells.get(i)).isEmpty() ? "ไม่มีหัวคอลัมน์" : "ไม่รู้จักคำในหัวคอลัมน์"));
        }
        Set<ColumnRole> given = EnumSet.noneOf(ColumnRole.class);
        boolean[] taken = new boolean[cells.size()];
        for (Candidate c : candidates) {
            if (taken[c.column()] || (given.contains(c.role()) && !REPEATABLE.contains(c.role()))) {
                continue;
            }
            taken[c.column()] = true;
            given.add(c.role());
            boolean contested = candidates.stream().anyMatch(o -> o.column() == c.column() && o.role() != c.role()
                    && o.score() >= c.score() * 0.75);
            String why = c.why() + (contested ? " (คำในหัวคอลัมน์นี้เข้าได้กับหลายประเภท เลือกจากหัวคอลัมน์ทั้งแถว)" : "");
            double confidence = Math.min(1.0, c.score() / 6.0) * (contested ? 0.7 : 1.0);
            columns.set(c.column(), new TableReading.ColumnReading(c.column(), compact(cells.get(c.column())), c.role(),
                    Math.round(confidence * 100) / 100.0, why));
        }
        return columns;
    }

    /**
     * Whether a row is a header: no cell starts like a numbered measure, no cell is long, and its reading finds the
     * measure and at least one other kind of column, each with a clear word.
     */
    static boolean isHeader(List<String> cells) {
        if (cells.stream().anyMatch(c -> compact(c).length() > MAX_HEADER_LENGTH)) {
            return false;
        }
        if (cells.stream().anyMatch(c -> NUMBERED.matcher(ThaiNumerals.toArabic(compact(c))).find())) {
            return false;
        }
        List<TableReading.ColumnReading> reading = read(cells);
        boolean measure = reading.stream().anyMatch(r -> r.role() == ColumnRole.MEASURE && r.confidence() >= 0.3);
        long strong = reading.stream().filter(r -> r.role() != ColumnRole.UNKNOWN && r.confidence() >= 0.4).count();
        return measure && strong >= 2;
    }

    /**
     * Whether a row under a header row is its second level: one of the two rows leaves cells empty (a cell spanning
     * columns above, cells merged down from above), and every cell it fills is a header word of its own
     * ("ผลผลิต (output)" under "ผลการดำเนินงาน").
     */
    static boolean isSubHeader(List<String> header, List<String> cells) {
        if (!looksLikeHeader(cells) && cells.stream().filter(c -> !compact(c).isEmpty()).count() < 1) {
            return false;
        }
        boolean gaps = header.stream().anyMatch(c -> compact(c).isEmpty()) || cells.stream().anyMatch(c -> compact(c).isEmpty());
        if (!gaps || cells.stream().anyMatch(c -> compact(c).length() > 60)) {
            return false;
        }
        List<TableReading.ColumnReading> own = read(cells);
        for (int i = 0; i < cells.size(); i++) {
            if (!compact(cells.get(i)).isEmpty() && own.get(i).role() == ColumnRole.UNKNOWN) {
                return false;
            }
        }
        return own.stream().anyMatch(r -> r.role() != ColumnRole.UNKNOWN);
    }

    /** Whether a row could be a header even though its words are not known: short cells, none numbered. */
    static boolean looksLikeHeader(List<String> cells) {
        long filled = cells.stream().filter(c -> !compact(c).isEmpty()).count();
        return filled >= 2 && cells.stream().allMatch(c -> compact(c).length() <= 60)
                && cells.stream().noneMatch(c -> NUMBERED.matcher(ThaiNumerals.toArabic(compact(c))).find());
    }
}
