package io.orderhub.edi;

import io.orderhub.model.Problem;
import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * One thing wrong with an interchange, a group or a message, located independently of the file's layout.
 *
 * @param level            where the error belongs: the interchange envelope, a group envelope or a message
 * @param severity         {@link Severity#ERROR} rejects the message (or flags the envelope); {@link Severity#WARNING}
 *                         reports a header value that breaks the syntax rules but does not stop processing
 * @param code             a stable code, e.g. {@code too-many-repeats}, {@code mandatory-segment-missing}
 * @param type             StAEDI's validation error, for acknowledgements (null for OrderHub's own checks)
 * @param segmentPosition  1-based position of the segment: within the message for message errors, within the
 *                         interchange for envelope errors; 0 when unknown
 * @param segmentTag       the segment the error was found at
 * @param elementPosition  1-based element position, 0 when the error concerns the whole segment
 * @param componentPosition 1-based component position, 0 for a simple element or the whole element
 * @param referenceCode    the data element number (e.g. {@code 1004}) or the expected segment tag, when known
 * @param value            the offending data, when there is some
 * @param path             where, e.g. {@code UNB 6002 / UNH SSDD1 / segment 38 DTM / element 1.2}
 * @param message          what was found and what was expected
 */
public record EdiError(Level level, Severity severity, String code, EDIStreamValidationError type, int segmentPosition,
                       String segmentTag, int elementPosition, int componentPosition, String referenceCode, String value,
                       String path, String message) {

    /** The envelope level an error belongs to. */
    public enum Level { DOCUMENT, INTERCHANGE, GROUP, MESSAGE }

    /** Whether an error rejects what it is found in. */
    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Problem toProblem() {
        return new Problem(path, code, message);
    }
}
