package io.orderhub.xml;

/** A value read from an XML document, where it was read, and the rank of the binding that read it. */
record XmlValue(String value, String locator, int rank) {
}
