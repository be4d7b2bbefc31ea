package org.blkflow.web;

import java.util.List;
import org.blkflow.scenario.Problem;
import org.springframework.http.HttpStatus;

/** A request the API refuses for a reason other than the scenario itself: size, syntax, parameters. */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final transient List<Problem> problems;
    /** Seconds after which the client may ask again (Retry-After), or 0 when asking again will not help. */
    private final int retryAfterS;

    ApiException(HttpStatus status, String error, String message, List<Problem> problems) {
        this(status, error, message, problems, 0);
    }

    ApiException(HttpStatus status, String error, String message, List<Problem> problems, int retryAfterS) {
        super(message);
        this.status = status;
        this.error = error;
        this.problems = List.copyOf(problems);
        this.retryAfterS = retryAfterS;
    }

    static ApiException badParameter(String name, Object value, String rule) {
        Problem p = Problem.of(name, value, rule);
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid parameter", p.message(), List.of(p));
    }

    /** 404 for an id that names nothing, naming the field and what it may be. */
    static ApiException notFound(String error, String name, Object value, String rule) {
        Problem p = Problem.of(name, value, rule);
        return new ApiException(HttpStatus.NOT_FOUND, error, p.message(), List.of(p));
    }

    HttpStatus status() {
        return status;
    }

    String error() {
        return error;
    }

    int retryAfterS() {
        return retryAfterS;
    }

    public List<Problem> problems() {
        return problems;
    }
}
