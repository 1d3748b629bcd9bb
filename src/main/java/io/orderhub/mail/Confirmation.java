package io.orderhub.mail;

/**
 * One confirmation mail to send: to whom, the subject, the plain text, and the key that makes it one mail however
 * often it is asked for ({@code receipt:<document id>}, {@code erp:<order id>}).
 */
public record Confirmation(String key, String to, String subject, String text) {
}
