package io.orderhub.edi.ack;

import io.orderhub.edi.EdiError;
import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * The error codes the standards define for acknowledgements, from the validation errors the reader found:
 * EDIFACT syntax error codes (0085, used in UCI/UCF/UCM/UCS/UCD of CONTRL), X12 segment syntax error codes (720, AK304 /
 * IK304), element syntax error codes (723, AK403 / IK403), transaction set (718, AK502 / IK502), functional group
 * (716, AK905) and interchange note codes (I18, TA105).
 */
public final class SyntaxCodes {

    /** EDIFACT 0085 "Duplicate detected". */
    public static final String EDIFACT_DUPLICATE = "26";
    /** X12 TA105 "Duplicate Interchange Control Number". */
    public static final String X12_TA1_DUPLICATE = "025";

    private SyntaxCodes() {
    }

    /** EDIFACT syntax error code (0085) of an error. */
    public static String edifact(EdiError e) {
        EDIStreamValidationError t = e.type();
        if (t == null) {
            return switch (e.code()) {
                case "message-incomplete", "interchange-trailer-missing" -> "13"; // missing
                default -> "18"; // unspecified error
            };
        }
        return switch (t) {
            case MANDATORY_SEGMENT_MISSING, REQUIRED_DATA_ELEMENT_MISSING, CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING,
                 CONDITIONAL_REQUIRED_SEGMENT_MISSING, IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING,
                 IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING -> "13"; // missing
            case INVALID_CODE_VALUE, IMPLEMENTATION_INVALID_CODE_VALUE, INVALID_DATE, INVALID_TIME,
                 IMPLEMENTATION_PATTERN_MATCH_FAILURE -> "12"; // invalid value
            case UNRECOGNIZED_SEGMENT_ID, UNEXPECTED_SEGMENT, SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET,
                 SEGMENT_NOT_IN_PROPER_SEQUENCE, EXCLUSION_CONDITION_VIOLATED, SEGMENT_EXCLUSION_CONDITION_VIOLATED,
                 IMPLEMENTATION_UNUSED_SEGMENT_PRESENT, IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT,
                 IMPLEMENTATION_DEPENDENT_UNUSED_SEGMENT_PRESENT,
                 IMPLEMENTATION_DEPENDENT_UNUSED_DATA_ELEMENT_PRESENT -> "15"; // not supported in this position
            case TOO_MANY_DATA_ELEMENTS, TOO_MANY_COMPONENTS -> "16"; // too many constituents
            case SEGMENT_EXCEEDS_MAXIMUM_USE, TOO_MANY_REPETITIONS -> "35"; // too many repetitions
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "36"; // too many segment group repetitions
            case INVALID_CHARACTER_DATA -> "21"; // invalid character(s)
            case DATA_ELEMENT_TOO_LONG -> "39";
            case DATA_ELEMENT_TOO_SHORT -> "40";
            case CONTROL_REFERENCE_MISMATCH -> "28"; // references do not match
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "29"; // control count does not match
            default -> "18";
        };
    }

    /** X12 segment syntax error code (720 / 620) of a segment-level error; "8" for a segment with element errors. */
    public static String x12Segment(EdiError e, boolean x999) {
        EDIStreamValidationError t = e.type();
        if (t == null || e.elementPosition() > 0) {
            return "8";
        }
        return switch (t) {
            case UNRECOGNIZED_SEGMENT_ID -> "1";
            case UNEXPECTED_SEGMENT -> "2";
            case MANDATORY_SEGMENT_MISSING -> "3";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "4";
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> "5";
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> "6";
            case SEGMENT_NOT_IN_PROPER_SEQUENCE -> "7";
            case IMPLEMENTATION_UNUSED_SEGMENT_PRESENT -> x999 ? "I4" : "2";
            case IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING -> x999 ? "I6" : "3";
            case IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES -> x999 ? "I7" : "3";
            case IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE -> x999 ? "I8" : "3";
            case IMPLEMENTATION_DEPENDENT_UNUSED_SEGMENT_PRESENT -> x999 ? "I9" : "2";
            default -> "8";
        };
    }

    /** X12 element syntax error code (723 / 621) of an element-level error. */
    public static String x12Element(EdiError e, boolean x999) {
        EDIStreamValidationError t = e.type();
        if (t == null) {
            return "1";
        }
        return switch (t) {
            case REQUIRED_DATA_ELEMENT_MISSING -> "1";
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "2";
            case TOO_MANY_DATA_ELEMENTS -> "3";
            case DATA_ELEMENT_TOO_SHORT -> "4";
            case DATA_ELEMENT_TOO_LONG -> "5";
            case INVALID_CHARACTER_DATA -> "6";
            case INVALID_CODE_VALUE -> "7";
            case INVALID_DATE -> "8";
            case INVALID_TIME -> "9";
            case EXCLUSION_CONDITION_VIOLATED -> "10";
            case TOO_MANY_REPETITIONS -> "12";
            case TOO_MANY_COMPONENTS -> "13";
            case IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT -> x999 ? "I10" : "10";
            case IMPLEMENTATION_TOO_FEW_REPETITIONS -> x999 ? "I11" : "1";
            case IMPLEMENTATION_PATTERN_MATCH_FAILURE -> x999 ? "I12" : "6";
            case IMPLEMENTATION_DEPENDENT_UNUSED_DATA_ELEMENT_PRESENT -> x999 ? "I9" : "10";
            case IMPLEMENTATION_INVALID_CODE_VALUE -> x999 ? "I13" : "7";
            case IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING -> x999 ? "I6" : "1";
            default -> "1";
        };
    }

    /**
     * X12 transaction set syntax error code (718, AK502 / IK502) of an error found at the message's own envelope
     * (ST/SE), or "5" (one or more segments in error).
     */
    public static String x12Message(EdiError e) {
        if ("message-incomplete".equals(e.code())) {
            return "2"; // transaction set trailer missing
        }
        if (e.type() == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH) {
            return "3"; // control number in header and trailer do not match
        }
        if (e.type() == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
            return "4"; // number of included segments does not match actual count
        }
        if ("ST".equals(e.segmentTag())) {
            return e.elementPosition() == 1 ? "6" : "7"; // missing or invalid identifier / control number
        }
        return "5";
    }

    /** X12 functional group error code (716, AK905) of an error at GS/GE. */
    public static String x12Group(EdiError e) {
        if ("GE".equals(e.segmentTag()) && e.type() == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH) {
            return "4";
        }
        if (e.type() == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
            return "5";
        }
        if ("GS".equals(e.segmentTag()) && e.elementPosition() == 6) {
            return "6";
        }
        if (e.type() == EDIStreamValidationError.MANDATORY_SEGMENT_MISSING && "GE".equals(e.referenceCode())) {
            return "3"; // functional group trailer missing
        }
        return "5";
    }

    /** X12 interchange note code (I18, TA105) of an error at ISA/IEA. */
    public static String x12Interchange(EdiError e) {
        if (e.type() == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH) {
            return "001";
        }
        if (e.type() == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
            return "021";
        }
        if ("interchange-trailer-missing".equals(e.code())) {
            return "023";
        }
        if ("ISA".equals(e.segmentTag())) {
            return switch (e.elementPosition()) {
                case 5 -> "005";
                case 6 -> "006";
                case 7 -> "007";
                case 8 -> "008";
                case 9 -> "014";
                case 10 -> "015";
                case 12 -> "017";
                case 13 -> "018";
                case 14 -> "019";
                case 15 -> "020";
                default -> "022";
            };
        }
        return "024";
    }
}
