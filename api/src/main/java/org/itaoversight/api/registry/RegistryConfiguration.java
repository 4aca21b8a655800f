package org.itaoversight.api.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * Which agency registry the application serves: the generated national registry (the default, since no official
 * code list is reachable here) or a code list file ({@code code,name_th,type,province_code,district}).
 */
public class RegistryConfiguration {

    /** A CSV code list of agencies; empty = generate the national registry. */
    private String agenciesFile;

    /** Seed of the generated national registry. */
    private long seed = 2568;

    /** Load the registry into the databases when the application starts (only when it changed). */
    private boolean loadOnStart = true;

    @JsonProperty
    public Optional<String> getAgenciesFile() {
        return Optional.ofNullable(agenciesFile).filter(s -> !s.isBlank());
    }

    @JsonProperty
    public void setAgenciesFile(String agenciesFile) {
        this.agenciesFile = agenciesFile;
    }

    @JsonProperty
    public long getSeed() {
        return seed;
    }

    @JsonProperty
    public void setSeed(long seed) {
        this.seed = seed;
    }

    @JsonProperty
    public boolean isLoadOnStart() {
        return loadOnStart;
    }

    @JsonProperty
    public void setLoadOnStart(boolean loadOnStart) {
        this.loadOnStart = loadOnStart;
    }
}
