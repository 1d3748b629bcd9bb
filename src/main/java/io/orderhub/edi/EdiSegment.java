package io.orderhub.edi;

import java.util.Arrays;

/**
 * One segment as read, with every non-empty value and its position: element (1-based), component (1-based, 0 for a
 * simple element) and repetition (1 for the first occurrence). Values are kept as separate String instances so that
 * a value handed to a mapping can be traced back to its exact position.
 */
public final class EdiSegment implements EdiNode {

    private final String tag;
    private final int position;
    private String[] values = new String[8];
    private short[] elements = new short[8];
    private short[] components = new short[8];
    private short[] repetitions = new short[8];
    private int size;

    public EdiSegment(String tag, int position) {
        this.tag = tag;
        this.position = position;
    }

    public String tag() {
        return tag;
    }

    /** 1-based position within the message (header = 1), or within the interchange for envelope segments. */
    public int position() {
        return position;
    }

    public int size() {
        return size;
    }

    public String valueAt(int index) {
        return values[index];
    }

    public int elementAt(int index) {
        return elements[index];
    }

    public int componentAt(int index) {
        return components[index];
    }

    public int repetitionAt(int index) {
        return repetitions[index];
    }

    /** The first occurrence's value at element {@code e}, component {@code c} (0 for a simple element), or null. */
    public String value(int e, int c) {
        for (int i = 0; i < size; i++) {
            if (elements[i] == e && repetitions[i] == 1 && (components[i] == c || (c <= 1 && components[i] <= 1))) {
                return values[i];
            }
        }
        return null;
    }

    /** The value at element {@code e} (its first component when it is a composite), or null. */
    public String value(int e) {
        return value(e, 0);
    }

    /** The first value of the segment (the qualifier of most EDIFACT and X12 segments), or null. */
    public String first() {
        return size == 0 || elements[0] != 1 ? null : values[0];
    }

    /** The index of this exact String instance among the segment's values, or -1. */
    public int indexOfInstance(String value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first value equal to {@code value}, or -1. */
    public int indexOfValue(String value) {
        for (int i = 0; i < size; i++) {
            if (values[i].equals(value)) {
                return i;
            }
        }
        return -1;
    }

    void add(String value, int element, int component, int repetition) {
        if (size == values.length) {
            int n = size * 2;
            values = Arrays.copyOf(values, n);
            elements = Arrays.copyOf(elements, n);
            components = Arrays.copyOf(components, n);
            repetitions = Arrays.copyOf(repetitions, n);
        }
        values[size] = value;
        elements[size] = (short) element;
        components[size] = (short) component;
        repetitions[size] = (short) repetition;
        size++;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(tag);
        for (int i = 0; i < size; i++) {
            b.append(' ').append(elements[i]);
            if (components[i] > 0) {
                b.append('.').append(components[i]);
            }
            b.append('=').append(values[i]);
        }
        return b.toString();
    }
}
