package io.orderhub.xml;

import java.util.ArrayList;
import java.util.List;

/** The state of one document while it streams through Smooks: open elements, open scopes and the orders found. */
final class XmlParse {

    final List<XmlFrame> frames = new ArrayList<>();
    final List<OrderDraft> orders = new ArrayList<>();
    OrderDraft order;
    int orderDepth = -1;
    OrderDraft.LineDraft line;
    int lineDepth = -1;
}
