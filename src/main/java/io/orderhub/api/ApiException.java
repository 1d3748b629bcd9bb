package io.orderhub.api;

import io.orderhub.model.Problem;

import java.util.List;

/** An HTTP API failure with its status and a body a client can act on. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<Problem> problems;

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ApiException(int status, String code, String message, List<Problem> problems) {
        super(message);
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Problem> problems() {
        return problems;
    }
}
