package org.itaoversight.demo;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every default and every mapping of the demo stack's configuration, and the shipped api/demo/config.yml. */
class DemoConfigurationTest {

    private final YamlConfigurationFactory<DemoConfiguration> factory =
            new YamlConfigurationFactory<>(DemoConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "demo-configuration-test");

    @Test
    void defaultsRunEverythingEmbedded() {
        DemoConfiguration configuration = new DemoConfiguration();
        EmbeddedConfiguration embedded = configuration.getEmbedded();

        assertThat(configuration.isEmbedded(configuration.getDatabase().getUrl())).isTrue();
        assertThat(configuration.isEmbedded(configuration.getClickhouse().getUrl())).isTrue();
        assertThat(configuration.isEmbedded(configuration.getAuth().getIssuer())).isTrue();
        assertThat(configuration.isDatabaseUrlSet()).isTrue();
        assertThat(configuration.isClickhouseUrlSet()).isTrue();
        assertThat(configuration.isAuthIssuerSet()).isTrue();
        assertThat(configuration.isSeedDemoData()).isFalse();

        assertThat(embedded.getDataDirectory()).isEqualTo("data");
        assertThat(embedded.getPostgresPort()).isZero();
        assertThat(embedded.getClickhouseHttpPort()).isZero();
        assertThat(embedded.getClickhouseTcpPort()).isZero();
        assertThat(embedded.getClickhouseMaxMemory()).isEqualTo(DataSize.gibibytes(2));
        assertThat(embedded.getClickhouseStartTimeout()).isEqualTo(Duration.seconds(60));
        assertThat(embedded.getClickhouseLibrary()).isEmpty();
        assertThat(embedded.getCacheDirectory()).isEmpty();
        assertThat(embedded.getKeycloakPort()).isZero();
        assertThat(embedded.getKeycloakDistribution()).isEqualTo("api/demo/target/keycloak/keycloak-quarkus-dist-26.7.5.zip");
        assertThat(embedded.isMailCatcher()).isFalse();
    }

    @Test
    void everyPropertyMapsAndRealServersMayBeNamed() throws Exception {
        DemoConfiguration configuration = parse("""
                database:
                  url: jdbc:postgresql://db.example:5432/oversight
                clickhouse:
                  url: embedded
                auth:
                  issuer: https://sso.example.go.th/realms/ita-oversight
                seedDemoData: true
                embedded:
                  dataDirectory: /var/lib/ita
                  postgresPort: 15432
                  clickhouseHttpPort: 18123
                  clickhouseTcpPort: 19000
                  clickhouseMaxMemory: 512MiB
                  clickhouseStartTimeout: 30s
                  clickhouseLibrary: /opt/chdb/libchdb.so
                  cacheDirectory: /var/cache/ita
                  keycloakPort: 18180
                  keycloakDistribution: /opt/keycloak.zip
                  mailCatcher: true
                """);

        assertThat(configuration.isEmbedded(configuration.getDatabase().getUrl())).isFalse();
        assertThat(configuration.isEmbedded(configuration.getClickhouse().getUrl())).isTrue();
        assertThat(configuration.isEmbedded(configuration.getAuth().getIssuer())).isFalse();
        assertThat(configuration.isSeedDemoData()).isTrue();
        EmbeddedConfiguration embedded = configuration.getEmbedded();
        assertThat(embedded.getDataDirectory()).isEqualTo("/var/lib/ita");
        assertThat(embedded.getPostgresPort()).isEqualTo(15432);
        assertThat(embedded.getClickhouseHttpPort()).isEqualTo(18123);
        assertThat(embedded.getClickhouseTcpPort()).isEqualTo(19000);
        assertThat(embedded.getClickhouseMaxMemory()).isEqualTo(DataSize.mebibytes(512));
        assertThat(embedded.getClickhouseStartTimeout()).isEqualTo(Duration.seconds(30));
        assertThat(embedded.getClickhouseLibrary()).contains("/opt/chdb/libchdb.so");
        assertThat(embedded.getCacheDirectory()).contains("/var/cache/ita");
        assertThat(embedded.getKeycloakPort()).isEqualTo(18180);
        assertThat(embedded.getKeycloakDistribution()).isEqualTo("/opt/keycloak.zip");
        assertThat(embedded.isMailCatcher()).isTrue();
    }

    @Test
    void theShippedDemoConfigIsValidAndEmbeddedWithoutEnvironment() throws Exception {
        DemoConfiguration configuration = factory.build(
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
                "config.yml");

        assertThat(configuration.isEmbedded(configuration.getDatabase().getUrl())).isTrue();
        assertThat(configuration.isEmbedded(configuration.getClickhouse().getUrl())).isTrue();
        assertThat(configuration.isEmbedded(configuration.getAuth().getIssuer())).isTrue();
        assertThat(configuration.getDatabase().getPassword()).isEmpty();
        assertThat(configuration.getRegistry().getAgenciesFile()).isEmpty();
        assertThat(configuration.getEmbedded().getKeycloakPort()).isEqualTo(8180);
    }

    private DemoConfiguration parse(String yaml) throws Exception {
        ConfigurationSourceProvider provider = path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
        return factory.build(provider, "inline.yml");
    }
}
