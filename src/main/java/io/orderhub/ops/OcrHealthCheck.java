package io.orderhub.ops;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * Health check {@code ocr}: whether scans and faxes can be read (tesseract found at start). Always UP — a hub
 * without OCR still takes every other order and sends scans to review — but its message and the detail
 * {@code ocr.available} say which it is, so an operator sees at {@code /observe/health} why scans go to review.
 */
public final class OcrHealthCheck extends AbstractHealthCheck {

    public static final String ID = "ocr";

    private final boolean available;
    private final String status;

    public OcrHealthCheck(boolean available, String status) {
        super(HealthChecks.GROUP, ID);
        this.available = available;
        this.status = status;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("ocr.available", available);
        builder.message("OCR " + (available ? "available: " : "") + status).up();
    }
}
