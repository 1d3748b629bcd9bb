package io.orderhub.model;

/**
 * The envelope structure a mapper read from a document besides its orders — for EDI the interchanges with their
 * control numbers and validation results — from which acknowledgements are written and repeated interchanges
 * are recognised after the pipeline's commit. Mappers of formats without envelopes give none.
 */
public interface Envelope {
}
