package org.itaoversight.demo.seeding;

import java.time.LocalTime;
import org.itaoversight.api.reports.schedule.ReportScheduleDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's monthly schedules, created once when there are none: the province summary of นครปฐม (73) to its
 * officer and the agency summary of อบต.บางระกำ (6730301) to its administrator, due on the 1st at 08:00 Bangkok time —
 * so the first tick after the demo starts sends this month's reports to the embedded mail catcher.
 */
public final class DemoSchedules {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSchedules.class);

    private final ReportScheduleDao dao;

    public DemoSchedules(ReportScheduleDao dao) {
        this.dao = dao;
    }

    public void seedIfNone() {
        if (!dao.list().isEmpty()) {
            return;
        }
        dao.insert("PROVINCE", "73", 1, LocalTime.of(8, 0), "Asia/Bangkok",
                new String[] {"officer-nakhonpathom@ita-oversight.example"}, false, true, "demo");
        dao.insert("AGENCY", "6730301", 1, LocalTime.of(8, 0), "Asia/Bangkok",
                new String[] {"admin-bangrakam@ita-oversight.example"}, true, true, "demo");
        LOG.info("Demo: two monthly report schedules created (province 73, agency 6730301)");
    }
}
