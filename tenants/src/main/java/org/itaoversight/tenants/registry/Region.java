package org.itaoversight.tenants.registry;

/** The six geographic regions used in official Thai statistics. */
public enum Region {
    NORTH("ภาคเหนือ"),
    NORTHEAST("ภาคตะวันออกเฉียงเหนือ"),
    CENTRAL("ภาคกลาง"),
    EAST("ภาคตะวันออก"),
    WEST("ภาคตะวันตก"),
    SOUTH("ภาคใต้");

    private final String nameTh;

    Region(String nameTh) {
        this.nameTh = nameTh;
    }

    public String nameTh() {
        return nameTh;
    }
}
