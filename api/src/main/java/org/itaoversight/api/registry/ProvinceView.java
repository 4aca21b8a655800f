package org.itaoversight.api.registry;

/** A province as the API shows it, with the number of agencies (tenants) registered in it. */
public record ProvinceView(String code, String nameTh, String nameEn, String region, String regionTh, int agencyCount) {
}
