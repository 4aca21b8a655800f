package org.itaoversight.api.ita.loading;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/** A refused result file: 400 with every problem (file, row, column, reason). */
public class ResultLoadExceptionMapper implements ExceptionMapper<ResultLoadException> {

    /** The body of a refused load. */
    public record Refusal(int code, String message, List<LoadProblem> problems) {
    }

    @Override
    public Response toResponse(ResultLoadException exception) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new Refusal(400, exception.problems().size() + " problem(s); nothing was loaded", exception.problems()))
                .build();
    }
}
