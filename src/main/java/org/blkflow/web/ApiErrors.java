package org.blkflow.web;

import java.util.List;
import org.blkflow.runs.SweepRefused;
import org.blkflow.scenario.Problem;
import org.blkflow.scenario.ScenarioRejected;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.blkflow.transition.InvariantViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every API error as one JSON shape: {@code {"status","error","message","problems":[{"field","value",
 * "message"}],"problemsNotShown"}}, where message is the first problem's. A broken model invariant is a 500 that says
 * which invariant, at which step, with the state dump.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
public class ApiErrors {

    @ExceptionHandler(ScenarioRejected.class)
    ResponseEntity<ObjectNode> rejected(ScenarioRejected e) {
        HttpStatus status = e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        String error = e.tooLarge() ? "scenario too large" : e.error();
        return body(status, error, e.getMessage(), e.problems(), e.omitted());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ObjectNode> refused(ApiException e) {
        return retryAfter(body(e.status(), e.error(), e.getMessage(), e.problems(), 0), e.retryAfterS());
    }

    /** Tomcat refuses a query parameter whose %-escape is broken only when a controller asks for it. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ObjectNode> brokenQuery(InvalidParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "invalid parameter",
                "the query has a parameter with a broken %-escape (%XX, two hex digits)", List.of(), 0);
    }

    @ExceptionHandler(SweepRefused.class)
    ResponseEntity<ObjectNode> sweepRefused(SweepRefused e) {
        return e.reason() == SweepRefused.Reason.BUSY
                ? retryAfter(body(HttpStatus.TOO_MANY_REQUESTS, "sweeps busy", e.getMessage(), e.problems(), 0),
                        SWEEP_RETRY_AFTER_S)
                : body(HttpStatus.CONTENT_TOO_LARGE, "sweep too large", e.getMessage(), e.problems(), 0);
    }

    /** A sweep takes seconds: a client refused because the sweep threads are full asks again after this. */
    static final int SWEEP_RETRY_AFTER_S = 5;

    /** A refusal that asking again later will cure (the server is busy, not the request wrong) says when. */
    private static ResponseEntity<ObjectNode> retryAfter(ResponseEntity<ObjectNode> r, int seconds) {
        return seconds <= 0 ? r : ResponseEntity.status(r.getStatusCode()).header("Retry-After", String.valueOf(seconds))
                .contentType(MediaType.APPLICATION_JSON).body(r.getBody());
    }

    @ExceptionHandler(InvariantViolation.class)
    ResponseEntity<ObjectNode> oops(InvariantViolation e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("error", "invariant violated");
        o.put("invariant", e.invariant());
        o.put("message", e.getMessage());
        o.put("seq", e.transition() == null ? -1 : e.transition().seq());
        o.put("state", e.state());
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_JSON).body(o);
    }

    /** At most {@link Problem#MAX_SHOWN} problems, then {@code problemsNotShown}: the body stays small. */
    static ResponseEntity<ObjectNode> body(HttpStatus status, String error, String message, List<Problem> problems,
                                           long omitted) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("status", status.value());
        o.put("error", error);
        o.put("message", message);
        ArrayNode list = o.putArray("problems");
        for (Problem p : problems.subList(0, Math.min(problems.size(), Problem.MAX_SHOWN))) {
            ObjectNode item = list.addObject();
            item.put("field", p.field());
            item.putPOJO("value", p.shownValue());
            item.put("message", p.message());
        }
        o.put("problemsNotShown", Math.max(0, problems.size() - Problem.MAX_SHOWN) + omitted);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(o);
    }
}
