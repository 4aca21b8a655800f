package org.itaoversight.api.registry;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiConsumer;
import org.itaoversight.api.ita.analytics.DataVersion;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.Province;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a registry into PostgreSQL (the source of truth, in one transaction) and mirrors it into ClickHouse.
 * A registry whose content equals the last one loaded is skipped, so loading at every start costs nothing.
 * Agencies missing from a new list are kept: their history stays reachable.
 */
public final class RegistryLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryLoader.class);

    private final Jdbi postgres;
    private final Jdbi clickhouse;
    private final Clock clock;

    public RegistryLoader(Jdbi postgres, Jdbi clickhouse, Clock clock) {
        this.postgres = postgres;
        this.clickhouse = clickhouse;
        this.clock = clock;
    }

    /** What a load did. */
    public record Result(boolean changed, int provinces, int agencies, int inserted, int updated, String sha256) {
    }

    public Result load(AgencyRegistry registry, String source) {
        return load(registry, source, (handle, result) -> { });
    }

    /**
     * Loads a registry; {@code inSameTransaction} runs in the PostgreSQL transaction of the load (for the audit
     * record of who loaded it).
     */
    public Result load(AgencyRegistry registry, String source, BiConsumer<Handle, Result> inSameTransaction) {
        String sha256 = fingerprint(registry);
        List<RegistryDao.AgencyRow> agencies = registry.agencies().stream().map(RegistryDao.AgencyRow::of).toList();
        Result result = postgres.inTransaction(handle -> {
            RegistryDao dao = handle.attach(RegistryDao.class);
            if (dao.lastLoadedSha256().filter(sha256::equals).isPresent()) {
                Result unchanged = new Result(false, registry.provinces().size(), registry.agencyCount(), 0, 0, sha256);
                inSameTransaction.accept(handle, unchanged);
                return unchanged;
            }
            int before = dao.countAgencies();
            dao.upsertProvinces(registry.provinces().stream().map(RegistryDao.ProvinceRow::of).toList());
            int written = Arrays.stream(dao.upsertAgencies(agencies)).sum();
            int inserted = dao.countAgencies() - before;
            int updated = written - inserted;
            dao.recordLoad(source, sha256, registry.provinces().size(), registry.agencyCount(), inserted, updated);
            Result loaded = new Result(true, registry.provinces().size(), registry.agencyCount(), inserted, updated, sha256);
            inSameTransaction.accept(handle, loaded);
            return loaded;
        });
        if (result.changed() || clickhouse.withExtension(AgencyDimensionDao.class, AgencyDimensionDao::countAgencies) != registry.agencyCount()) {
            clickhouse.useExtension(AgencyDimensionDao.class, dao -> dao.insert(agencies, clock.instant()));
            // The analytics read names through this dictionary: reload it now rather than at its next refresh.
            clickhouse.useHandle(handle -> handle.execute("SYSTEM RELOAD DICTIONARY agency_names"));
            new DataVersion(postgres).bump("registry " + sha256.substring(0, 12) + " from " + source);
        }
        LOG.info("Registry {}: {} provinces, {} agencies ({} new, {} changed) from {}",
                result.changed() ? "loaded" : "unchanged", result.provinces(), result.agencies(), result.inserted(),
                result.updated(), source);
        return result;
    }

    /** SHA-256 of the registry's canonical CSV form (provinces, then agencies in registry order). */
    static String fingerprint(AgencyRegistry registry) {
        StringWriter text = new StringWriter();
        for (Province p : registry.provinces()) {
            text.write(String.join("|", p.code(), p.nameTh(), p.nameEn(), p.region().name(),
                    Integer.toString(p.districtCount())) + "\n");
        }
        RegistryCsv.writeAgencies(text, registry.agencies());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
