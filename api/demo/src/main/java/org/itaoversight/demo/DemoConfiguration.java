package org.itaoversight.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.itaoversight.api.OversightConfiguration;

/**
 * The product's configuration plus the demo stack's: a database URL, ClickHouse URL or auth issuer of
 * {@value #EMBEDDED} (the default of each) starts that server on this machine ({@link EmbeddedServices}); the
 * {@code embedded} section says where they keep their data and which ports they take.
 */
public class DemoConfiguration extends OversightConfiguration {

    public static final String EMBEDDED = "embedded";

    @Valid
    @NotNull
    private EmbeddedConfiguration embedded = new EmbeddedConfiguration();

    /** Seed the synthetic national results and a monthly schedule when there are none (set by the {@code demo} command). */
    private boolean seedDemoData = false;

    public DemoConfiguration() {
        getDatabase().setUrl(EMBEDDED);
        getClickhouse().setUrl(EMBEDDED);
        getAuth().setIssuer(EMBEDDED);
    }

    /** Whether a server URL asks for the embedded server. */
    public boolean isEmbedded(String url) {
        return EMBEDDED.equals(url);
    }

    /** {@value #EMBEDDED} names a server too: the one this stack starts. */
    @Override
    protected boolean isServerUrl(String value, String... prefixes) {
        return isEmbedded(value) || super.isServerUrl(value, prefixes);
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
    public boolean isSeedDemoData() {
        return seedDemoData;
    }

    @JsonProperty
    public void setSeedDemoData(boolean seedDemoData) {
        this.seedDemoData = seedDemoData;
    }
}
