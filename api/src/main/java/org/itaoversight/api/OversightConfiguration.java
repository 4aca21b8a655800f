package org.itaoversight.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.itaoversight.api.auth.AuthConfiguration;
import org.itaoversight.api.clickhouse.ClickHouseConfiguration;
import org.itaoversight.api.registry.RegistryConfiguration;

/**
 * The application's configuration ({@code config.yml}, with {@code ${ENV:-default}} substitution). The servers it
 * talks to — PostgreSQL, ClickHouse, the Keycloak realm — have no default: a configuration that does not name one
 * is refused at start with the name of the missing setting. (The demo stack, a module of its own, starts servers
 * on this machine and fills these settings in.)
 */
public class OversightConfiguration extends Configuration {

    @Valid
    @NotNull
    private DataSourceFactory database = defaultDatabase();

    @Valid
    @NotNull
    private ClickHouseConfiguration clickhouse = new ClickHouseConfiguration();

    @Valid
    @NotNull
    private RegistryConfiguration registry = new RegistryConfiguration();

    @Valid
    @NotNull
    private AuthConfiguration auth = new AuthConfiguration();

    /** Apply the PostgreSQL changelog when the application starts. */
    @Valid
    @NotNull
    private org.itaoversight.api.reports.schedule.ReportsConfiguration reports =
            new org.itaoversight.api.reports.schedule.ReportsConfiguration();

    /** Limits on request bodies and on the problems a refused file lists. */
    @Valid
    @NotNull
    private org.itaoversight.api.http.RequestLimitsConfiguration requests =
            new org.itaoversight.api.http.RequestLimitsConfiguration();

    /** Credentials for the admin port, required when it binds beyond loopback. */
    @Valid
    @NotNull
    private org.itaoversight.api.admin.AdminAccessConfiguration adminAccess =
            new org.itaoversight.api.admin.AdminAccessConfiguration();

    /** The smallest group of agencies whose aggregates are shown beyond the reader's scope. */
    @Valid
    @NotNull
    private org.itaoversight.api.disclosure.DisclosureConfiguration disclosure =
            new org.itaoversight.api.disclosure.DisclosureConfiguration();

    private boolean migrateOnStart = true;

    private static DataSourceFactory defaultDatabase() {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.postgresql.Driver");
        factory.setUrl(null);
        factory.setUser("postgres");
        factory.setPassword("");
        return factory;
    }

    @JsonIgnore
    @ValidationMethod(message = "database.url is not set: it must be the PostgreSQL JDBC URL, e.g. "
            + "jdbc:postgresql://pg:5432/oversight (OVERSIGHT_DB_URL in the shipped config.yml)")
    public boolean isDatabaseUrlSet() {
        return isServerUrl(database.getUrl(), "jdbc:postgresql:");
    }

    @JsonIgnore
    @ValidationMethod(message = "clickhouse.url is not set: it must be the ClickHouse server's JDBC URL without a "
            + "database, e.g. jdbc:clickhouse:http://ch:8123 (OVERSIGHT_CLICKHOUSE_URL in the shipped config.yml)")
    public boolean isClickhouseUrlSet() {
        return isServerUrl(clickhouse.getUrl(), "jdbc:clickhouse:", "jdbc:ch:");
    }

    @JsonIgnore
    @ValidationMethod(message = "auth.issuer is not set: it must be the Keycloak realm's issuer URL, e.g. "
            + "https://sso.example.go.th/realms/ita-oversight (OVERSIGHT_AUTH_ISSUER in the shipped config.yml)")
    public boolean isAuthIssuerSet() {
        return isServerUrl(auth.getIssuer(), "http://", "https://");
    }

    /** Whether {@code value} names a server by one of the given URL prefixes. */
    protected boolean isServerUrl(String value, String... prefixes) {
        if (value == null) {
            return false;
        }
        for (String prefix : prefixes) {
            if (value.strip().startsWith(prefix) && value.strip().length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }

    @JsonProperty("database")
    public DataSourceFactory getDatabase() {
        return database;
    }

    @JsonProperty("database")
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty
    public ClickHouseConfiguration getClickhouse() {
        return clickhouse;
    }

    @JsonProperty
    public void setClickhouse(ClickHouseConfiguration clickhouse) {
        this.clickhouse = clickhouse;
    }

    @JsonProperty
    public RegistryConfiguration getRegistry() {
        return registry;
    }

    @JsonProperty
    public void setRegistry(RegistryConfiguration registry) {
        this.registry = registry;
    }

    @JsonProperty
    public AuthConfiguration getAuth() {
        return auth;
    }

    @JsonProperty
    public void setAuth(AuthConfiguration auth) {
        this.auth = auth;
    }

    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    @JsonProperty
    public org.itaoversight.api.reports.schedule.ReportsConfiguration getReports() {
        return reports;
    }

    @JsonProperty
    public void setReports(org.itaoversight.api.reports.schedule.ReportsConfiguration reports) {
        this.reports = reports;
    }

    @JsonProperty
    public org.itaoversight.api.admin.AdminAccessConfiguration getAdminAccess() {
        return adminAccess;
    }

    @JsonProperty
    public void setAdminAccess(org.itaoversight.api.admin.AdminAccessConfiguration adminAccess) {
        this.adminAccess = adminAccess;
    }

    @JsonProperty
    public org.itaoversight.api.disclosure.DisclosureConfiguration getDisclosure() {
        return disclosure;
    }

    @JsonProperty
    public void setDisclosure(org.itaoversight.api.disclosure.DisclosureConfiguration disclosure) {
        this.disclosure = disclosure;
    }

    /** The minimum-group-size rule of this configuration. */
    public org.itaoversight.api.disclosure.SmallGroups smallGroups() {
        return new org.itaoversight.api.disclosure.SmallGroups(disclosure.getMinimumGroupSize());
    }

    @JsonProperty
    public org.itaoversight.api.http.RequestLimitsConfiguration getRequests() {
        return requests;
    }

    @JsonProperty
    public void setRequests(org.itaoversight.api.http.RequestLimitsConfiguration requests) {
        this.requests = requests;
    }
}
