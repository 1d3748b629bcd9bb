package io.orderhub.validation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where and how a partner drops order files for the hub: the {@code drop:} block of a partner in partners.yaml.
 * One intake route per block is created at start (io.orderhub.intake.DropRoutes). Unset fields take the
 * defaults below; an inconsistent block stops the hub at start with a message naming the field.
 *
 * @param type             {@code sftp} (a partner's SFTP server) or {@code folder} (a local hot folder)
 * @param host             SFTP host
 * @param port             SFTP port, default 22
 * @param user             SFTP user name
 * @param passwordProperty the name of the configuration property (or environment variable, see README
 *                         "Configuration") holding the SFTP password; the password itself never appears here
 * @param privateKeyFile   SFTP private key file, instead of or as well as a password
 * @param privateKeyPassphraseProperty the name of the property holding the key's passphrase, if it has one
 * @param knownHostsFile   known_hosts file to verify the server's host key against; without it the host key is
 *                         not checked (a warning is logged at start)
 * @param folder           the remote folder (relative to the login directory, or absolute) or the local folder
 *                         (relative to {@code orderhub.drop.folder-base}, by default the working directory, or
 *                         absolute); a local folder is created at start
 * @param include          file names to read, glob patterns separated by commas, any case, default {@code *}
 * @param exclude          file names never read, default {@code *.tmp,*.part,*.filepart} (files whose names start
 *                         with a dot are never read either)
 * @param pollMs           poll interval in milliseconds, default 5000
 * @param concurrency      how many of this drop's files are read, mapped and committed at the same time, default 2
 *                         (one file's messages are mapped on one thread, so a single thread leaves a core idle);
 *                         1 reads them one after another in the order the poll lists them
 * @param complete         how the hub knows an upload is complete: {@code stable-size} (default: size and
 *                         modification time unchanged for {@code stableMs}), {@code done-file} (a marker file named
 *                         {@code doneFile} appears next to it), or {@code rename} (the partner uploads under an
 *                         excluded temporary name and renames the file when done)
 * @param doneFile         the done-file name, default {@code ${file:name}.done}
 * @param stableMs         stable-size: how long size and modification time must stay unchanged, default 1000
 * @param minAgeMs         stable-size: if set, the file is read once its last modification is at least this old
 *                         (by the server's clock, to the second over SFTP) instead of once its size and
 *                         modification time were seen unchanged for {@code stableMs}; default 0 (off)
 * @param archive          where a file goes after its document was committed: a folder relative to {@code folder}
 *                         or absolute, default {@code archive}
 * @param delete           true: delete the file after its document was committed instead of archiving it (rejected
 *                         files too: the document with its problems is kept in the hub)
 * @param error            where a file whose document was rejected goes after the commit, relative to
 *                         {@code folder} or absolute, default {@code error}
 * @param outbound         where the hub writes what it sends the partner (EDI acknowledgements and order
 *                         responses): a folder on the same SFTP server, or a local folder, relative to
 *                         {@code folder} or absolute, default {@code outbound}
 */
public record PartnerDrop(
        Type type,
        String host,
        Integer port,
        String user,
        String passwordProperty,
        String privateKeyFile,
        String privateKeyPassphraseProperty,
        String knownHostsFile,
        String folder,
        String include,
        String exclude,
        Long pollMs,
        Integer concurrency,
        Complete complete,
        String doneFile,
        Long stableMs,
        Long minAgeMs,
        String archive,
        Boolean delete,
        String error,
        String outbound) {

    /** Where the files are. */
    public enum Type {
        @JsonProperty("sftp") SFTP,
        @JsonProperty("folder") FOLDER
    }

    /** How an upload is known to be complete. */
    public enum Complete {
        @JsonProperty("stable-size") STABLE_SIZE,
        @JsonProperty("done-file") DONE_FILE,
        @JsonProperty("rename") RENAME
    }

    public PartnerDrop {
        if (type == null) {
            throw new IllegalArgumentException("drop: 'type' is missing (sftp or folder)");
        }
        if (blank(folder)) {
            throw new IllegalArgumentException("drop: 'folder' is missing");
        }
        if (type == Type.SFTP) {
            if (blank(host) || blank(user)) {
                throw new IllegalArgumentException("drop: an sftp drop needs 'host' and 'user'");
            }
            if (blank(passwordProperty) && blank(privateKeyFile)) {
                throw new IllegalArgumentException(
                        "drop: an sftp drop needs 'passwordProperty' (the name of the property holding the password)"
                                + " or 'privateKeyFile'");
            }
        }
        if (Boolean.TRUE.equals(delete) && !blank(archive)) {
            throw new IllegalArgumentException("drop: 'archive' and 'delete: true' exclude each other");
        }
        if (Boolean.TRUE.equals(delete) && !blank(error)) {
            throw new IllegalArgumentException("drop: with 'delete: true' rejected files are deleted too;"
                    + " remove 'error' or archive instead of deleting");
        }
        port = port == null ? 22 : port;
        include = blank(include) ? "*" : include;
        exclude = exclude == null ? "*.tmp,*.part,*.filepart" : exclude;
        pollMs = positive(pollMs, 5000L, "pollMs");
        concurrency = positive(concurrency == null ? null : concurrency.longValue(), 2L, "concurrency").intValue();
        complete = complete == null ? Complete.STABLE_SIZE : complete;
        doneFile = blank(doneFile) ? "${file:name}.done" : doneFile;
        stableMs = positive(stableMs, 1000L, "stableMs");
        minAgeMs = minAgeMs == null ? 0L : minAgeMs;
        delete = Boolean.TRUE.equals(delete);
        archive = delete ? null : blank(archive) ? "archive" : archive;
        error = delete ? null : blank(error) ? "error" : error;
        outbound = blank(outbound) ? "outbound" : outbound.strip();
    }

    /** The outbound folder as a path: absolute as given, else under {@code folder}. */
    public String outboundPath() {
        if (outbound.startsWith("/")) {
            return outbound;
        }
        return folder.endsWith("/") ? folder + outbound : folder + "/" + outbound;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Long positive(Long value, long fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new IllegalArgumentException("drop: '" + name + "' must be positive, is " + value);
        }
        return value;
    }
}
