package org.itaoversight.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.StringSubstitutor;
import org.itaoversight.api.OversightApplication;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.auth.AuthConfiguration;
import org.itaoversight.api.clickhouse.ClickHouseConfiguration;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every default and every mapping of the configuration, the shipped config.yml, and the refusal to start without
 * the servers it talks to.
 */
class OversightConfigurationTest {

    /**
     * A property prefix no system property carries: the application under test of the same JVM sets {@code dw.*}
     * overrides (its database and server URLs), which a {@code dw} factory would read too.
     */
    static final String ISOLATED = "oversight-configuration-test";

    private final ObjectMapper mapper = Jackson.newObjectMapper();
    private final YamlConfigurationFactory<OversightConfiguration> factory =
            new YamlConfigurationFactory<>(OversightConfiguration.class, Validators.newValidator(), mapper, ISOLATED);

    @Test
    void defaultsNameNoServer() {
        OversightConfiguration configuration = new OversightConfiguration();
        ClickHouseConfiguration clickhouse = configuration.getClickhouse();
        RegistryConfiguration registry = configuration.getRegistry();

        assertThat(configuration.getDatabase().getUrl()).isNull();
        assertThat(configuration.getDatabase().getDriverClass()).isEqualTo("org.postgresql.Driver");
        assertThat(configuration.getDatabase().getUser()).isEqualTo("postgres");
        assertThat(configuration.isMigrateOnStart()).isTrue();

        assertThat(clickhouse.getUrl()).isNull();
        assertThat(clickhouse.getDatabase()).isEqualTo("oversight");
        assertThat(clickhouse.getUser()).isEqualTo("default");
        assertThat(clickhouse.getPassword()).isEmpty();
        assertThat(clickhouse.getMaxConnections()).isEqualTo(16);
        assertThat(clickhouse.getMaxWait()).isEqualTo(Duration.seconds(5));
        assertThat(clickhouse.isMigrateOnStart()).isTrue();
        assertThat(clickhouse.getCluster()).isEmpty();
        assertThat(clickhouse.clusterName()).isEmpty();
        assertThat(clickhouse.getShards()).isEmpty();
        assertThat(clickhouse.isReplicated()).isFalse();

        assertThat(registry.getAgenciesFile()).isEmpty();
        assertThat(registry.getSeed()).isEqualTo(2568);
        assertThat(registry.isLoadOnStart()).isTrue();

        AuthConfiguration auth = configuration.getAuth();
        assertThat(auth.getIssuer()).isNull();
        assertThat(auth.getJwksUrl()).isEmpty();
        assertThat(auth.getAudience()).isEqualTo("ita-oversight-api");
        assertThat(auth.getAllowedClients()).containsExactly("ita-oversight-web", "ita-oversight-scripts");
        assertThat(auth.getAlgorithms()).containsExactly("RS256");
        assertThat(auth.getClockSkew()).isEqualTo(Duration.seconds(30));
    }

