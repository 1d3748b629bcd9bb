package io.orderhub.validation;

import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.OrderLine;
import io.orderhub.model.Party;
import io.orderhub.model.Problem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Business validation of a canonical order. It never rejects: the problems it finds send the order to
 * NEEDS_REVIEW, where a person sees them next to the original.
 */
public final class OrderValidator {

    private static final java.util.regex.Pattern ISO_CURRENCY = java.util.regex.Pattern.compile("[A-Z]{3}");


    private final PartnerDirectory partners;
    private final ValidationRules rules;

    public OrderValidator(PartnerDirectory partners, ValidationRules rules) {
        this.partners = partners;
        this.rules = rules;
    }

    public List<Problem> validate(CanonicalOrder order) {
        List<Problem> problems = new ArrayList<>();
        requiredHeader(order, problems);
        Optional<Partner> partner = partners.find(order.sender());
        if (rules.knownCustomer()) {
            knownCustomer(order, partner, problems);
        }
        Optional<Catalogue> catalogue = rules.catalogue() && partner.isPresent()
                ? partners.catalogue(partner.get().id()) : Optional.empty();
        double tolerance = partner.map(Partner::priceTolerancePercent).orElse(null) != null
                ? partner.get().priceTolerancePercent() : rules.defaultPriceTolerancePercent();
        for (int i = 0; i < order.lines().size(); i++) {
            line(order.lines().get(i), "/lines/" + i, catalogue, tolerance, problems);
        }
        return problems;
    }

    private void requiredHeader(CanonicalOrder o, List<Problem> problems) {
        require("poNumber", o.poNumber(), problems);
        require("orderDate", o.orderDate(), problems);
        require("requestedDeliveryDate", o.requestedDeliveryDate(), problems);
        require("currency", o.currency(), problems);
        if (o.currency() != null && !o.currency().isBlank() && !ISO_CURRENCY.matcher(o.currency()).matches()) {
            problems.add(new Problem("/currency", "bad-currency", "currency '" + o.currency()
                    + "' is not an ISO 4217 code (three capital letters, such as EUR)"));
        }
        requireParty("buyer", o.buyer(), problems);
        requireParty("shipTo", o.shipTo(), problems);
        requireParty("billTo", o.billTo(), problems);
        if (rules.requiredFields().contains("lines") && o.lines().isEmpty()) {
            problems.add(new Problem("/lines", "required", "the order has no lines"));
        }
    }

    private void require(String field, Object value, List<Problem> problems) {
        if (rules.requiredFields().contains(field) && (value == null || value.toString().isBlank())) {
            problems.add(new Problem("/" + field, "required", field + " is missing"));
        }
    }

    private void requireParty(String field, Party party, List<Problem> problems) {
        if (rules.requiredFields().contains(field)
                && (party == null || (isBlank(party.bestId()) && isBlank(party.name())))) {
            problems.add(new Problem("/" + field, "required", field + " has neither an identifier nor a name"));
        }
    }

    private void knownCustomer(CanonicalOrder o, Optional<Partner> partner, List<Problem> problems) {
        if (partner.isEmpty()) {
            problems.add(new Problem("/sender", "unknown-sender",
                    "sender '" + o.sender() + "' is not a known partner"));
            return;
        }
        if (partner.get().anyCustomer()) {
            return;
        }
        String customer = o.effectiveCustomerId();
        boolean known = partner.get().knowsCustomer(customer)
                || (o.buyer() != null && (partner.get().knowsCustomer(o.buyer().id())
                || partner.get().knowsCustomer(o.buyer().gln()) || partner.get().knowsCustomer(o.buyer().duns())));
        if (!known) {
            String where = o.customerId() != null ? "/customerId" : "/buyer";
            problems.add(new Problem(where, "unknown-customer", "customer '" + customer
                    + "' is not a customer of partner " + partner.get().id()));
        }
    }

    private void line(OrderLine l, String at, Optional<Catalogue> catalogue, double tolerance, List<Problem> problems) {
        if (l.quantity() == null) {
            if (rules.requiredFields().contains("lines.quantity")) {
                problems.add(new Problem(at + "/quantity", "required", "quantity is missing"));
            }
        } else if (l.quantity().signum() <= 0) {
            problems.add(new Problem(at + "/quantity", "not-positive", "quantity must be positive, is " + l.quantity()));
        }
        if (rules.requiredFields().contains("lines.unitPrice") && l.unitPrice() == null) {
            problems.add(new Problem(at + "/unitPrice", "required", "unit price is missing"));
        }
        if (l.unitPrice() != null && l.unitPrice().signum() < 0) {
            problems.add(new Problem(at + "/unitPrice", "negative", "unit price is negative: " + l.unitPrice()));
        }
        boolean hasItem = !isBlank(l.buyerItem()) || !isBlank(l.supplierItem()) || !isBlank(l.gtin());
        if (!hasItem) {
            if (rules.requiredFields().contains("lines.item")) {
                problems.add(new Problem(at, "required", "line has no item number (buyerItem, supplierItem or gtin)"));
            }
            return;
        }
        if (catalogue.isEmpty()) {
            return;
        }
        Optional<Catalogue.Item> item = catalogue.get().find(l.supplierItem(), l.buyerItem(), l.gtin());
        if (item.isEmpty()) {
            problems.add(new Problem(at, "unknown-item", "item " + firstNonBlank(l.supplierItem(), l.buyerItem(), l.gtin())
                    + " is not in the partner's catalogue"));
            return;
        }
        BigDecimal agreed = item.get().unitPrice();
        if (agreed != null && l.unitPrice() != null && agreed.signum() > 0) {
            BigDecimal deviation = l.unitPrice().subtract(agreed).abs()
                    .multiply(BigDecimal.valueOf(100)).divide(agreed, 2, RoundingMode.HALF_UP);
            if (deviation.doubleValue() > tolerance) {
                problems.add(new Problem(at + "/unitPrice", "price-out-of-tolerance", "unit price " + l.unitPrice()
                        + " differs " + deviation + "% from the catalogue price " + agreed + " (tolerance " + tolerance + "%)"));
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!isBlank(v)) {
                return v;
            }
        }
        return null;
    }
}
