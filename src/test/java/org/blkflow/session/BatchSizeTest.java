package org.blkflow.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BatchSizeTest {

    @Test
    void doublesWhileTheClientKeepsUpUpToTheMaximum() {
        BatchSize batch = new BatchSize();
        assertEquals(BatchSize.START, batch.size());
        batch.sent(true);
        assertEquals(2 * BatchSize.START, batch.size());
        for (int i = 0; i < 10; i++) {
            batch.sent(true);
        }
        assertEquals(BatchSize.MAX, batch.size());
    }

    @Test
    void halvesWhenTheClientFallsBehindDownToTheMinimum() {
        BatchSize batch = new BatchSize();
        batch.sent(false);
        assertEquals(BatchSize.START / 2, batch.size());
        for (int i = 0; i < 10; i++) {
            batch.sent(false);
        }
        assertEquals(BatchSize.MIN, batch.size());
    }
}
