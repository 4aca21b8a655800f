package org.itaoversight.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.itaoversight.api.auth.AuthConfiguration;
import org.itaoversight.api.clickhouse.ClickHouseConfiguration;
import org.itaoversight.api.embedded.EmbeddedConfiguration;
import org.itaoversight.api.registry.RegistryConfiguration;

/**
 * The application's configuration ({@code config.yml}, with {@code ${ENV:-default}} substitution).
 * A database URL of {@code embedded} starts the embedded PostgreSQL; a ClickHouse URL of {@code embedded} starts
 * the embedded ClickHouse engine; an auth issuer of {@code embedded} starts Keycloak with the shipped realm.
 * Production sets real URLs and nothing is started.
 */
public class OversightConfiguration extends Configuration {

    public static final String EMBEDDED = "embedded";

    @Valid
    @NotNull
    private DataSourceFactory database = defaultDatabase();

    @Valid
    @NotNull
    private ClickHouseConfiguration clickhouse = new ClickHouseConfiguration();

    @Valid
    @NotNull
    private EmbeddedConfiguration embedded = new EmbeddedConfiguration();

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

    private boolean migrateOnStart = true;

    /** Seed the synthetic national results when ClickHouse has none (set by the {@code demo} command). */
    private boolean seedDemoResults = false;

    @JsonProperty
    public boolean isSeedDemoResults() {
        return seedDemoResults;
    }

    @JsonProperty
    public void setSeedDemoResults(boolean seedDemoResults) {
        this.seedDemoResults = seedDemoResults;
    }

    private static DataSourceFactory defaultDatabase() {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.postgresql.Driver");
        factory.setUrl(EMBEDDED);
        factory.setUser("postgres");
        factory.setPassword("");
        return factory;
    }

    @JsonProperty("database")
    public DataSourceFactory getDatabase() {
        return database;
    }

    @JsonProperty("database")
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }

    public boolean isEmbeddedDatabase() {
        return EMBEDDED.equals(database.getUrl());
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
    public EmbeddedConfiguration getEmbedded() {
        return embedded;
    }

    @JsonProperty
    public void setEmbedded(EmbeddedConfiguration embedded) {
        this.embedded = embedded;
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
}
