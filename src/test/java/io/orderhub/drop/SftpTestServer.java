package io.orderhub.drop;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SFTP server in the test JVM (Apache MINA SSHD): password auth, a generated host key, a virtual file system
 * rooted in a test directory, on a fixed free port of 127.0.0.1 so it can be stopped and started again. It records
 * what its clients do (directory listings, files opened for reading) and has a partner-side client to upload with.
 */
final class SftpTestServer implements AutoCloseable {

    static final String USER = "partner";
    /** With characters that break naive endpoint URIs, to show the password reaches the SFTP client intact. */
    static final String PASSWORD = "s3cr3t+&=%@ pw";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Path root;
    private final Path hostKey;
    private final int port;
    private final Events events = new Events();
    private SshServer server;
    private SshClient client;

    private SftpTestServer(Path dir, int port) {
        this.root = dir.resolve("sftp-root");
        this.hostKey = dir.resolve("host-key.ser");
        this.port = port;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server on a free port, not started yet. */
    static SftpTestServer create(Path dir) {
        return new SftpTestServer(dir, freePort());
    }

    SftpTestServer start() {
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost("127.0.0.1");
        s.setPort(port);
        s.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        s.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(events);
        s.setSubsystemFactories(List.of(sftp));
        s.setFileSystemFactory(new VirtualFileSystemFactory(root));
        try {
            s.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = s;
        return this;
    }

    void stop() {
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }

    int port() {
        return port;
    }

    /** The server-side file behind a path of the SFTP file system. */
    Path file(String remotePath) {
        return root.resolve(remotePath.startsWith("/") ? remotePath.substring(1) : remotePath);
    }

    /** Creates a folder on the server's disk. */
    void mkdirs(String remotePath) {
        try {
            Files.createDirectories(file(remotePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many times a client listed this folder. */
    int listings(String remoteFolder) {
        return events.listings.computeIfAbsent(normalize(remoteFolder), k -> new AtomicInteger()).get();
    }

    /** When clients opened this file for reading, in order. */
    List<Instant> readOpens(String remotePath) {
        return List.copyOf(events.readOpens.getOrDefault(normalize(remotePath), List.of()));
    }

    /** Uploads a whole file as a partner would. */
    void upload(String remotePath, byte[] content) {
        try (SftpClient sftp = sftp(); OutputStream out = sftp.write(remotePath)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void rename(String from, String to) {
        try (SftpClient sftp = sftp()) {
            sftp.rename(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an upload that the test writes piece by piece; the file exists on the server from the start. */
    Upload beginUpload(String remotePath) {
        try {
            SftpClient sftp = sftp();
            return new Upload(sftp, sftp.open(remotePath, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
                    SftpClient.OpenMode.Truncate));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An upload in progress: an open SFTP write handle. */
    static final class Upload implements AutoCloseable {
        private final SftpClient sftp;
        private final SftpClient.CloseableHandle handle;
        private long offset;
        private Instant closedAt;

        private Upload(SftpClient sftp, SftpClient.CloseableHandle handle) {
            this.sftp = sftp;
            this.handle = handle;
        }

        void write(byte[] chunk) {
            try {
                sftp.write(handle, offset, chunk);
                offset += chunk.length;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Instant closedAt() {
            return closedAt;
        }

        @Override
        public void close() {
            try {
                handle.close();
                closedAt = Instant.now();
                sftp.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private SftpClient sftp() throws IOException {
        synchronized (this) {
            if (client == null) {
                client = SshClient.setUpDefaultClient();
                client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
                client.start();
            }
        }
        ClientSession session = client.connect(USER, "127.0.0.1", port).verify(TIMEOUT).getSession();
        session.addPasswordIdentity(PASSWORD);
        session.auth().verify(TIMEOUT);
        SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
        return sftp.singleSessionInstance();
    }

    private static String normalize(String remotePath) {
        String p = remotePath.startsWith("/") ? remotePath : "/" + remotePath;
        return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        if (client != null) {
            client.stop();
        }
    }

    /** Records folder listings and read opens by path, as the server sees them. */
    private static final class Events implements SftpEventListener {
        final Map<String, AtomicInteger> listings = new ConcurrentHashMap<>();
        final Map<String, List<Instant>> readOpens = new ConcurrentHashMap<>();

        @Override
        public void readEntries(ServerSession session, String remoteHandle, DirectoryHandle localHandle,
                                Map<String, Path> entries) {
            listings.computeIfAbsent(normalize(localHandle.getFile().toString()), k -> new AtomicInteger())
                    .incrementAndGet();
        }

        @Override
        public void open(ServerSession session, String remoteHandle, Handle localHandle) {
            if (localHandle instanceof FileHandle f && f.getOpenOptions().contains(StandardOpenOption.READ)
                    && !f.getOpenOptions().contains(StandardOpenOption.WRITE)) {
                readOpens.computeIfAbsent(normalize(f.getFile().toString()), k -> new CopyOnWriteArrayList<>())
                        .add(Instant.now());
            }
        }
    }
}
