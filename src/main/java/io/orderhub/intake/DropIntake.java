package io.orderhub.intake;

import io.orderhub.model.Channel;
import io.orderhub.support.Ids;
import io.orderhub.validation.Partner;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Turns a dropped file into an {@link InboundDocument} for the common pipeline (routes/file-intake.camel.yaml).
 * The document's idempotency key is the file name and the SHA-256 of its content, and its client is
 * {@code drop:<partner>}, so the same file read twice from the same partner's drop — after a crash, or by two
 * hub instances — replays the first outcome instead of making a second order.
 */
public final class DropIntake {

    /** Exchange properties the drop routes set from their template parameters. */
    public static final String PARTNER = "orderhubDropPartner";
    public static final String CHANNEL = "orderhubDropChannel";
    public static final String LOCATION = "orderhubDropLocation";

    /** The idempotency key column holds 200 characters: the checksum and as much of the name as fits. */
    static final int MAX_NAME_IN_KEY = 200 - 1 - 64;

    private final FileFormats formats;
    private final Clock clock;

    public DropIntake(FileFormats formats, Clock clock) {
        this.formats = formats;
        this.clock = clock;
    }

    public InboundDocument document(@Body byte[] content, @Header("CamelFileNameOnly") String fileName,
                                    @ExchangeProperty(PARTNER) String partner, @ExchangeProperty(CHANNEL) Channel channel,
                                    @ExchangeProperty(LOCATION) String location) {
        String format = formats.format(fileName, content);
        return new InboundDocument(Ids.newId(), clock.instant(), channel, location + "/" + fileName,
                client(partner), partner, formats.contentType(fileName, format), format,
                idempotencyKey(fileName, content), content);
    }

    /**
     * The client of every document from a partner's drop: the partner itself (it may send its own orders), and with
     * the channel the scope of the document's idempotency key.
     */
    public static String client(String partner) {
        return Partner.ownClient("drop", partner);
    }

    static String idempotencyKey(String fileName, byte[] content) {
        String name = fileName.length() <= MAX_NAME_IN_KEY ? fileName : fileName.substring(0, MAX_NAME_IN_KEY);
        return name + ":" + sha256(content);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
