package io.orderhub.mapping;

/** The stable codes of the problems a {@link JsonOrderMapper} reports; each problem's path is a JSON pointer. */
public final class ProblemCodes {

    /** The body is not JSON; the path is "line L, column C". */
    public static final String BAD_JSON = "bad-json";
    /** None of the mapping's root pointers holds a JSON object. */
    public static final String ROOT_NOT_FOUND = "root-not-found";
    /** The line-item array is absent. */
    public static final String MISSING = "missing";
    /** The line-item array is empty and the mapping requires lines. */
    public static final String NO_LINES = "no-lines";
    /** A value has the wrong JSON type (an object where a text is expected, line items that are not an array). */
    public static final String WRONG_TYPE = "wrong-type";
    /** A number field holds a string that is not a number. */
    public static final String NOT_A_NUMBER = "not-a-number";
    /** A line number is not a whole number of at least 1. */
    public static final String NOT_A_WHOLE_NUMBER = "not-a-whole-number";
    /** A date field holds a string that is neither an ISO date nor an ISO date-time. */
    public static final String NOT_A_DATE = "not-a-date";

    private ProblemCodes() {
    }
}