    @Test
    void everyPropertyMaps() throws Exception {
        OversightConfiguration configuration = parse("""
                database:
                  driverClass: org.postgresql.Driver
                  url: jdbc:postgresql://db.example:5432/oversight
                  user: oversight
                  password: secret
                migrateOnStart: false
                clickhouse:
                  url: jdbc:clickhouse:http://ch-1:8123/
                  database: ita
                  user: reader
                  password: pw
                  maxConnections: 4
                  maxWait: 2s
                  migrateOnStart: false
                registry:
                  agenciesFile: /etc/ita/agencies.csv
                  seed: 7
                  loadOnStart: false
                auth:
                  issuer: https://sso.example.go.th/realms/ita-oversight
                  jwksUrl: https://sso.example.go.th/realms/ita-oversight/protocol/openid-connect/certs
                  audience: ita-api
                  allowedClients: [web]
                  algorithms: [RS256, ES256]
                  clockSkew: 10s
                """);

        assertThat(configuration.getDatabase().getUrl()).isEqualTo("jdbc:postgresql://db.example:5432/oversight");
        assertThat(configuration.getDatabase().getUser()).isEqualTo("oversight");
        assertThat(configuration.getDatabase().getPassword()).isEqualTo("secret");
        assertThat(configuration.isMigrateOnStart()).isFalse();

        ClickHouseConfiguration clickhouse = configuration.getClickhouse();
        assertThat(clickhouse.getUrl()).isEqualTo("jdbc:clickhouse:http://ch-1:8123/");
        assertThat(clickhouse.getDatabase()).isEqualTo("ita");
        assertThat(clickhouse.getUser()).isEqualTo("reader");
        assertThat(clickhouse.getPassword()).isEqualTo("pw");
        assertThat(clickhouse.getMaxConnections()).isEqualTo(4);
        assertThat(clickhouse.getMaxWait()).isEqualTo(Duration.seconds(2));
        assertThat(clickhouse.isMigrateOnStart()).isFalse();
        assertThat(clickhouse.dataSourceFactory(clickhouse.getUrl()).getUrl()).isEqualTo("jdbc:clickhouse:http://ch-1:8123/ita");
        assertThat(clickhouse.dataSourceFactory(clickhouse.getUrl()).getMaxSize()).isEqualTo(4);
        assertThat(clickhouse.clusterName()).isEmpty();
        assertThat(clickhouse.dataSourceFactory(clickhouse.getUrl()).getProperties())
                .doesNotContainKeys(ClickHouseConfiguration.CLUSTER_SESSION_SETTINGS.keySet().toArray(String[]::new));

        RegistryConfiguration registry = configuration.getRegistry();
        assertThat(registry.getAgenciesFile()).contains("/etc/ita/agencies.csv");
        assertThat(registry.getSeed()).isEqualTo(7);
        assertThat(registry.isLoadOnStart()).isFalse();

        AuthConfiguration auth = configuration.getAuth();
        assertThat(auth.getIssuer()).isEqualTo("https://sso.example.go.th/realms/ita-oversight");
        assertThat(auth.getJwksUrl()).contains("https://sso.example.go.th/realms/ita-oversight/protocol/openid-connect/certs");
        assertThat(auth.getAudience()).isEqualTo("ita-api");
        assertThat(auth.getAllowedClients()).containsExactly("web");
        assertThat(auth.getAlgorithms()).containsExactly("RS256", "ES256");
        assertThat(auth.getClockSkew()).isEqualTo(Duration.seconds(10));
    }

    @Test
    void theShippedConfigWithoutTheServersIsRefusedNamingEachMissingSetting() {
        assertThatThrownBy(() -> factory.build(substituting(Map.of()), "config.yml"))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("database.url is not set")
                .hasMessageContaining("OVERSIGHT_DB_URL")
                .hasMessageContaining("clickhouse.url is not set")
                .hasMessageContaining("OVERSIGHT_CLICKHOUSE_URL")
                .hasMessageContaining("auth.issuer is not set")
                .hasMessageContaining("OVERSIGHT_AUTH_ISSUER");
    }

    @Test
    void aServerNamedByAnythingButItsUrlIsRefused() {
        assertThatThrownBy(() -> parse("""
                database:
                  url: embedded
                clickhouse:
                  url: jdbc:clickhouse:http://ch:8123
                auth:
                  issuer: https://sso.example.go.th/realms/ita-oversight
                """))
                .hasMessageContaining("database.url is not set")
                .hasMessageNotContaining("clickhouse.url")
                .hasMessageNotContaining("auth.issuer");
    }

