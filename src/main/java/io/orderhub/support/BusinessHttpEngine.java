package io.orderhub.support;

import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;

/**
 * The platform-http engine bound to the business server's port.
 *
 * <p>Camel 4.17's Vert.x engine finds "its" server by looking for the single HTTP server in the registry. With
 * the management server on its own port (health, metrics and Jolokia on loopback, as the hub runs) there are
 * two, the look-up finds none, and the engine falls back to port 8080: every REST and platform-http route then
 * fails to start on any other port. Naming the port here keeps management and business traffic apart on any
 * port.
 */
public final class BusinessHttpEngine extends VertxPlatformHttpEngine {

    private final int port;

    public BusinessHttpEngine(int port) {
        this.port = port;
    }

    @Override
    public int getServerPort() {
        return port;
    }
}
