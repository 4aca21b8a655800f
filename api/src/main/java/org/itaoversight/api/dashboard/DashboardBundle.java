package org.itaoversight.api.dashboard;

import io.dropwizard.core.setup.Environment;
import org.itaoversight.api.FeatureBundle;
import org.itaoversight.api.Platform;
import org.itaoversight.api.registry.RegistrySource;

/**
 * The dashboard: its sign-in settings ({@code /api/v1/dashboard/config}). Its static files ({@code /app/}) and
 * fonts ({@code /fonts/}) are Dropwizard asset bundles added at bootstrap ({@link #assets}).
 */
public final class DashboardBundle implements FeatureBundle {

    /** The dashboard's files and the reports' Sarabun fonts, served by the application itself. */
    public static java.util.List<io.dropwizard.assets.AssetsBundle> assets() {
        return java.util.List.of(new io.dropwizard.assets.AssetsBundle("/assets/app", "/app", "index.html", "dashboard"),
                new io.dropwizard.assets.AssetsBundle(org.itaoversight.reporting.ReportFonts.DIRECTORY, "/fonts", null, "fonts"));
    }

    @Override
    public void run(Platform platform, Environment environment) {
        environment.jersey().register(new DashboardConfigResource(platform.issuer(), platform.catalog(), platform.clock(),
                () -> platform.registry().latestLoadSource().map(source -> source.startsWith(RegistrySource.GENERATED))
                        .orElse(false)));
    }
}
