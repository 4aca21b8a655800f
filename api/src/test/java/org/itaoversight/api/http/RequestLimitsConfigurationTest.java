package org.itaoversight.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.DataSize;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.itaoversight.api.OversightConfiguration;
import org.junit.jupiter.api.Test;

/** The request limits: defaults, every mapping, validation, and the shipped config.yml. */
class RequestLimitsConfigurationTest {

    private final YamlConfigurationFactory<OversightConfiguration> factory =
            new YamlConfigurationFactory<>(OversightConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "request-limits-configuration-test");

    @Test
    void defaults() {
        RequestLimitsConfiguration limits = new OversightConfiguration().getRequests();

        assertThat(limits.getMaxJsonBody()).isEqualTo(DataSize.kibibytes(256));
        assertThat(limits.getMaxResultFile()).isEqualTo(DataSize.mebibytes(64));
        assertThat(limits.getMaxRegistryFile()).isEqualTo(DataSize.mebibytes(16));
        assertThat(limits.getMaxMeasuresDocument()).isEqualTo(DataSize.mebibytes(20));
        assertThat(limits.getMaxProblems()).isEqualTo(100);
        assertThat(limits.maxBytes(BodyKind.JSON)).isEqualTo(256 * 1024);
        assertThat(limits.maxBytes(BodyKind.RESULT_FILE)).isEqualTo(64 * 1024 * 1024);
    }

    @Test
    void everyPropertyMaps() throws Exception {
        RequestLimitsConfiguration limits = parse("""
                requests:
                  maxJsonBody: 64KiB
                  maxResultFile: 200MiB
                  maxRegistryFile: 2MiB
                  maxMeasuresDocument: 1MiB
                  maxProblems: 25
                """).getRequests();

        assertThat(limits.maxBytes(BodyKind.JSON)).isEqualTo(64 * 1024);
        assertThat(limits.maxBytes(BodyKind.RESULT_FILE)).isEqualTo(200L * 1024 * 1024);
        assertThat(limits.maxBytes(BodyKind.REGISTRY_FILE)).isEqualTo(2 * 1024 * 1024);
        assertThat(limits.maxBytes(BodyKind.MEASURES_DOCUMENT)).isEqualTo(1024 * 1024);
        assertThat(limits.getMaxProblems()).isEqualTo(25);
    }

    @Test
    void aLimitBelowOneKilobyteOrNoProblemsListedIsRefused() {
        assertThatThrownBy(() -> parse("requests:\n  maxJsonBody: 10B\n")).isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("maxJsonBody");
        assertThatThrownBy(() -> parse("requests:\n  maxProblems: 0\n")).isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("maxProblems");
    }

    @Test
    void theShippedConfigHasTheDefaults() throws Exception {
        java.util.Map<String, String> environment = java.util.Map.of("OVERSIGHT_DB_URL", "jdbc:postgresql://pg:5432/ita",
                "OVERSIGHT_CLICKHOUSE_URL", "jdbc:clickhouse:http://ch:8123",
                "OVERSIGHT_AUTH_ISSUER", "https://sso.example.go.th/realms/ita-oversight");
        ConfigurationSourceProvider substituting = path -> {
            String text = new String(new FileConfigurationSourceProvider().open(path).readAllBytes(), StandardCharsets.UTF_8);
            return new ByteArrayInputStream(new org.apache.commons.text.StringSubstitutor(environment).replace(text)
                    .getBytes(StandardCharsets.UTF_8));
        };
        RequestLimitsConfiguration limits = factory.build(substituting, "config.yml").getRequests();

        for (BodyKind kind : BodyKind.values()) {
            assertThat(limits.maxBytes(kind)).as(kind.name()).isEqualTo(new RequestLimitsConfiguration().maxBytes(kind));
        }
        assertThat(limits.getMaxProblems()).isEqualTo(100);
    }

    /** The servers a configuration must name, and the given YAML. */
    private OversightConfiguration parse(String yaml) throws Exception {
        String complete = """
                database:
                  url: jdbc:postgresql://pg:5432/ita
                clickhouse:
                  url: jdbc:clickhouse:http://ch:8123
                auth:
                  issuer: https://sso.example.go.th/realms/ita-oversight
                """ + yaml;
        ConfigurationSourceProvider provider = path -> new ByteArrayInputStream(complete.getBytes(StandardCharsets.UTF_8));
        return factory.build(provider, "inline.yml");
    }
}
