package org.itaoversight.api.measures;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/** How measure errors answer: 422 with a message per field; 409 with the current measure. */
public final class MeasureErrorMappers {

    private MeasureErrorMappers() {
    }

    public record ValidationErrors(int code, String message, Map<String, String> errors) {
    }

    public record Conflict(int code, String message, Measure current) {
    }

    public static final class Validation implements ExceptionMapper<MeasureValidationException> {
        @Override
        public Response toResponse(MeasureValidationException e) {
            return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(new ValidationErrors(422, "ข้อมูลมาตรการไม่ถูกต้อง", e.errors())).build();
        }
    }

    public record ImportProblems(int code, String message, java.util.List<String> problems) {
    }

    public static final class Import implements ExceptionMapper<org.itaoversight.api.measures.importing.MeasureImportException> {
        @Override
        public Response toResponse(org.itaoversight.api.measures.importing.MeasureImportException e) {
            return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(new ImportProblems(422, "นำเข้ารายงานมาตรการไม่ได้ ไม่มีการบันทึกข้อมูลใด", e.problems())).build();
        }
    }

    /** A document that cannot be read at all (a scan, an unreadable text layer, a damaged or oversized file): 422. */
    public static final class Unreadable implements ExceptionMapper<org.itaoversight.api.documents.UnreadableDocumentException> {
        @Override
        public Response toResponse(org.itaoversight.api.documents.UnreadableDocumentException e) {
            return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(new ImportProblems(422, "อ่านเอกสารไม่ได้ ไม่มีการบันทึกข้อมูลใด", java.util.List.of(e.getMessage()))).build();
        }
    }

    public static final class Stale implements ExceptionMapper<StaleMeasureException> {
        @Override
        public Response toResponse(StaleMeasureException e) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(new Conflict(409, e.getMessage(), e.current())).build();
        }
    }
}
