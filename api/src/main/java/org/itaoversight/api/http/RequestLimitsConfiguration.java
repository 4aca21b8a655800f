package org.itaoversight.api.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.validation.MinDataSize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Limits on what a request may make the server read and answer: the largest body of each kind (counted as it is
 * read, after gzip inflation), and how many problems a refused file lists (the total is always given).
 */
public class RequestLimitsConfiguration {

    @NotNull
    @MinDataSize(1024)
    private DataSize maxJsonBody = DataSize.kibibytes(256);

    @NotNull
    @MinDataSize(1024)
    private DataSize maxResultFile = DataSize.mebibytes(64);

    @NotNull
    @MinDataSize(1024)
    private DataSize maxRegistryFile = DataSize.mebibytes(16);

    @NotNull
    @MinDataSize(1024)
    private DataSize maxMeasuresDocument = DataSize.mebibytes(20);

    @Min(1)
    @Max(10_000)
    private int maxProblems = 100;

    /** The largest body of a kind, in bytes. */
    public long maxBytes(BodyKind kind) {
        return switch (kind) {
            case JSON -> maxJsonBody.toBytes();
            case RESULT_FILE -> maxResultFile.toBytes();
            case REGISTRY_FILE -> maxRegistryFile.toBytes();
            case MEASURES_DOCUMENT -> maxMeasuresDocument.toBytes();
        };
    }

    @JsonProperty
    public DataSize getMaxJsonBody() {
        return maxJsonBody;
    }

    @JsonProperty
    public void setMaxJsonBody(DataSize maxJsonBody) {
        this.maxJsonBody = maxJsonBody;
    }

    @JsonProperty
    public DataSize getMaxResultFile() {
        return maxResultFile;
    }

    @JsonProperty
    public void setMaxResultFile(DataSize maxResultFile) {
        this.maxResultFile = maxResultFile;
    }

    @JsonProperty
    public DataSize getMaxRegistryFile() {
        return maxRegistryFile;
    }

    @JsonProperty
    public void setMaxRegistryFile(DataSize maxRegistryFile) {
        this.maxRegistryFile = maxRegistryFile;
    }

    @JsonProperty
    public DataSize getMaxMeasuresDocument() {
        return maxMeasuresDocument;
    }

    @JsonProperty
    public void setMaxMeasuresDocument(DataSize maxMeasuresDocument) {
        this.maxMeasuresDocument = maxMeasuresDocument;
    }

    @JsonProperty
    public int getMaxProblems() {
        return maxProblems;
    }

    @JsonProperty
    public void setMaxProblems(int maxProblems) {
        this.maxProblems = maxProblems;
    }
}
