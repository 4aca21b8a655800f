package org.itaoversight.tenants.registry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A local administrative organization: one tenant of the platform.
 *
 * @param code         the agency code, a string of digits (leading zeros are significant)
 * @param nameTh       the official Thai name, e.g. {@code องค์การบริหารส่วนตำบลบางระกำ}
 * @param provinceCode the two-digit code of its province
 * @param districtTh   the district (อำเภอ) name without the word อำเภอ
 */
public record Agency(String code, String nameTh, AgencyType type, String provinceCode, String districtTh) {

    private static final Pattern CODE = Pattern.compile("[0-9]{5,10}");

    public Agency {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameTh, "nameTh");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(provinceCode, "provinceCode");
        Objects.requireNonNull(districtTh, "districtTh");
        if (!isValidCode(code)) {
            throw new IllegalArgumentException("agency code must be 5–10 digits, got '" + code + "'");
        }
        if (nameTh.isBlank()) {
            throw new IllegalArgumentException("agency " + code + " has no Thai name");
        }
        if (!Province.isValidCode(provinceCode)) {
            throw new IllegalArgumentException("agency " + code + " has an invalid province code '" + provinceCode + "'");
        }
    }

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The name as agencies write it in short: {@code อบต.บางระกำ}, {@code ทต.ท่าช้าง}. */
    public String shortNameTh() {
        if (type != AgencyType.SPECIAL && nameTh.startsWith(type.nameTh())) {
            return type.abbreviationTh() + nameTh.substring(type.nameTh().length());
        }
        return nameTh;
    }
}
