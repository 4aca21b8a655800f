package org.itaoversight.api.disclosure;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How small a group of agencies may be before its aggregate figures are withheld from readers beyond their scope. */
public class DisclosureConfiguration {

    @Min(2)
    @Max(100)
    private int minimumGroupSize = 5;

    @JsonProperty
    public int getMinimumGroupSize() {
        return minimumGroupSize;
    }

    @JsonProperty
    public void setMinimumGroupSize(int minimumGroupSize) {
        this.minimumGroupSize = minimumGroupSize;
    }
}
