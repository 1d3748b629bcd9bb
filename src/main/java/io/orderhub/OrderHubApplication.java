package io.orderhub;

import org.apache.camel.main.Main;

/** Starts the hub: camel-main with the YAML routes under routes/ and the beans of {@link OrderHubConfiguration}. */
public final class OrderHubApplication {

    private OrderHubApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addConfiguration(OrderHubConfiguration.class);
        main.run(args);
    }
}
