package org.itaoversight.api.exports;

import io.dropwizard.core.setup.Environment;
import org.itaoversight.api.FeatureBundle;
import org.itaoversight.api.Platform;

/**
 * Downloads: every comparison the results and measures resources answer, also as CSV or XLSX at its own URL (by
 * {@code Accept} or {@code ?format=csv|xlsx}), through the same access checks as its JSON.
 */
public final class ExportsBundle implements FeatureBundle {

    @Override
    public void run(Platform platform, Environment environment) {
        environment.jersey().register(new ExportWriter(new ExportTables(platform.registry(), platform.catalog())));
        environment.jersey().register(new ExportFormatFilter());
    }
}
