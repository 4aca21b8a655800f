package org.itaoversight.api.exports;

import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Optional;

/** The download formats every comparison answers in, besides JSON: by {@code Accept}, or by {@code ?format=}. */
public enum ExportFormat {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<ExportFormat> of(MediaType type) {
        for (ExportFormat format : values()) {
            if (type != null && format.mediaType.equalsIgnoreCase(type.getType() + "/" + type.getSubtype())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** {@code csv} or {@code xlsx}, as {@code ?format=} names them. */
    public static Optional<ExportFormat> named(String name) {
        for (ExportFormat format : values()) {
            if (format.extension.equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
