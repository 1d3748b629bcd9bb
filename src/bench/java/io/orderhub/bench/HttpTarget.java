package io.orderhub.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A loopback HTTP server the generator talks to, through a Vert.x client with at most {@code connections}
 * keep-alive HTTP/1.1 connections (no pipelining: one request per connection at a time). Requests beyond that
 * wait in the client's queue. Refuses any host that is not a loopback address.
 */
final class HttpTarget {

    /** An answer: its HTTP status and body. */
    record Answer(int status, Buffer body) {
    }

    private final HttpClient client;
    private final String host;
    private final int port;
    private final String apiKey;
    private final long timeoutMillis;

    HttpTarget(Vertx vertx, String host, int port, int connections, String apiKey, long timeoutMillis) {
        requireLoopback(host);
        this.host = host;
        this.port = port;
        this.apiKey = apiKey;
        this.timeoutMillis = timeoutMillis;
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setPipelining(false)
                .setTcpNoDelay(true)
                .setConnectTimeout(5_000);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(connections));
    }

    static void requireLoopback(String host) {
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException(host + " is not a loopback address; the bench loads loopback only");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }

    /** POSTs a JSON body; completes with the answer once its body has been read. */
    Future<Answer> post(String path, byte[] body) {
        return send(options(HttpMethod.POST, path).putHeader("Content-Type", "application/json"), Buffer.buffer(body));
    }

    Future<Answer> get(String path) {
        return send(options(HttpMethod.GET, path), null);
    }

    private RequestOptions options(HttpMethod method, String path) {
        RequestOptions o = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(path)
                .setIdleTimeout(timeoutMillis);
        if (apiKey != null && !apiKey.isEmpty()) {
            o.putHeader("X-API-Key", apiKey);
        }
        return o;
    }

    private Future<Answer> send(RequestOptions options, Buffer body) {
        return client.request(options).compose(req -> (body == null ? req.send() : req.send(body))
                .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b))));
    }

    Future<Void> close() {
        return client.close();
    }
}
