package org.itaoversight.api.http;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.server.ParamException;

/**
 * A query parameter that is not of its type (a page number beyond the range of an int, a year in letters) is the
 * caller's mistake: 400 naming the parameter, in Thai, rather than the 404 JAX-RS prescribes for it.
 */
public final class QueryParameterExceptionMapper implements ExceptionMapper<ParamException.QueryParamException> {

    @Override
    public Response toResponse(ParamException.QueryParamException exception) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorMessage(400, "พารามิเตอร์ " + exception.getParameterName()
                        + " ต้องเป็นจำนวนเต็มหรือค่าที่ถูกต้อง (ค่าที่ส่งมาใช้ไม่ได้หรือใหญ่เกินไป)")).build();
    }
}
