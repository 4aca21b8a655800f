package org.itaoversight.api.measures;

/** Where a measure stands. */
public enum MeasureStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED
}
