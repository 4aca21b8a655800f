package org.itaoversight.api.http;

import io.dropwizard.jersey.errors.ErrorMessage;
import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database that cannot be reached is the platform's temporary state, not a bug: 503 with a Thai message naming
 * what is unavailable (ClickHouse: the ITA results and analytics; PostgreSQL: everything entered on the platform) and
 * {@code Retry-After}: a refused or broken connection (SQLSTATE class 08, or 57P: the server shutting down or
 * starting). Every other database error stays a logged 500.
 */
public final class UnavailableDatabaseMapper implements ExceptionMapper<JdbiException> {

    private static final Logger LOG = LoggerFactory.getLogger(UnavailableDatabaseMapper.class);
    private static final LoggingExceptionMapper<JdbiException> OTHERWISE = new LoggingExceptionMapper<>() {
    };

    /** Which database could not be reached. */
    enum Unavailable {
        CLICKHOUSE("ระบบผลการประเมิน ITA และการวิเคราะห์ (ClickHouse) ไม่พร้อมให้บริการชั่วคราว กรุณาลองใหม่อีกครั้งในภายหลัง"
                + " ข้อมูลมาตรการและรายงานมาตรการยังใช้งานได้"),
        POSTGRESQL("ฐานข้อมูลหลักของระบบ (PostgreSQL) ไม่พร้อมให้บริการชั่วคราว กรุณาลองใหม่อีกครั้งในภายหลัง");

        final String messageTh;

        Unavailable(String messageTh) {
            this.messageTh = messageTh;
        }
    }

    @Override
    public Response toResponse(JdbiException exception) {
        Optional<Unavailable> unavailable = unavailable(exception);
        if (unavailable.isEmpty()) {
            return OTHERWISE.toResponse(exception);
        }
        LOG.warn("{} unreachable: {}", unavailable.get(), rootMessage(exception));
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorMessage(503, unavailable.get().messageTh)).build();
    }

    /** Whether the failure is a database out of reach, and which one. */
    static Optional<Unavailable> unavailable(Throwable exception) {
        boolean clickhouse = false;
        boolean postgres = false;
        boolean connection = false;
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String type = cause.getClass().getName();
            clickhouse |= type.startsWith("com.clickhouse.");
            postgres |= type.startsWith("org.postgresql.");
            connection |= cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof SocketTimeoutException || cause instanceof SocketException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))
                    || type.endsWith("ConnectionInitiationException") || type.endsWith("HttpHostConnectException")
                    || type.endsWith("ConnectTimeoutException") || type.endsWith("NoHttpResponseException");
        }
        if (!connection) {
            return Optional.empty();
        }
        return clickhouse ? Optional.of(Unavailable.CLICKHOUSE) : postgres ? Optional.of(Unavailable.POSTGRESQL) : Optional.empty();
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
