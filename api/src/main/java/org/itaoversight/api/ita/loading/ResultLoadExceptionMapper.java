package org.itaoversight.api.ita.loading;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/**
 * A refused result file: 400 with its first problems (file, row, column, reason; {@code requests.maxProblems} of
 * them) and the number of all of them.
 */
public class ResultLoadExceptionMapper implements ExceptionMapper<ResultLoadException> {

    /** The body of a refused load: {@code problems} lists the first {@code problemCount} problems, or all of them. */
    public record Refusal(int code, String message, long problemCount, boolean truncated, List<LoadProblem> problems) {
    }

    @Override
    public Response toResponse(ResultLoadException exception) {
        long count = exception.problemCount();
        boolean truncated = count > exception.problems().size();
        String message = truncated
                ? "พบปัญหา " + count + " รายการ (แสดง " + exception.problems().size() + " รายการแรก) ไม่มีการนำเข้าข้อมูลใด"
                : "พบปัญหา " + count + " รายการ ไม่มีการนำเข้าข้อมูลใด";
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new Refusal(400, message, count, truncated, exception.problems()))
                .build();
    }
}
