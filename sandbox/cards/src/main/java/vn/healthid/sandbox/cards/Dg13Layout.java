package vn.healthid.sandbox.cards;

import java.util.List;

/**
 * How a card's DG13 is laid out: the shapes public CCCD reader code has seen (the repository's docs/cccd-chip.md).
 * A card gets one by seed ({@link #forCitizen}) unless its {@link CardSpec} names one.
 */
public enum Dg13Layout {
    /** Items directly under 6D; field 13 holds two UTF8Strings, field 14 one (the sandbox's first layout). */
    FLAT_STRINGS(false, Parents.STRINGS, false, false),
    /** The same inside one outer SEQUENCE. */
    WRAPPED_STRINGS(true, Parents.STRINGS, false, false),
    /** Flat; SEQUENCE { INTEGER 13, SEQUENCE { UTF8String }, SEQUENCE { UTF8String } }, spouse nested the same way. */
    FLAT_NESTED_PER_PARENT(false, Parents.ONE_SEQUENCE_EACH, false, false),
    /** Wrapped; SEQUENCE { INTEGER 13, SEQUENCE { UTF8String, UTF8String } }, spouse nested the same way. */
    WRAPPED_NESTED_PAIR(true, Parents.ONE_SEQUENCE_FOR_BOTH, false, false),
    /** Wrapped, one SEQUENCE per parent, an empty field 15 and ids 17 and 18 no reader names. */
    WRAPPED_NESTED_EXTRA_IDS(true, Parents.ONE_SEQUENCE_EACH, true, false),
    /** Flat, both parents in one SEQUENCE, and the optional fields 6, 7, 10, 14 and 16 left out. */
    FLAT_NESTED_PAIR_SPARSE(false, Parents.ONE_SEQUENCE_FOR_BOTH, false, true);

    /** How fields 13 (parents) and 14 (spouse) carry their names. */
    enum Parents {
        STRINGS,
        ONE_SEQUENCE_EACH,
        ONE_SEQUENCE_FOR_BOTH
    }

    /** Fields a sparse card leaves out: none of them decides anything. */
    static final List<Integer> SPARSE_OMITS = List.of(6, 7, 10, 14, 16);

    final boolean wrapped;
    final Parents parents;
    final boolean extraIds;
    final boolean sparse;

    Dg13Layout(boolean wrapped, Parents parents, boolean extraIds, boolean sparse) {
        this.wrapped = wrapped;
        this.parents = parents;
        this.extraIds = extraIds;
        this.sparse = sparse;
    }

    /**
     * The layout of a citizen's card: a function of the number alone, so that it is fixed by the population's seed
     * and draws nothing from the seed's random stream (numbers, names and keys stay what they were).
     */
    public static Dg13Layout forCitizen(Citizen citizen) {
        long number = Long.parseLong(citizen.number());
        return values()[(int) Math.floorMod(number * 0x9E3779B97F4A7C15L >>> 33, (long) values().length)];
    }

    public boolean wrapped() {
        return wrapped;
    }
}
