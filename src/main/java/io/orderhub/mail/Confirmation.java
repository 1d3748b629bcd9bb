package io.orderhub.mail;

/** One confirmation mail to send: to whom, the subject, the plain text. */
public record Confirmation(String to, String subject, String text) {
}
