package org.itaoversight.api.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * A request body that may not exceed a number of bytes: counted as it is read (the bytes the application sees, so
 * after Jetty has inflated a gzip body), and refused with {@link BodyTooLargeException} the moment the count passes
 * the limit, so that no more of it is read or held. A gzip body that cannot be inflated is refused as bad input (400).
 */
final class LimitedInputStream extends FilterInputStream {

    private final long maxBytes;
    private final BodyKind kind;
    private long count;
    private RuntimeException refusal;

    LimitedInputStream(InputStream in, long maxBytes, BodyKind kind) {
        super(in);
        this.maxBytes = maxBytes;
        this.kind = kind;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (refusal != null) {
            throw refusal;
        }
        int n;
        try {
            // Never ask for more than one byte past the limit: enough to know it was passed.
            n = in.read(buffer, offset, (int) Math.min(length, maxBytes - count + 1));
        } catch (ZipException e) {
            throw refuse(new BadGzipException(e));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ZipException zip) {
                throw refuse(new BadGzipException(zip));
            }
            throw e;
        }
        if (n > 0) {
            count += n;
            if (count > maxBytes) {
                throw refuse(new BodyTooLargeException(kind, maxBytes));
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] skipped = new byte[(int) Math.min(n, 8192)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: a reset would let bytes be counted twice or not at all
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /**
     * Why the body was refused, if it was: a reader of the body (Jackson) may wrap the exception it got from this
     * stream, and {@link RequestBodyGuard} answers with this one instead.
     */
    java.util.Optional<RuntimeException> refusal() {
        return java.util.Optional.ofNullable(refusal);
    }

    private RuntimeException refuse(RuntimeException exception) {
        refusal = exception;
        return exception;
    }
}
