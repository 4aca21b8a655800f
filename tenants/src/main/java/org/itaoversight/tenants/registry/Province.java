package org.itaoversight.tenants.registry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A province (จังหวัด), identified by its two-digit code as used in Thai government statistics
 * (10 = กรุงเทพมหานคร, 30 = นครราชสีมา, …).
 *
 * @param districtCount number of districts (อำเภอ); used to size the generated national registry
 */
public record Province(String code, String nameTh, String nameEn, Region region, int districtCount) {

    private static final Pattern CODE = Pattern.compile("[1-9][0-9]");

    public Province {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameTh, "nameTh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(region, "region");
        if (!isValidCode(code)) {
            throw new IllegalArgumentException("province code must be two digits 10–99, got '" + code + "'");
        }
        if (nameTh.isBlank()) {
            throw new IllegalArgumentException("province " + code + " has no Thai name");
        }
        if (districtCount < 1) {
            throw new IllegalArgumentException("province " + code + " must have at least one district");
        }
    }

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
