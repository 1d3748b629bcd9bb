package io.orderhub.bench;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * The baseline of the benchmark: a camel-main application with one platform-http route on the same embedded
 * Vert.x server as the hub, which reads the posted body, discards it and answers 202. Nothing else: no
 * database, no validation, no management server, and not the hub's application.properties.
 * Usage: {@code BareCamelApp <port>}; listens on 127.0.0.1, path {@value #PATH}.
 */
public final class BareCamelApp {

    static final String PATH = "/bare/orders";

    private BareCamelApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false");
        main.configure().withName("bare");
        main.configure().httpServer().withEnabled(true).withHost("127.0.0.1").withPort(port);
        main.configure().addRoutesBuilder(new DiscardRoute());
        main.run(new String[0]);
    }

    /** {@code POST /bare/orders}: body read and dropped, 202 with an empty body. */
    static final class DiscardRoute extends RouteBuilder {
        @Override
        public void configure() {
            from("platform-http:" + PATH + "?httpMethodRestrict=POST")
                    .routeId("bare-intake")
                    .convertBodyTo(byte[].class)
                    .removeHeaders("*")
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                    .setBody(constant(""));
        }
    }
}
