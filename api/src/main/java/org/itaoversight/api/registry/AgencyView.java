package org.itaoversight.api.registry;

import org.itaoversight.tenants.registry.Agency;

/** An agency (tenant) as the API shows it. */
public record AgencyView(String code, String nameTh, String shortNameTh, String type, String typeTh,
                         String provinceCode, String districtTh) {

    public static AgencyView of(Agency agency) {
        return new AgencyView(agency.code(), agency.nameTh(), agency.shortNameTh(), agency.type().name(),
                agency.type().nameTh(), agency.provinceCode(), agency.districtTh());
    }
}
