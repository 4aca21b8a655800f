package org.itaoversight.api.ita.loading;

/**
 * The first row on which each key was seen, for finding duplicate rows among hundreds of thousands: long keys and row
 * numbers side by side in one array (open addressing: a key and its row share a cache line, so a lookup costs one
 * miss, not two), no boxed entry per row. Not thread-safe; one per file read.
 */
final class FirstRows {

    /** Slot i holds its key at 2i and its row at 2i + 1; a row of 0 marks an empty slot. */
    private long[] slots;
    private int capacity;
    private int size;

    /** @param expected how many keys are likely (the table grows past it) */
    FirstRows(int expected) {
        capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
        slots = new long[capacity * 2];
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
        int mask = capacity - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            long seen = slots[2 * slot + 1];
            if (seen == 0) {
                slots[2 * slot] = key;
                slots[2 * slot + 1] = row;
                if (++size * 2 > capacity) {
                    grow();
                }
                return 0;
            }
            if (slots[2 * slot] == key) {
                return seen;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        capacity *= 2;
        slots = new long[capacity * 2];
        int mask = capacity - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                int slot = slot(old[i], mask);
                while (slots[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = old[i];
                slots[2 * slot + 1] = old[i + 1];
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
