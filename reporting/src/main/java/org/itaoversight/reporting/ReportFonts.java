package org.itaoversight.reporting;

/**
 * Where the Sarabun files live on the classpath (fetched by the build, see src/build/fetch-fonts.sh): the reports embed
 * them, and the application serves the same files to the dashboard and the Keycloak login theme.
 */
public final class ReportFonts {

    /** The classpath directory of the font files, without a trailing slash. */
    public static final String DIRECTORY = "/org/itaoversight/reporting/fonts";

    private ReportFonts() {
    }

    /** The classpath resource of one face, e.g. {@code Sarabun-Regular}. */
    public static String resource(String face) {
        return DIRECTORY + "/" + face + ".ttf";
    }
}
