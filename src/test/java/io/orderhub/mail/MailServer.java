package io.orderhub.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A real GreenMail server (IMAP, POP3, SMTP on free loopback ports) in the test JVM, and a plain Jakarta Mail
 * client that looks at what the hub left on it.
 */
final class MailServer implements AutoCloseable {

    static final String PASSWORD = "s3cret-mail";

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static MailServer start() {
        GreenMail g = new GreenMail(new ServerSetup[]{
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()});
        g.start();
        return new MailServer(g);
    }

    int imapPort() {
        return greenMail.getImap().getPort();
    }

    int pop3Port() {
        return greenMail.getPop3().getPort();
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    GreenMailUser user(String login) {
        return greenMail.setUser(login + "@hub.example", login, PASSWORD);
    }

    /** Puts the raw message, byte for byte, into the user's INBOX, unread. */
    void deliver(String login, byte[] raw) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            greenMail.getUserManager().getUser(login).deliver(m);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message as the server holds it: folder, Message-ID, whether it is marked read. */
    record Held(String folder, String messageId, boolean seen) {
    }

    /** The messages in a folder of a user's mailbox (read only: looking does not mark them). */
    List<Held> folder(String login, String folderName) {
        Properties p = new Properties();
        Session session = Session.getInstance(p);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort(), login, PASSWORD);
            Folder folder = store.getFolder(folderName);
            List<Held> held = new ArrayList<>();
            if (!folder.exists()) {
                return held;
            }
            folder.open(Folder.READ_ONLY);
            try {
                for (Message m : folder.getMessages()) {
                    if (m.getFlags().contains(Flags.Flag.DELETED)) {
                        continue;
                    }
                    String[] id = m.getHeader("Message-ID");
                    held.add(new Held(folderName, id == null ? null : id[0], m.getFlags().contains(Flags.Flag.SEEN)));
                }
            } finally {
                folder.close(false);
            }
            return held;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mails the server's SMTP received (confirmations). */
    MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
