package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.node.ObjectNode;

class ApiErrorsTest {

    @Test
    void aBrokenInvariantIsA500ThatSaysWhichAndWhere() {
        Transition at = new Transition(17, 500, TransitionKind.FREE, "blk_mq_free_request", null, 0, 0, "", -1, 3, 0,
                0, 5, 0, 8, "R", Place.DONE, Place.NONE, -1);
        ResponseEntity<ObjectNode> r = new ApiErrors().oops(
                new InvariantViolation("tag-freed-twice", "tag 5 is already free", at, "hctx 0: tags used 0/4"));
        assertEquals(500, r.getStatusCode().value());
        ObjectNode body = r.getBody();
        assertEquals(List.of("error", "invariant", "message", "seq", "state"), List.copyOf(body.propertyNames()));
        assertEquals("invariant violated", body.get("error").stringValue());
        assertEquals("tag-freed-twice", body.get("invariant").stringValue());
        assertEquals(17, body.get("seq").longValue());
        assertEquals("hctx 0: tags used 0/4", body.get("state").stringValue());
        assertEquals("tag-freed-twice: tag 5 is already free at seq 17 (free in blk_mq_free_request)",
                body.get("message").stringValue());
    }

    @Test
    void aBreachFoundAtTheEndOfTheRunHasNoSeq() {
        ObjectNode body = new ApiErrors().oops(new InvariantViolation("leak", "1 request left", null, "")).getBody();
        assertEquals(-1, body.get("seq").longValue());
    }

    @Test
    void aBusyServerIsA429ThatSaysWhenToAskAgain() {
        ResponseEntity<ObjectNode> sweep = new ApiErrors().sweepRefused(org.blkflow.runs.SweepRefused.busy(4));
        assertEquals(429, sweep.getStatusCode().value());
        assertEquals(String.valueOf(ApiErrors.SWEEP_RETRY_AFTER_S), sweep.getHeaders().getFirst("Retry-After"));
        assertEquals("sweeps busy", sweep.getBody().get("error").stringValue());
        ResponseEntity<ObjectNode> quiz = new ApiErrors().refused(new ApiException(
                org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "busy", "too many quizzes", List.of(), 1));
        assertEquals(429, quiz.getStatusCode().value());
        assertEquals("1", quiz.getHeaders().getFirst("Retry-After"));
    }

    @Test
    void aRefusalThatAskingAgainWillNotCureHasNoRetryAfter() {
        ResponseEntity<ObjectNode> r = new ApiErrors().refused(ApiException.badParameter("step", -1, "must be 0 or more"));
        assertEquals(400, r.getStatusCode().value());
        assertEquals(null, r.getHeaders().getFirst("Retry-After"));
    }
}
