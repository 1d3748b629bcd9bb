package io.orderhub.edi.mapping;

import io.orderhub.model.Party;

/**
 * A party as a mapping binds it (EDIFACT NAD, X12 N1 loop). Which identifier is a GLN or a DUNS number is decided by
 * the mapping (by the code list agency or identification qualifier), not here. The mapping makes one per NAD group /
 * N1 loop and says which roles it plays ({@link #asBuyer} ...: bound from the group's qualifier where it equals the
 * role's qualifier); the order takes, for each role, the first party that plays it.
 */
public class PartyBuilder {

    /** The order's party roles. */
    enum Role { BUYER, SELLER, SHIP_TO, BILL_TO }

    private int roles;

    private Located id;
    private Located gln;
    private Located duns;
    private final TextField name = new TextField();
    private final TextField nameAndAddress = new TextField();
    private final TextField street = new TextField();
    private Located city;
    private Located postalCode;
    private Located country;

    /** This party is the buyer (the value bound is the qualifier that said so). */
    public void asBuyer(String qualifier) {
        roles |= 1 << Role.BUYER.ordinal();
    }

    public void asSeller(String qualifier) {
        roles |= 1 << Role.SELLER.ordinal();
    }

    public void asShipTo(String qualifier) {
        roles |= 1 << Role.SHIP_TO.ordinal();
    }

    public void asBillTo(String qualifier) {
        roles |= 1 << Role.BILL_TO.ordinal();
    }

    boolean plays(Role role) {
        return (roles & 1 << role.ordinal()) != 0;
    }

    public void setId(String v) {
        if (id == null) {
            id = Located.of(v);
        }
    }

    public void setGln(String v) {
        if (gln == null) {
            gln = Located.of(v);
        }
    }

    public void setDuns(String v) {
        if (duns == null) {
            duns = Located.of(v);
        }
    }

    /** A DUNS number with a four-character suffix (X12 qualifier 9): the DUNS number is its first nine digits. */
    public void setDunsWithSuffix(String v) {
        if (duns == null && v != null) {
            String digits = v.strip();
            Located l = Located.of(v);
            duns = new Located(digits.length() > 9 ? digits.substring(0, 9) : digits, l.ref());
        }
    }

    /** The party's name; several values of the same segment are joined. */
    public void setName(String v) {
        name.set(v);
    }

    /** A continuation of the name from another segment (X12 N2). */
    public void setNameContinued(String v) {
        name.append(v);
    }

    /** Unstructured name and address lines (EDIFACT C058): the name when no structured name is bound. */
    public void setNameAndAddress(String v) {
        nameAndAddress.set(v);
    }

    /** Street lines; several values of the same segment are joined. */
    public void setStreet(String v) {
        street.set(v);
    }

    public void setCity(String v) {
        if (city == null) {
            city = Located.of(v);
        }
    }

    public void setPostalCode(String v) {
        if (postalCode == null) {
            postalCode = Located.of(v);
        }
    }

    public void setCountry(String v) {
        if (country == null) {
            country = Located.of(v);
        }
    }

    Party build(String pointer, Assembly a) {
        Party p = new Party(a.text(pointer + "/id", id), a.text(pointer + "/gln", gln), a.text(pointer + "/duns", duns),
                a.text(pointer + "/name", name.value() != null ? name : nameAndAddress), a.text(pointer + "/street", street), a.text(pointer + "/city", city),
                a.text(pointer + "/postalCode", postalCode), a.text(pointer + "/country", country));
        return p.id() == null && p.gln() == null && p.duns() == null && p.name() == null ? null : p;
    }
}
