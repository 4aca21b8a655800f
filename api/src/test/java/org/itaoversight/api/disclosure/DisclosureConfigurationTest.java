package org.itaoversight.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.configuration.YamlConfigurationFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.itaoversight.api.OversightConfiguration;
import org.junit.jupiter.api.Test;

/** The minimum group size: default, mapping, validation. */
class DisclosureConfigurationTest {

    private final YamlConfigurationFactory<OversightConfiguration> factory =
            new YamlConfigurationFactory<>(OversightConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "disclosure-configuration-test");

    @Test
    void defaultsToFiveAndMaps() throws Exception {
        assertThat(new OversightConfiguration().getDisclosure().getMinimumGroupSize()).isEqualTo(5);
        assertThat(new OversightConfiguration().smallGroups().minimumGroupSize()).isEqualTo(5);
        OversightConfiguration configuration = parse("disclosure:\n  minimumGroupSize: 10\n");
        assertThat(configuration.getDisclosure().getMinimumGroupSize()).isEqualTo(10);
        assertThat(configuration.smallGroups().fewerThanTh()).isEqualTo("น้อยกว่า 10 หน่วยงาน");
    }

    @Test
    void aGroupOfOneIsNoRule() {
        assertThatThrownBy(() -> parse("disclosure:\n  minimumGroupSize: 1\n")).isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("minimumGroupSize");
    }

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
