package org.itaoversight.api.reports.schedule;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itaoversight.api.http.BodyAccess;
import org.itaoversight.api.http.GuardedBody;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.api.registry.RegistryDao;
import org.itaoversight.api.reports.ReportPdfs;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;

/**
 * Monthly report schedules (managed by the platform administrator) and their archived runs (readable, and their
 * PDFs downloadable, by whoever may read the agency or province the run reports on).
 */
public final class ReportScheduleResources {

    private ReportScheduleResources() {
    }

    /** Checks a draft as a whole: fields, the agency or province, and that every recipient may receive it. */
    static final class Rules {
        private final RegistryDao registry;
        private final RecipientDirectory directory;
        private final ReportDelivery delivery;

        Rules(RegistryDao registry, RecipientDirectory directory, ReportDelivery delivery) {
            this.registry = registry;
            this.directory = directory;
            this.delivery = delivery;
        }

        void check(ScheduleDraft draft) {
            if (draft == null) {
                throw new BadRequestException("a schedule (JSON) is required");
            }
            Map<String, String> errors = new LinkedHashMap<>(draft.validate());
            if (draft.scope() != null && draft.code() != null && !errors.containsKey("code")) {
                boolean exists = draft.scope() == ReportScope.AGENCY ? registry.findAgency(draft.code()).isPresent()
                        : registry.findProvince(draft.code()).isPresent();
                if (!exists) {
                    errors.put("code", (draft.scope() == ReportScope.AGENCY ? "ไม่มีหน่วยงานรหัส " : "ไม่มีจังหวัดรหัส ") + draft.code());
                }
            }
            if (errors.isEmpty()) {
                ReportSchedule probe = new ReportSchedule(0, draft.scope(), draft.code(), draft.dayOfMonth(), draft.time(),
                        draft.zone(), List.of(draft.recipientArray()), false, true, "", null);
                for (String email : draft.recipientArray()) {
                    Optional<OversightPrincipal> who = directory.byEmail(email);
                    if (who.isEmpty()) {
                        errors.put("recipients", email + " ไม่ใช่ผู้ใช้ของระบบ");
                        break;
                    }
                    if (!delivery.mayReceive(who.get(), probe)) {
                        errors.put("recipients", email + " ไม่มีสิทธิ์รับรายงานของ" + (draft.scope() == ReportScope.AGENCY
                                ? "หน่วยงาน " : "จังหวัด ") + draft.code());
                        break;
                    }
                }
            }
            if (!errors.isEmpty()) {
                throw new ScheduleValidationException(errors);
            }
        }
    }

    private static void platformOnly(AccessPolicy policy, OversightPrincipal principal) {
        if (!policy.canManagePlatform(principal)) {
            throw new ForbiddenException("only the platform administrator manages report schedules");
        }
    }

    @Path("/api/v1/report-schedules")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    @Access(Audience.PLATFORM)
    public static final class Collection {
        private final ReportScheduleDao dao;
        private final Rules rules;
        private final AccessPolicy policy;
        private final ScheduleWrites writes;

        Collection(ReportScheduleDao dao, Rules rules, AccessPolicy policy, ScheduleWrites writes) {
            this.dao = dao;
            this.rules = rules;
            this.policy = policy;
            this.writes = writes;
        }

