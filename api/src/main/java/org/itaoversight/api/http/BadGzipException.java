package org.itaoversight.api.http;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.zip.ZipException;

/** A body sent as gzip ({@code Content-Encoding: gzip}) that does not inflate: 400, in Thai. */
final class BadGzipException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    BadGzipException(ZipException cause) {
        super("gzip body does not inflate: " + cause.getMessage(), cause, Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorMessage(400, "ข้อมูลที่ส่งมาระบุว่าบีบอัดแบบ gzip แต่คลายการบีบอัดไม่ได้ (ไฟล์เสียหาย)")).build());
    }
}
