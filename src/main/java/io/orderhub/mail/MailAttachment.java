package io.orderhub.mail;

/**
 * One attachment of a mail (or one entry of a zip attachment), as the mapper sees it.
 *
 * @param label        how problems and provenance name it: {@code attachment 2 'po.json'}
 * @param name         the file name it was sent under, or null
 * @param declaredType the content type the sender declared, lower case, without parameters
 * @param content      its decoded bytes; null when it was too large to read or could not be decoded
 * @param unreadable   why {@code content} is null
 */
public record MailAttachment(String label, String name, String declaredType, byte[] content, String unreadable) {

    static String label(int number, String name) {
        return "attachment " + number + (name == null || name.isBlank() ? " (no name)" : " '" + name + "'");
    }
}
