package org.itaoversight.tenants.registry;

import java.util.Arrays;
import java.util.Optional;

/**
 * The forms of local administrative organization (องค์กรปกครองส่วนท้องถิ่น, อปท.).
 * The code digit is the first digit of an agency code in this platform's code scheme.
 */
public enum AgencyType {
    /** องค์การบริหารส่วนจังหวัด — one per province outside Bangkok. */
    PROVINCIAL_ADMINISTRATION('2', "องค์การบริหารส่วนจังหวัด", "อบจ."),
    CITY_MUNICIPALITY('3', "เทศบาลนคร", "ทน."),
    TOWN_MUNICIPALITY('4', "เทศบาลเมือง", "ทม."),
    SUBDISTRICT_MUNICIPALITY('5', "เทศบาลตำบล", "ทต."),
    /** องค์การบริหารส่วนตำบล. */
    SUBDISTRICT_ADMINISTRATION('6', "องค์การบริหารส่วนตำบล", "อบต."),
    /** The two special forms: กรุงเทพมหานคร and เมืองพัทยา. */
    SPECIAL('1', "การปกครองส่วนท้องถิ่นรูปแบบพิเศษ", "พิเศษ");

    private final char codeDigit;
    private final String nameTh;
    private final String abbreviationTh;

    AgencyType(char codeDigit, String nameTh, String abbreviationTh) {
        this.codeDigit = codeDigit;
        this.nameTh = nameTh;
        this.abbreviationTh = abbreviationTh;
    }

    public char codeDigit() {
        return codeDigit;
    }

    /** The form's full Thai name, which is also the prefix of its agencies' official names. */
    public String nameTh() {
        return nameTh;
    }

    public String abbreviationTh() {
        return abbreviationTh;
    }

    /**
     * Parses a type as written in a code list: the enum name, the short keys used in CSV files
     * ({@code PAO}, {@code SAO}, …), the Thai name or its abbreviation.
     */
    public static Optional<AgencyType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return switch (t) {
            case "PAO" -> Optional.of(PROVINCIAL_ADMINISTRATION);
            case "SAO" -> Optional.of(SUBDISTRICT_ADMINISTRATION);
            case "CITY" -> Optional.of(CITY_MUNICIPALITY);
            case "TOWN" -> Optional.of(TOWN_MUNICIPALITY);
            case "SUBDISTRICT" -> Optional.of(SUBDISTRICT_MUNICIPALITY);
            default -> Arrays.stream(values())
                    .filter(type -> type.name().equals(t) || type.nameTh.equals(t) || type.abbreviationTh.equals(t))
                    .findFirst();
        };
    }
}
