package org.itaoversight.api.reports.schedule;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/** A schedule that cannot be saved as sent; answered 422 with a message per field. */
public final class ScheduleValidationException extends RuntimeException {

    private final Map<String, String> errors;

    public ScheduleValidationException(Map<String, String> errors) {
        super("invalid schedule: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public record Body(int code, String message, Map<String, String> errors) {
    }

    public static final class Mapper implements ExceptionMapper<ScheduleValidationException> {
        @Override
        public Response toResponse(ScheduleValidationException e) {
            return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(new Body(422, "ข้อมูลกำหนดการส่งรายงานไม่ถูกต้อง", e.errors)).build();
        }
    }
}
