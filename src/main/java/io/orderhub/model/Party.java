package io.orderhub.model;

/**
 * A party of an order (buyer, ship-to, bill-to, seller). {@code id} is the identifier the sender used;
 * {@code gln} and {@code duns} are set when the sender says which scheme the identifier belongs to.
 */
public record Party(
        String id,
        String gln,
        String duns,
        String name,
        String street,
        String city,
        String postalCode,
        String country) {

    /** The GLN if given, else the DUNS, else the sender's own identifier. */
    public String bestId() {
        if (gln != null && !gln.isBlank()) {
            return gln;
        }
        if (duns != null && !duns.isBlank()) {
            return duns;
        }
        return id;
    }
}
