package io.orderhub.edi;

/** A node of a message body: a segment or a segment group (loop) as the message's schema defines it. */
public sealed interface EdiNode permits EdiSegment, EdiLoop {
}
