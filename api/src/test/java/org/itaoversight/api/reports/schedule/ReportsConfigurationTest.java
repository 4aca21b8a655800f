package org.itaoversight.api.reports.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.reports.schedule.ReportsConfiguration;
import org.junit.jupiter.api.Test;

/** Every default and every mapping of the {@code reports} section (scheduler, retries, SMTP, recipient directory). */
class ReportsConfigurationTest {

    private final YamlConfigurationFactory<OversightConfiguration> factory = new YamlConfigurationFactory<>(
            OversightConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "reports-configuration-test");

    @Test
    void defaults() {
        ReportsConfiguration reports = new OversightConfiguration().getReports();

        assertThat(reports.isSchedulerEnabled()).isTrue();
        assertThat(reports.getTickInterval()).isEqualTo(Duration.minutes(1));
        assertThat(reports.getPollingInterval()).isEqualTo(Duration.seconds(10));
        assertThat(reports.getMaxAttempts()).isEqualTo(5);
        assertThat(reports.getFirstRetryDelay()).isEqualTo(Duration.minutes(5));
        assertThat(reports.getRetryBackoffMultiplier()).isEqualTo(2.0);
        assertThat(reports.getDirectoryClientId()).isEqualTo("ita-oversight-directory");
        assertThat(reports.getDirectoryClientSecret()).isEqualTo("ita-oversight-directory-secret");
        assertThat(reports.getSmtp().getHost()).isEqualTo("127.0.0.1");
        assertThat(reports.getSmtp().getPort()).isEqualTo(2525);
        assertThat(reports.getSmtp().getFrom()).isEqualTo("ITA Oversight <reports@ita-oversight.example>");
        assertThat(reports.getSmtp().getUsername()).isEmpty();
        assertThat(reports.getSmtp().getPassword()).isEmpty();
        assertThat(reports.getSmtp().isStartTls()).isFalse();
        assertThat(reports.getSmtp().getTimeout()).isEqualTo(Duration.seconds(20));
    }

    @Test
    void everyPropertyMaps() throws Exception {
        ReportsConfiguration reports = factory.build(path -> new ByteArrayInputStream("""
                database:
                  url: jdbc:postgresql://pg:5432/oversight
                clickhouse:
                  url: jdbc:clickhouse:http://ch:8123
                auth:
                  issuer: https://sso.example.go.th/realms/ita-oversight
                reports:
                  schedulerEnabled: false
                  tickInterval: 30s
                  pollingInterval: 2s
                  maxAttempts: 8
                  firstRetryDelay: 1m
                  retryBackoffMultiplier: 3.0
                  directoryClientId: reports-directory
                  directoryClientSecret: s3cret
                  smtp:
                    host: smtp.example.go.th
                    port: 587
                    from: ITA <ita@example.go.th>
                    username: mailer
                    password: pw
                    startTls: true
                    timeout: 5s
                """.getBytes(StandardCharsets.UTF_8)), "reports.yml").getReports();

        assertThat(reports.isSchedulerEnabled()).isFalse();
        assertThat(reports.getTickInterval()).isEqualTo(Duration.seconds(30));
        assertThat(reports.getPollingInterval()).isEqualTo(Duration.seconds(2));
        assertThat(reports.getMaxAttempts()).isEqualTo(8);
        assertThat(reports.getFirstRetryDelay()).isEqualTo(Duration.minutes(1));
        assertThat(reports.getRetryBackoffMultiplier()).isEqualTo(3.0);
        assertThat(reports.getDirectoryClientId()).isEqualTo("reports-directory");
        assertThat(reports.getDirectoryClientSecret()).isEqualTo("s3cret");
        assertThat(reports.getSmtp().getHost()).isEqualTo("smtp.example.go.th");
        assertThat(reports.getSmtp().getPort()).isEqualTo(587);
        assertThat(reports.getSmtp().getFrom()).isEqualTo("ITA <ita@example.go.th>");
        assertThat(reports.getSmtp().getUsername()).isEqualTo("mailer");
        assertThat(reports.getSmtp().getPassword()).isEqualTo("pw");
        assertThat(reports.getSmtp().isStartTls()).isTrue();
        assertThat(reports.getSmtp().getTimeout()).isEqualTo(Duration.seconds(5));
    }
}
