package org.itaoversight.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The national pass rates, for every year of the catalog and every reader: no figure for a group of fewer than 5
 * agencies, and none that the national total gives back. This class loads results of 2562 for 5 agencies of one
 * province and 1 of another (agencies no other test loads for 2562).
 */
@ExtendWith(TestingServers.class)
class NationalDisclosureTest {

    private final TestingOversightApi api;

    NationalDisclosureTest(TestingOversightApi api) {
        this.api = api;
    }

    @Test
    void noYearShowsAFigureOfFewerThanFiveAgenciesNorOneTheTotalGivesBack() {
        StringBuilder csv = new StringBuilder("agency_code,fiscal_year,total,level\n");
        List<String> chiangMai = api.as("platform-admin").get("/api/v1/provinces/50/agencies").json().get("agencies")
                .findValuesAsText("code").stream().limit(5).toList();
        String lone = api.as("platform-admin").get("/api/v1/provinces/96/agencies").json().get("agencies")
                .findValuesAsText("code").getFirst();
        chiangMai.forEach(code -> csv.append(code).append(",2562,").append(80 + chiangMai.indexOf(code)).append(".00,A\n"));
        csv.append(lone).append(",2562,55.55,D\n");
        assertThat(api.as("platform-admin").post("/api/v1/ita/loads?fileName=disclosure-2562.csv", "text/csv", csv.toString())
                .status()).isEqualTo(200);

        List<String> shownSmall = new ArrayList<>();
        for (int year : Catalog.bundled().years()) {
            for (String reader : List.of("officer-nakhonpathom", "platform-admin")) {
                JsonNode rates = api.as(reader).get("/api/v1/ita/national/pass-rates?year=" + year).json();
                for (String partition : List.of("byProvince", "byAgencyType")) {
                    long withheld = 0;
                    for (JsonNode group : rates.get(partition)) {
                        if (group.get("withheld").asBoolean()) {
                            withheld++;
                            assertThat(group.get("passed").isNull() && group.get("meanTotal").isNull() && group.get("agencies").isNull())
                                    .as(group.toString()).isTrue();
                        } else if (group.get("agencies").asLong() < 5) {
                            shownSmall.add(reader + " " + year + " " + partition + " " + group);
                        }
                    }
                    // One withheld group alone is given back by the total, unless it is the only group (then the
                    // year has fewer than 5 agencies and the national trend withholds it too).
                    if (withheld == 1) {
                        assertThat(rates.get(partition).size()).as("a lone withheld group among others: " + year + " " + partition)
                                .isEqualTo(1);
                        assertThat(api.as(reader).get("/api/v1/ita/national/trend").json().get("years").findValuesAsText("fiscalYear"))
                                .doesNotContain(String.valueOf(year));
                    }
                }
            }
        }
        assertThat(shownSmall).isEmpty();

        // 2562: เชียงใหม่'s 5 agencies would show, but the lone agency of นราธิวาส cannot be withheld alone.
        JsonNode rates = api.as("officer-nakhonpathom").get("/api/v1/ita/national/pass-rates?year=2562").json();
        assertThat(rates.toString()).doesNotContain("55.55");
        JsonNode narathiwat = null;
        for (JsonNode group : rates.get("byProvince")) {
            if (group.get("groupCode").asText().equals("96")) {
                narathiwat = group;
            }
        }
        assertThat(narathiwat).isNotNull();
        assertThat(narathiwat.get("note").asText()).isEqualTo("น้อยกว่า 5 หน่วยงาน");
    }
}
