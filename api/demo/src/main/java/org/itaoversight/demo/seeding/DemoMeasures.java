package org.itaoversight.demo.seeding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's measures: for every agency and assessed year that has none, two to four measures aimed at the agency's
 * two weakest indicators of that year, with realistic plans and outcomes as of {@code today} — most done (some after
 * their end date), some still in progress or never started past their end (overdue), a few cancelled — so completion,
 * overdue and effectiveness show in every view, report and mail. Deterministic for a given seed. Agencies and years
 * that already have measures (imported documents, the users' own) are left alone.
 */
public final class DemoMeasures {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMeasures.class);

    /** Two ways of planning a measure for each indicator (my own wording, as agencies commonly plan them). */
    private static final String[][] TITLES = {
            {"จัดทำคู่มือและมาตรฐานขั้นตอนการปฏิบัติงาน พร้อมระยะเวลาแล้วเสร็จของแต่ละงานบริการ",
                    "ประชุมชี้แจงบุคลากรเรื่องการปฏิบัติหน้าที่อย่างเป็นธรรมและไม่เลือกปฏิบัติ"},
            {"เผยแพร่แผนการใช้จ่ายงบประมาณประจำปีและรายงานผลการใช้จ่ายรายไตรมาส",
                    "เปิดให้บุคลากรและประชาชนมีส่วนร่วมตรวจสอบการจัดซื้อจัดจ้าง"},
            {"กำหนดหลักเกณฑ์การมอบหมายงานและการประเมินผลการปฏิบัติงานที่โปร่งใส",
                    "เผยแพร่ผลการคัดเลือกบุคลากรเพื่อรับการพัฒนาและเหตุผลประกอบ"},
            {"จัดทำแนวปฏิบัติการยืมและใช้ทรัพย์สินของราชการ และทะเบียนการยืมคืน",
                    "อบรมบุคลากรเรื่องการใช้ทรัพย์สินของราชการให้ถูกต้อง"},
            {"จัดทำแผนป้องกันการทุจริตและรายงานผลการดำเนินงานตามแผน",
                    "เปิดช่องทางร้องเรียนการทุจริตที่คุ้มครองผู้ร้องเรียน และรายงานผลการจัดการเรื่องร้องเรียน"},
            {"ปรับปรุงขั้นตอนการให้บริการและประกาศระยะเวลาให้บริการแต่ละงาน",
                    "สำรวจความพึงพอใจของผู้รับบริการและนำผลไปปรับปรุงการให้บริการ"},
            {"ปรับปรุงเว็บไซต์และเพจของหน่วยงานให้ข้อมูลครบถ้วน เป็นปัจจุบัน และค้นหาง่าย",
                    "จัดช่องทางถามตอบและรับฟังความคิดเห็นออนไลน์ พร้อมตอบกลับภายในเวลาที่กำหนด"},
            {"นำระบบบริการอิเล็กทรอนิกส์ (E-Service) มาใช้กับงานบริการหลัก",
                    "จัดเวทีให้ผู้มีส่วนได้ส่วนเสียร่วมเสนอการปรับปรุงการดำเนินงาน"},
            {"ตรวจสอบและเผยแพร่ข้อมูลสาธารณะบนเว็บไซต์ให้ครบทุกรายการตามแบบตรวจ OIT",
                    "มอบหมายผู้รับผิดชอบปรับปรุงข้อมูลสาธารณะบนเว็บไซต์ทุกเดือน"},
            {"จัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน และรายงานผล",
                    "ประกาศเจตจำนงสุจริตของผู้บริหารและจัดกิจกรรมส่งเสริมคุณธรรม"}};
    private static final String[] UNITS = {"สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "งานการเจ้าหน้าที่"};

    private final Jdbi clickhouse;
    private final Jdbi postgres;
    private final long seed;

    public DemoMeasures(Jdbi clickhouse, Jdbi postgres, long seed) {
        this.clickhouse = clickhouse;
        this.postgres = postgres;
        this.seed = seed;
    }

    /** An agency's result of a year: its indicator scores, from which the targets are chosen. */
    record Result(String agencyCode, int fiscalYear, List<Optional<BigDecimal>> scores) {
    }

    /** A generated measure, ready to store. */
    record Planned(String agencyCode, int fiscalYear, int number, String title, List<String> targets, String unit,
                   LocalDate start, LocalDate end, String status, int progress, Optional<LocalDate> completedOn, String output) {
    }

    /**
     * Generates the measures when the demo has almost none (only the imported documents' agencies), so a demo that
     * already has them — or whose users have entered many — is left as it is; returns how many were stored.
     */
    public int seedIfFew(LocalDate today) {
        long agencyYears = postgres.withHandle(h -> h.createQuery("SELECT count(DISTINCT (agency_code, fiscal_year)) FROM measure")
                .mapTo(Long.class).one());
        return agencyYears < 10 ? seed(today) : 0;
    }

    /** Generates and stores the measures of every agency-year that has none; returns how many were stored. */
    public int seed(LocalDate today) {
        long started = System.nanoTime();
        Set<String> planned = new HashSet<>(postgres.withHandle(h -> h.createQuery(
                "SELECT DISTINCT agency_code || '/' || fiscal_year FROM measure").mapTo(String.class).list()));
        List<Result> results = clickhouse.withHandle(h -> h.createQuery(
                        "SELECT agency_code, fiscal_year, indicator_scores FROM ita_result ORDER BY agency_code, fiscal_year")
                .map((rs, ctx) -> {
                    Object[] array = (Object[]) rs.getArray(3).getArray();
                    List<Optional<BigDecimal>> scores = new ArrayList<>();
                    for (Object score : array) {
                        scores.add(Optional.ofNullable(score == null ? null : new BigDecimal(score.toString())));
                    }
                    return new Result(rs.getString(1), rs.getInt(2), scores);
                }).list());
        List<Planned> measures = new ArrayList<>();
        for (Result result : results) {
            if (!planned.contains(result.agencyCode() + "/" + result.fiscalYear())) {
                measures.addAll(plan(result, today));
            }
        }
        int stored = store(measures);
        LOG.info("Demo measures generated: {} for {} agency-years ({} ms)", stored, results.size() - planned.size(),
                (System.nanoTime() - started) / 1_000_000);
        return stored;
    }

    /** The measures of one agency-year, aimed at its two weakest indicators. */
    List<Planned> plan(Result result, LocalDate today) {
        SplittableRandom random = new SplittableRandom(seed ^ (result.agencyCode().hashCode() * 31L + result.fiscalYear()));
        List<Integer> weakest = new ArrayList<>();
        for (int i = 0; i < result.scores().size(); i++) {
            if (result.scores().get(i).isPresent()) {
                weakest.add(i + 1);
            }
        }
        weakest.sort(Comparator.comparing(n -> result.scores().get(n - 1).orElseThrow()));
        if (weakest.isEmpty()) {
            weakest = List.of(9, 10);
        }
        int count = 2 + random.nextInt(3);
        LocalDate yearStart = LocalDate.of(result.fiscalYear() - 544, 10, 1);
        LocalDate yearEnd = LocalDate.of(result.fiscalYear() - 543, 9, 30);
        List<Planned> measures = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            int indicator = weakest.get((number - 1) % Math.min(2, weakest.size()));
            String title = TITLES[indicator - 1][(number - 1) / 2 % 2];
            LocalDate start = yearStart.plusMonths(random.nextInt(4));
            LocalDate end = yearEnd.minusMonths(random.nextInt(6));
            int roll = random.nextInt(100);
            String status;
            int progress;
            Optional<LocalDate> completedOn = Optional.empty();
            String output = "";
            if (!today.isAfter(start)) {
                status = "PLANNED";
                progress = 0;
            } else if (roll < 5) {
                status = "CANCELLED";
                progress = 10 * random.nextInt(4);
            } else if (roll < 70 || (roll < 85 && !today.isBefore(end.plusDays(90)))) {
                // Done: on time for most, some weeks after the end date (done late).
                boolean late = roll >= 55;
                LocalDate done = late ? end.plusDays(10 + random.nextInt(80))
                        : start.plusDays(random.nextLong(Math.max(1, end.toEpochDay() - start.toEpochDay()) + 1));
                if (done.isAfter(today)) {
                    status = "IN_PROGRESS";
                    progress = 40 + random.nextInt(50);
                } else {
                    status = "DONE";
                    progress = 100;
                    completedOn = Optional.of(done);
                    output = "ดำเนินการแล้วเสร็จ เผยแพร่ผลบนเว็บไซต์ของหน่วยงาน";
                }
            } else if (roll < 90) {
                status = "PLANNED"; // never started: overdue once its end has passed
                progress = 0;
            } else {
                status = "IN_PROGRESS";
                progress = 20 + random.nextInt(60);
            }
            measures.add(new Planned(result.agencyCode(), result.fiscalYear(), number, title,
                    List.of("indicator:" + indicator), UNITS[random.nextInt(UNITS.length)], start, end, status, progress,
                    completedOn, output));
        }
        return measures;
    }

    private int store(List<Planned> measures) {
        return postgres.inTransaction(handle -> {
            int stored = 0;
            for (int from = 0; from < measures.size(); from += 5_000) {
                PreparedBatch batch = handle.prepareBatch("""
                        INSERT INTO measure (agency_code, fiscal_year, number, title, targets, steps, responsible_units,
                                             period_start, period_end, period_text, status, progress, completed_on, output)
                        VALUES (:agency, :year, :number, :title, :targets, :steps, :units, :start, :end, '', :status,
                                :progress, :completedOn, :output)
                        ON CONFLICT (agency_code, fiscal_year, number) DO NOTHING""");
                for (Planned m : measures.subList(from, Math.min(measures.size(), from + 5_000))) {
                    batch.bind("agency", m.agencyCode()).bind("year", m.fiscalYear()).bind("number", m.number())
                            .bind("title", m.title()).bind("targets", m.targets().toArray(new String[0]))
                            .bind("steps", "ดำเนินการตามแผน รายงานผลต่อผู้บริหารทุกไตรมาส")
                            .bind("units", new String[] {m.unit()}).bind("start", m.start()).bind("end", m.end())
                            .bind("status", m.status()).bind("progress", m.progress())
                            .bind("completedOn", m.completedOn().orElse(null)).bind("output", m.output()).add();
                }
                for (int rows : batch.execute()) {
                    stored += rows;
                }
            }
            return stored;
        });
    }
}
