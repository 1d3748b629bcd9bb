package io.orderhub.model;

/**
 * One thing wrong with an input or an order: where (a JSON pointer, an EDI locator, a file and line) and what.
 *
 * @param path    the place, as precise as the format allows
 * @param code    a stable machine-readable code, e.g. {@code schema}, {@code required}, {@code unknown-customer}
 * @param message what is wrong, for a person
 */
public record Problem(String path, String code, String message) {
}
