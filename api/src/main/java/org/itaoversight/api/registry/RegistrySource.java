package org.itaoversight.api.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.NationalRegistryGenerator;
import org.itaoversight.tenants.registry.Province;
import org.itaoversight.tenants.registry.RegistryCsv;

/** Builds the registry the configuration names: a code list file, or the generated national registry. */
public final class RegistrySource {

    /** How {@link #describe()} begins for the generated registry. */
    public static final String GENERATED = "generated:";

    private final RegistryConfiguration configuration;

    public RegistrySource(RegistryConfiguration configuration) {
        this.configuration = configuration;
    }

    /** A short description of where the registry comes from, recorded with each load. */
    public String describe() {
        return configuration.getAgenciesFile()
                .map(file -> "file:" + Path.of(file).toAbsolutePath().normalize())
                .orElse(GENERATED + "national(seed=" + configuration.getSeed() + ")");
    }

    public AgencyRegistry load() {
        List<Province> provinces = RegistryCsv.bundledProvinces();
        return configuration.getAgenciesFile()
                .map(file -> AgencyRegistry.of(provinces, readAgencies(Path.of(file))))
                .orElseGet(() -> new NationalRegistryGenerator(configuration.getSeed())
                        .generate(provinces, RegistryCsv.bundledSampleAgencies()));
    }

    private static List<Agency> readAgencies(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return RegistryCsv.readAgencies(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agency code list " + file + ": " + e.getMessage(), e);
        }
    }
}