        @GET
        @Timed
        public List<ReportSchedule> list(@Auth OversightPrincipal principal) {
            platformOnly(policy, principal);
            return dao.list();
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @GuardedBody(access = BodyAccess.PLATFORM_ADMIN)
        @Timed
        @ApiResponse(responseCode = "422", description = "the schedule refused field by field; nothing changed", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduleValidationException.Body.class)))
        public Response create(@Auth OversightPrincipal principal, ScheduleDraft draft) {
            platformOnly(policy, principal);
            rules.check(draft);
            return Response.status(Response.Status.CREATED).entity(writes.create(principal, draft)).build();
        }
    }

    @Path("/api/v1/report-schedules/{id}")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    @Access(Audience.PLATFORM)
    public static final class Item {
        private final ReportScheduleDao dao;
        private final Rules rules;
        private final AccessPolicy policy;
        private final ScheduleWrites writes;

        Item(ReportScheduleDao dao, Rules rules, AccessPolicy policy, ScheduleWrites writes) {
            this.dao = dao;
            this.rules = rules;
            this.policy = policy;
            this.writes = writes;
        }

        private ReportSchedule existing(long id) {
            return dao.find(id).orElseThrow(() -> new NotFoundException("report schedule " + id + " does not exist"));
        }

        @GET
        @Timed
        public ReportSchedule get(@Auth OversightPrincipal principal, @PathParam("id") long id) {
            platformOnly(policy, principal);
            return existing(id);
        }

        @PUT
        @Consumes(MediaType.APPLICATION_JSON)
        @GuardedBody(access = BodyAccess.PLATFORM_ADMIN)
        @Timed
        @ApiResponse(responseCode = "422", description = "the schedule refused field by field; nothing changed", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduleValidationException.Body.class)))
        public ReportSchedule update(@Auth OversightPrincipal principal, @PathParam("id") long id, ScheduleDraft draft) {
            platformOnly(policy, principal);
            ReportSchedule current = existing(id);
            if (draft != null && (draft.scope() != current.scope() || !current.code().equals(draft.code()))) {
                throw new ScheduleValidationException(Map.of("scope", "เปลี่ยนขอบเขตหรือรหัสของกำหนดการไม่ได้ ให้สร้างกำหนดการใหม่"));
            }
            rules.check(draft);
            return writes.update(principal, current, draft);
        }

        /** Archives the schedule: it is not run again and leaves the list; its runs and their PDFs stay readable. */
        @DELETE
        @Timed
        public Response delete(@Auth OversightPrincipal principal, @PathParam("id") long id) {
            platformOnly(policy, principal);
            writes.archive(principal, existing(id));
            return Response.noContent().build();
        }

        @GET
        @Path("/runs")
        @Timed
        public List<ReportRun> runs(@Auth OversightPrincipal principal, @PathParam("id") long id) {
            platformOnly(policy, principal);
            existing(id);
            return dao.runs(id);
        }
    }

    /** A run, and its archived PDF, for whoever may read what it reports on. */
    @Path("/api/v1/report-runs/{id}")
    @Access(Audience.RUN_READERS)
    public static final class Run {
        private final ReportScheduleDao dao;
        private final RegistryAccess access;

        Run(ReportScheduleDao dao, RegistryAccess access) {
            this.dao = dao;
            this.access = access;
        }

        private ReportRun readable(OversightPrincipal principal, long id) {
            ReportRun run = dao.run(id).orElseThrow(() -> new NotFoundException("report run " + id + " does not exist"));
            if (run.scope() == ReportScope.AGENCY) {
                access.readableAgency(principal, run.code());
            } else {
                access.readableProvince(principal, run.code());
            }
            return run;
        }

        @GET
        @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
        @Timed
        public ReportRun get(@Auth OversightPrincipal principal, @PathParam("id") long id) {
            return readable(principal, id);
        }

        @GET
        @Path("/report.pdf")
        @Produces("application/pdf")
        @Timed
        public Response pdf(@Auth OversightPrincipal principal, @PathParam("id") long id) {
            ReportRun run = readable(principal, id);
            byte[] pdf = dao.pdf(id).orElseThrow(() -> new NotFoundException("report run " + id + " has no archived PDF yet ("
                    + run.status() + ")"));
            return Response.ok(pdf, "application/pdf").header("Content-Disposition", "attachment; filename=\""
                    + ReportPdfs.fileName(run.scope().name().toLowerCase(java.util.Locale.ROOT), run.code(),
                    run.fiscalYear().orElse(0)) + "\"").build();
        }
    }

    /** Registers the resources and the error mapper. */
    public static void register(io.dropwizard.jersey.setup.JerseyEnvironment jersey, ReportScheduleDao dao, RegistryDao registry,
                                RecipientDirectory directory, ReportDelivery delivery, AccessPolicy policy, RegistryAccess access,
                                ScheduleWrites writes) {
        Rules rules = new Rules(registry, directory, delivery);
        jersey.register(new Collection(dao, rules, policy, writes));
        jersey.register(new Item(dao, rules, policy, writes));
        jersey.register(new Run(dao, access));
        jersey.register(new ScheduleValidationException.Mapper());
    }
}
