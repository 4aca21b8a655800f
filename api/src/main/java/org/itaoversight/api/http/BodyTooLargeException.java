package org.itaoversight.api.http;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A request body larger than its endpoint accepts: 413, saying in Thai what the limit is. */
public final class BodyTooLargeException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(BodyKind kind, long maxBytes) {
        super("request body larger than " + maxBytes + " bytes", Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Connection", "close")
                .entity(new ErrorMessage(413, message(kind, maxBytes))).build());
    }

    static String message(BodyKind kind, long maxBytes) {
        return kind.labelTh() + " มีขนาดเกินกำหนด: รับได้ไม่เกิน " + size(maxBytes)
                + " (นับขนาดหลังคลายการบีบอัดแล้ว) กรุณาแบ่งไฟล์หรือลดขนาดแล้วส่งใหม่";
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " ไบต์";
    }
}
