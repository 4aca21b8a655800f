package org.itaoversight.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.auth.AuthConfiguration;
import org.itaoversight.api.clickhouse.ClickHouseConfiguration;
import org.itaoversight.api.embedded.EmbeddedConfiguration;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.junit.jupiter.api.Test;

/** Every default and every mapping of the configuration, and the shipped config.yml. */
class OversightConfigurationTest {

    private final ObjectMapper mapper = Jackson.newObjectMapper();
    private final YamlConfigurationFactory<OversightConfiguration> factory =
            new YamlConfigurationFactory<>(OversightConfiguration.class, Validators.newValidator(), mapper, "dw");

    @Test
    void defaultsRunEverythingEmbedded() {
        OversightConfiguration configuration = new OversightConfiguration();
        ClickHouseConfiguration clickhouse = configuration.getClickhouse();
        EmbeddedConfiguration embedded = configuration.getEmbedded();
        RegistryConfiguration registry = configuration.getRegistry();

        assertThat(configuration.isEmbeddedDatabase()).isTrue();
        assertThat(configuration.getDatabase().getDriverClass()).isEqualTo("org.postgresql.Driver");
        assertThat(configuration.getDatabase().getUser()).isEqualTo("postgres");
        assertThat(configuration.isMigrateOnStart()).isTrue();

        assertThat(clickhouse.isEmbedded()).isTrue();
        assertThat(clickhouse.getDatabase()).isEqualTo("oversight");
        assertThat(clickhouse.getUser()).isEqualTo("default");
        assertThat(clickhouse.getPassword()).isEmpty();
        assertThat(clickhouse.getMaxConnections()).isEqualTo(16);
        assertThat(clickhouse.getMaxWait()).isEqualTo(Duration.seconds(5));
        assertThat(clickhouse.isMigrateOnStart()).isTrue();

        assertThat(embedded.getDataDirectory()).isEqualTo("data");
        assertThat(embedded.getPostgresPort()).isZero();
        assertThat(embedded.getClickhouseHttpPort()).isZero();
        assertThat(embedded.getClickhouseTcpPort()).isZero();
        assertThat(embedded.getClickhouseMaxMemory()).isEqualTo(DataSize.gibibytes(2));
        assertThat(embedded.getClickhouseStartTimeout()).isEqualTo(Duration.seconds(60));
        assertThat(embedded.getClickhouseLibrary()).isEmpty();
        assertThat(embedded.getCacheDirectory()).isEmpty();

        assertThat(registry.getAgenciesFile()).isEmpty();
        assertThat(registry.getSeed()).isEqualTo(2568);
        assertThat(registry.isLoadOnStart()).isTrue();

        AuthConfiguration auth = configuration.getAuth();
        assertThat(auth.isEmbedded()).isTrue();
        assertThat(auth.getJwksUrl()).isEmpty();
        assertThat(auth.getAudience()).isEqualTo("ita-oversight-api");
        assertThat(auth.getAllowedClients()).containsExactly("ita-oversight-web", "ita-oversight-service");
        assertThat(auth.getAlgorithms()).containsExactly("RS256");
        assertThat(auth.getClockSkew()).isEqualTo(Duration.seconds(30));
        assertThat(auth.getEmbeddedPort()).isZero();
        assertThat(auth.getEmbeddedDistribution()).isEqualTo("api/target/keycloak/keycloak-quarkus-dist-26.7.5.zip");
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
                embedded:
                  dataDirectory: /var/lib/ita
                  postgresPort: 15432
                  clickhouseHttpPort: 18123
                  clickhouseTcpPort: 19000
                  clickhouseMaxMemory: 512MiB
                  clickhouseStartTimeout: 30s
                  clickhouseLibrary: /opt/chdb/libchdb.so
                  cacheDirectory: /var/cache/ita
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
                  embeddedPort: 18180
                  embeddedDistribution: /opt/keycloak.zip
                """);

        assertThat(configuration.isEmbeddedDatabase()).isFalse();
        assertThat(configuration.getDatabase().getUrl()).isEqualTo("jdbc:postgresql://db.example:5432/oversight");
        assertThat(configuration.getDatabase().getUser()).isEqualTo("oversight");
        assertThat(configuration.getDatabase().getPassword()).isEqualTo("secret");
        assertThat(configuration.isMigrateOnStart()).isFalse();

        ClickHouseConfiguration clickhouse = configuration.getClickhouse();
        assertThat(clickhouse.isEmbedded()).isFalse();
        assertThat(clickhouse.getUrl()).isEqualTo("jdbc:clickhouse:http://ch-1:8123/");
        assertThat(clickhouse.getDatabase()).isEqualTo("ita");
        assertThat(clickhouse.getUser()).isEqualTo("reader");
        assertThat(clickhouse.getPassword()).isEqualTo("pw");
        assertThat(clickhouse.getMaxConnections()).isEqualTo(4);
        assertThat(clickhouse.getMaxWait()).isEqualTo(Duration.seconds(2));
        assertThat(clickhouse.isMigrateOnStart()).isFalse();
        assertThat(clickhouse.dataSourceFactory(clickhouse.getUrl()).getUrl()).isEqualTo("jdbc:clickhouse:http://ch-1:8123/ita");
        assertThat(clickhouse.dataSourceFactory(clickhouse.getUrl()).getMaxSize()).isEqualTo(4);

        EmbeddedConfiguration embedded = configuration.getEmbedded();
        assertThat(embedded.getDataDirectory()).isEqualTo("/var/lib/ita");
        assertThat(embedded.getPostgresPort()).isEqualTo(15432);
        assertThat(embedded.getClickhouseHttpPort()).isEqualTo(18123);
        assertThat(embedded.getClickhouseTcpPort()).isEqualTo(19000);
        assertThat(embedded.getClickhouseMaxMemory()).isEqualTo(DataSize.mebibytes(512));
        assertThat(embedded.getClickhouseStartTimeout()).isEqualTo(Duration.seconds(30));
        assertThat(embedded.getClickhouseLibrary()).contains("/opt/chdb/libchdb.so");
        assertThat(embedded.getCacheDirectory()).contains("/var/cache/ita");

        RegistryConfiguration registry = configuration.getRegistry();
        assertThat(registry.getAgenciesFile()).contains("/etc/ita/agencies.csv");
        assertThat(registry.getSeed()).isEqualTo(7);
        assertThat(registry.isLoadOnStart()).isFalse();

        AuthConfiguration auth = configuration.getAuth();
        assertThat(auth.isEmbedded()).isFalse();
        assertThat(auth.getIssuer()).isEqualTo("https://sso.example.go.th/realms/ita-oversight");
        assertThat(auth.getJwksUrl()).contains("https://sso.example.go.th/realms/ita-oversight/protocol/openid-connect/certs");
        assertThat(auth.getAudience()).isEqualTo("ita-api");
        assertThat(auth.getAllowedClients()).containsExactly("web");
        assertThat(auth.getAlgorithms()).containsExactly("RS256", "ES256");
        assertThat(auth.getClockSkew()).isEqualTo(Duration.seconds(10));
        assertThat(auth.getEmbeddedPort()).isEqualTo(18180);
        assertThat(auth.getEmbeddedDistribution()).isEqualTo("/opt/keycloak.zip");
    }

    @Test
    void theShippedConfigIsValidAndEmbeddedWithoutEnvironment() throws Exception {
        OversightConfiguration configuration = factory.build(
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
                new File("config.yml").getPath());

        assertThat(configuration.isEmbeddedDatabase()).isTrue();
        assertThat(configuration.getClickhouse().isEmbedded()).isTrue();
        assertThat(configuration.getDatabase().getPassword()).isEmpty();
        assertThat(configuration.getRegistry().getAgenciesFile()).isEmpty();
        assertThat(configuration.getAuth().isEmbedded()).isTrue();
        assertThat(configuration.getAuth().getEmbeddedPort()).isEqualTo(8180);
    }

    @Test
    void theShippedConfigTakesProductionSettingsFromTheEnvironment() throws Exception {
        Map<String, String> environment = Map.of(
                "OVERSIGHT_DB_URL", "jdbc:postgresql://pg:5432/ita",
                "OVERSIGHT_CLICKHOUSE_URL", "jdbc:clickhouse:http://ch:8123",
                "OVERSIGHT_CLICKHOUSE_PASSWORD", "pw",
                "OVERSIGHT_AGENCIES_FILE", "/etc/ita/agencies.csv",
                "OVERSIGHT_AUTH_ISSUER", "https://sso.example.go.th/realms/ita-oversight");
        ConfigurationSourceProvider substituting = path -> {
            String text = new String(new FileConfigurationSourceProvider().open(path).readAllBytes(), StandardCharsets.UTF_8);
            StringSubstitutor substitutor = new StringSubstitutor(environment);
            substitutor.setEnableSubstitutionInVariables(false);
            return new ByteArrayInputStream(substitutor.replace(text).getBytes(StandardCharsets.UTF_8));
        };

        OversightConfiguration configuration = factory.build(substituting, "config.yml");

        assertThat(configuration.getDatabase().getUrl()).isEqualTo("jdbc:postgresql://pg:5432/ita");
        assertThat(configuration.isEmbeddedDatabase()).isFalse();
        assertThat(configuration.getClickhouse().getUrl()).isEqualTo("jdbc:clickhouse:http://ch:8123");
        assertThat(configuration.getClickhouse().getPassword()).isEqualTo("pw");
        assertThat(configuration.getRegistry().getAgenciesFile()).contains("/etc/ita/agencies.csv");
        assertThat(configuration.getAuth().getIssuer()).isEqualTo("https://sso.example.go.th/realms/ita-oversight");
    }

    private OversightConfiguration parse(String yaml) throws Exception {
        ConfigurationSourceProvider provider = path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
        return factory.build(provider, "inline.yml");
    }
}