    /** The real start path ({@code check} reads and validates the file as {@code server} does) stops at once. */
    @Test
    void theApplicationDoesNotStartWithoutADatabaseUrl(@TempDir Path directory) throws Exception {
        Path config = Files.writeString(directory.resolve("config.yml"), """
                clickhouse:
                  url: jdbc:clickhouse:http://127.0.0.1:1
                auth:
                  issuer: http://127.0.0.1:1/realms/ita-oversight
                """);
        OversightApplication application = new OversightApplication();
        Bootstrap<OversightConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        bootstrap.setConfigurationFactoryFactory((type, validator, json, prefix) ->
                new YamlConfigurationFactory<>(type, validator, json, ISOLATED));
        bootstrap.addCommand(new CheckCommand<>(application));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        Optional<Throwable> failure = new Cli(new JarLocation(getClass()), bootstrap,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("check", config.toString());

        assertThat(failure).isPresent();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("database.url is not set")
                .doesNotContain("clickhouse.url").doesNotContain("auth.issuer");
    }

    @Test
    void theShippedConfigTakesProductionSettingsFromTheEnvironment() throws Exception {
        Map<String, String> environment = Map.of(
                "OVERSIGHT_DB_URL", "jdbc:postgresql://pg:5432/ita",
                "OVERSIGHT_CLICKHOUSE_URL", "jdbc:clickhouse:http://ch:8123",
                "OVERSIGHT_CLICKHOUSE_PASSWORD", "pw",
                "OVERSIGHT_AGENCIES_FILE", "/etc/ita/agencies.csv",
                "OVERSIGHT_AUTH_ISSUER", "https://sso.example.go.th/realms/ita-oversight");

        OversightConfiguration configuration = factory.build(substituting(environment), "config.yml");

        assertThat(configuration.getDatabase().getUrl()).isEqualTo("jdbc:postgresql://pg:5432/ita");
        assertThat(configuration.getDatabase().getPassword()).isEmpty();
        assertThat(configuration.getClickhouse().getUrl()).isEqualTo("jdbc:clickhouse:http://ch:8123");
        assertThat(configuration.getClickhouse().getPassword()).isEqualTo("pw");
        assertThat(configuration.getRegistry().getAgenciesFile()).contains("/etc/ita/agencies.csv");
        assertThat(configuration.getAuth().getIssuer()).isEqualTo("https://sso.example.go.th/realms/ita-oversight");
    }

    @Test
    void aClusterMapsWithItsShardsAndGetsTheClusterSessionSettings() throws Exception {
        ClickHouseConfiguration clickhouse = parse("""
                database:
                  url: jdbc:postgresql://db.example:5432/oversight
                clickhouse:
                  url: jdbc:clickhouse:http://ch-lb:8123
                  cluster: national
                  shards: [jdbc:clickhouse:http://ch-1:8123, jdbc:clickhouse:http://ch-2:8123]
                  replicated: true
                auth:
                  issuer: https://sso.example.go.th/realms/ita-oversight
                """).getClickhouse();

        assertThat(clickhouse.clusterName()).contains("national");
        assertThat(clickhouse.getShards()).containsExactly("jdbc:clickhouse:http://ch-1:8123", "jdbc:clickhouse:http://ch-2:8123");
        assertThat(clickhouse.isReplicated()).isTrue();
        assertThat(clickhouse.dataSourceFactory(clickhouse.getUrl()).getProperties())
                .containsAllEntriesOf(ClickHouseConfiguration.CLUSTER_SESSION_SETTINGS);
    }

    @Test
    void aClusterWithoutShardsAndShardsWithoutAClusterAreRefused() {
        for (String clickhouse : List.of("cluster: national", "shards: [jdbc:clickhouse:http://ch-1:8123]")) {
            assertThatThrownBy(() -> parse("""
                    database:
                      url: jdbc:postgresql://db.example:5432/oversight
                    clickhouse:
                      url: jdbc:clickhouse:http://ch-lb:8123
                      %s
                    auth:
                      issuer: https://sso.example.go.th/realms/ita-oversight
                    """.formatted(clickhouse)))
                    .hasMessageContaining("clickhouse.shards must list one node of every shard when clickhouse.cluster is set");
        }
    }

    @Test
    void theShippedConfigTakesAClusterFromTheEnvironment() throws Exception {
        OversightConfiguration configuration = factory.build(substituting(Map.of(
                "OVERSIGHT_DB_URL", "jdbc:postgresql://pg:5432/ita",
                "OVERSIGHT_CLICKHOUSE_URL", "jdbc:clickhouse:http://ch-lb:8123",
                "OVERSIGHT_CLICKHOUSE_CLUSTER", "national",
                "OVERSIGHT_CLICKHOUSE_SHARDS", "jdbc:clickhouse:http://ch-1:8123,jdbc:clickhouse:http://ch-2:8123",
                "OVERSIGHT_AUTH_ISSUER", "https://sso.example.go.th/realms/ita-oversight")), "config.yml");

        assertThat(configuration.getClickhouse().clusterName()).contains("national");
        assertThat(configuration.getClickhouse().getShards())
                .containsExactly("jdbc:clickhouse:http://ch-1:8123", "jdbc:clickhouse:http://ch-2:8123");
        assertThat(configuration.getClickhouse().isReplicated()).isFalse();
    }

    /** The shipped file as read with the given environment (and no other variable). */
    private static ConfigurationSourceProvider substituting(Map<String, String> environment) {
        return path -> {
            String text = new String(new FileConfigurationSourceProvider().open(path).readAllBytes(), StandardCharsets.UTF_8);
            StringSubstitutor substitutor = new StringSubstitutor(environment);
            substitutor.setEnableSubstitutionInVariables(false);
            return new ByteArrayInputStream(substitutor.replace(text).getBytes(StandardCharsets.UTF_8));
        };
    }

    private OversightConfiguration parse(String yaml) throws Exception {
        ConfigurationSourceProvider provider = path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
        return factory.build(provider, "inline.yml");
    }
}
