package io.orderhub.edi;

import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDISimpleType;
import io.xlate.edi.schema.EDIType;
import io.xlate.edi.stream.EDIStreamValidationError;

/** Codes and wording of validation errors: what was found, and what the standard or schema expects. */
final class EdiErrorText {

    private EdiErrorText() {
    }

    static String code(EDIStreamValidationError type) {
        return switch (type) {
            case UNRECOGNIZED_SEGMENT_ID -> "unknown-segment";
            case UNEXPECTED_SEGMENT -> "unexpected-segment";
            case MANDATORY_SEGMENT_MISSING -> "mandatory-segment-missing";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES, SEGMENT_EXCEEDS_MAXIMUM_USE -> "too-many-repeats";
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> "segment-not-in-message";
            case SEGMENT_NOT_IN_PROPER_SEQUENCE -> "segment-out-of-order";
            case SEGMENT_HAS_DATA_ELEMENT_ERRORS -> "segment-has-element-errors";
            case REQUIRED_DATA_ELEMENT_MISSING -> "mandatory-element-missing";
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "conditional-element-missing";
            case TOO_MANY_DATA_ELEMENTS -> "too-many-elements";
            case EXCLUSION_CONDITION_VIOLATED -> "exclusion-violated";
            case TOO_MANY_REPETITIONS -> "too-many-repetitions";
            case TOO_MANY_COMPONENTS -> "too-many-components";
            case DATA_ELEMENT_TOO_SHORT -> "element-too-short";
            case DATA_ELEMENT_TOO_LONG -> "element-too-long";
            case INVALID_CHARACTER_DATA -> "invalid-characters";
            case INVALID_CODE_VALUE -> "invalid-code";
            case INVALID_DATE -> "invalid-date";
            case INVALID_TIME -> "invalid-time";
            case CONTROL_REFERENCE_MISMATCH -> "control-reference-mismatch";
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "control-count-mismatch";
            default -> type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        };
    }

    /**
     * The sentence for an error.
     *
     * @param tag       the segment the error was found at
     * @param text      the reader's text for the error: the segment tag concerned, or the element's data
     * @param reference the schema reference at the error, if any
     * @param actual    the actual count, for control count errors
     */
    static String message(EDIStreamValidationError type, String tag, String text, EDIReference reference, String actual) {
        String quoted = text == null ? "" : "'" + text + "'";
        return switch (type) {
            case UNRECOGNIZED_SEGMENT_ID -> "segment " + text + " is not a known segment";
            case UNEXPECTED_SEGMENT -> "segment " + text + " is not expected here: wrong position or not part of this message";
            case MANDATORY_SEGMENT_MISSING -> "mandatory segment " + text + " is missing before " + tag;
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "segment group starting with " + text + " repeats more often than allowed"
                    + maxOccurs(reference);
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> "segment " + text + " repeats more often than allowed" + maxOccurs(reference);
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> "segment " + text + " is not defined for this message";
            case SEGMENT_NOT_IN_PROPER_SEQUENCE -> "segment " + text + " is out of sequence";
            case SEGMENT_HAS_DATA_ELEMENT_ERRORS -> "segment " + tag + " has element errors";
            case REQUIRED_DATA_ELEMENT_MISSING -> "mandatory element" + named(reference) + " is missing";
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "element" + named(reference) + " is required by another element present";
            case TOO_MANY_DATA_ELEMENTS -> "segment " + tag + " has more elements than defined" + (text == null ? "" : " (" + quoted + ")");
            case EXCLUSION_CONDITION_VIOLATED -> "element" + named(reference) + " may not be used together with another element present";
            case TOO_MANY_REPETITIONS -> "element" + named(reference) + " repeats more often than allowed";
            case TOO_MANY_COMPONENTS -> "element has more components than defined" + (text == null ? "" : " (" + quoted + ")");
            case DATA_ELEMENT_TOO_SHORT -> quoted + " is shorter than the minimum length" + lengths(reference, text);
            case DATA_ELEMENT_TOO_LONG -> quoted + " is longer than the maximum length" + lengths(reference, text);
            case INVALID_CHARACTER_DATA -> quoted + " has characters not allowed" + base(reference);
            case INVALID_CODE_VALUE -> quoted + " is not a valid code" + named(reference);
            case INVALID_DATE -> quoted + " is not a valid date" + lengths(reference, text);
            case INVALID_TIME -> quoted + " is not a valid time" + lengths(reference, text);
            case CONTROL_REFERENCE_MISMATCH -> "control reference " + quoted + " does not match the header's";
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "control count " + quoted + " does not match the actual count"
                    + (actual == null ? "" : " " + actual);
            default -> type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + (text == null ? "" : ": " + quoted);
        };
    }

    private static String maxOccurs(EDIReference reference) {
        if (reference == null || reference.getMaxOccurs() <= 0) {
            return "";
        }
        return " (at most " + reference.getMaxOccurs() + ")";
    }

    private static String named(EDIReference reference) {
        EDIType t = reference == null ? null : reference.getReferencedType();
        return t == null || t.getCode() == null ? "" : " " + t.getCode();
    }

    /** The element's type and lengths; left out when they depend on the version (the value fits the general rule). */
    private static String lengths(EDIReference reference, String value) {
        EDIType t = reference == null ? null : reference.getReferencedType();
        if (t instanceof EDISimpleType s) {
            if (s.hasVersions() && value != null && value.length() >= s.getMinLength() && value.length() <= s.getMaxLength()) {
                return " for this version of " + s.getCode();
            }
            return " (" + s.getCode() + ": " + s.getBase().name().toLowerCase(java.util.Locale.ROOT) + " of "
                    + (s.getMinLength() == s.getMaxLength() ? s.getMaxLength() : s.getMinLength() + " to " + s.getMaxLength())
                    + " characters)";
        }
        return "";
    }

    private static String base(EDIReference reference) {
        EDIType t = reference == null ? null : reference.getReferencedType();
        if (t instanceof EDISimpleType s) {
            return " in " + s.getCode() + " (" + s.getBase().name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
        return "";
    }

    /** Element errors that concern a value's syntax, not its presence: warnings when found in envelope headers. */
    static boolean isValueSyntax(EDIStreamValidationError type) {
        return switch (type) {
            case DATA_ELEMENT_TOO_SHORT, DATA_ELEMENT_TOO_LONG, INVALID_CHARACTER_DATA, INVALID_CODE_VALUE, INVALID_DATE,
                 INVALID_TIME, TOO_MANY_COMPONENTS, TOO_MANY_DATA_ELEMENTS, TOO_MANY_REPETITIONS -> true;
            default -> false;
        };
    }
}
