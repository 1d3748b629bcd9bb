package io.orderhub.model;

/** How a document reached the hub. */
public enum Channel {
    HTTP, WEBHOOK, SFTP, FOLDER, MAIL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
