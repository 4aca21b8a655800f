package org.itaoversight.api.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A measure cannot have been completed after today (in Thailand). This class owns agency 6760401's fiscal year 2590. */
@ExtendWith(TestingServers.class)
class MeasureCompletionDateTest {

    private static final String MEASURES = "/api/v1/agencies/6760401/measures";

    private final TestingOversightApi api;

    MeasureCompletionDateTest(TestingOversightApi api) {
        this.api = api;
    }

    private static String done(int number, LocalDate completedOn) {
        return """
                {"fiscalYear": 2590, "number": %d, "title": "ประกาศเจตนารมณ์สุจริต", "status": "DONE", "completedOn": "%s"}"""
                .formatted(number, completedOn);
    }

    @Test
    void aCompletionDateInTheFutureIsRefusedOnItsFieldInThai() {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Bangkok")).plusDays(1);

        TestingOversightApi.Response refused = api.as("admin-thamrong").post(MEASURES, "application/json", done(1, tomorrow.plusDays(1)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").get("completedOn").asText()).contains("อนาคต");
        assertThat(refused.json().get("errors").size()).isEqualTo(1);
    }

    @Test
    void aCompletionDateOfTodayOrBeforeIsAccepted() {
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Bangkok")).minusDays(1);

        TestingOversightApi.Response created = api.as("admin-thamrong").post(MEASURES, "application/json", done(2, yesterday));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("completedOn").asText()).isEqualTo(yesterday.toString());
    }
}
