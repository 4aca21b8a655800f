package org.itaoversight.api.ita.loading;

/**
 * The first row on which each key was seen, for finding duplicate rows among hundreds of thousands: long keys and row
 * numbers in two arrays (open addressing), no boxed entry per row. Not thread-safe; one per file read.
 */
final class FirstRows {

    private long[] keys;
    private long[] rows;
    private int size;

    /** @param expected how many keys are likely (the table grows past it) */
    FirstRows(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
        keys = new long[capacity];
        rows = new long[capacity];
    }

    /**
     * Records that {@code key} is on {@code row} (a row number, 1 or more) unless it was seen before.
     *
     * @return the row it was first seen on, or 0 when this is its first row
     */
    long putIfAbsent(long key, long row) {
        if (row < 1) {
            throw new IllegalArgumentException("row numbers start at 1, got " + row);
        }
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            if (rows[slot] == 0) {
                keys[slot] = key;
                rows[slot] = row;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return 0;
            }
            if (keys[slot] == key) {
                return rows[slot];
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new long[oldRows.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldRows[i] != 0) {
                int slot = slot(oldKeys[i], mask);
                while (rows[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                rows[slot] = oldRows[i];
            }
        }
    }

    /** Spreads the key's bits (the finaliser of MurmurHash3), so that keys differing in high digits spread too. */
    private static int slot(long key, int mask) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}
