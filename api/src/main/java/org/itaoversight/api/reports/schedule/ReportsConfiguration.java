package org.itaoversight.api.reports.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Monthly report delivery: the scheduler's pace and retries, the SMTP server, and the Keycloak client that looks
 * recipients up (so that a recipient only ever receives their own agency's or province's report).
 */
public class ReportsConfiguration {

    private boolean schedulerEnabled = true;
    @NotNull
    private Duration tickInterval = Duration.minutes(1);
    @NotNull
    private Duration pollingInterval = Duration.seconds(10);
    @Min(1)
    private int maxAttempts = 5;
    @NotNull
    private Duration firstRetryDelay = Duration.minutes(5);
    private double retryBackoffMultiplier = 2.0;
    @Valid
    @NotNull
    private SmtpConfiguration smtp = new SmtpConfiguration();
    @NotEmpty
    private String directoryClientId = "ita-oversight-directory";
    @NotNull
    private String directoryClientSecret = "ita-oversight-directory-secret";

    @JsonProperty
    public boolean isSchedulerEnabled() {
        return schedulerEnabled;
    }

    @JsonProperty
    public void setSchedulerEnabled(boolean schedulerEnabled) {
        this.schedulerEnabled = schedulerEnabled;
    }

    /** How often due schedules are looked for (one instance of the cluster does it each time). */
    @JsonProperty
    public Duration getTickInterval() {
        return tickInterval;
    }

    @JsonProperty
    public void setTickInterval(Duration tickInterval) {
        this.tickInterval = tickInterval;
    }

    /** How often each instance polls for deliveries to run. */
    @JsonProperty
    public Duration getPollingInterval() {
        return pollingInterval;
    }

    @JsonProperty
    public void setPollingInterval(Duration pollingInterval) {
        this.pollingInterval = pollingInterval;
    }

    /** Attempts of one delivery before it is reported FAILED. */
    @JsonProperty
    public int getMaxAttempts() {
        return maxAttempts;
    }

    @JsonProperty
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    @JsonProperty
    public Duration getFirstRetryDelay() {
        return firstRetryDelay;
    }

    @JsonProperty
    public void setFirstRetryDelay(Duration firstRetryDelay) {
        this.firstRetryDelay = firstRetryDelay;
    }

    @JsonProperty
    public double getRetryBackoffMultiplier() {
        return retryBackoffMultiplier;
    }

    @JsonProperty
    public void setRetryBackoffMultiplier(double retryBackoffMultiplier) {
        this.retryBackoffMultiplier = retryBackoffMultiplier;
    }

    @JsonProperty
    public SmtpConfiguration getSmtp() {
        return smtp;
    }

    @JsonProperty
    public void setSmtp(SmtpConfiguration smtp) {
        this.smtp = smtp;
    }

    @JsonProperty
    public String getDirectoryClientId() {
        return directoryClientId;
    }

    @JsonProperty
    public void setDirectoryClientId(String directoryClientId) {
        this.directoryClientId = directoryClientId;
    }

    @JsonProperty
    public String getDirectoryClientSecret() {
        return directoryClientSecret;
    }

    @JsonProperty
    public void setDirectoryClientSecret(String directoryClientSecret) {
        this.directoryClientSecret = directoryClientSecret;
    }

    /** The SMTP server that delivers reports. */
    public static class SmtpConfiguration {
        @NotEmpty
        private String host = "127.0.0.1";
        @Min(0)
        private int port = 2525;
        @NotEmpty
        private String from = "ITA Oversight <reports@ita-oversight.example>";
        private String username = "";
        private String password = "";
        private boolean startTls = false;
        @NotNull
        private Duration timeout = Duration.seconds(20);

        @JsonProperty
        public String getHost() {
            return host;
        }

        @JsonProperty
        public void setHost(String host) {
            this.host = host;
        }

        @JsonProperty
        public int getPort() {
            return port;
        }

        @JsonProperty
        public void setPort(int port) {
            this.port = port;
        }

        @JsonProperty
        public String getFrom() {
            return from;
        }

        @JsonProperty
        public void setFrom(String from) {
            this.from = from;
        }

        @JsonProperty
        public String getUsername() {
            return username;
        }

        @JsonProperty
        public void setUsername(String username) {
            this.username = username;
        }

        @JsonProperty
        public String getPassword() {
            return password;
        }

        @JsonProperty
        public void setPassword(String password) {
            this.password = password;
        }

        @JsonProperty
        public boolean isStartTls() {
            return startTls;
        }

        @JsonProperty
        public void setStartTls(boolean startTls) {
            this.startTls = startTls;
        }

        @JsonProperty
        public Duration getTimeout() {
            return timeout;
        }

        @JsonProperty
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }
}
