package org.blkflow.web;

import org.blkflow.runs.SweepRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one sweep runner every POST /api/sweeps shares, so all sweeps together stay on its two threads. */
@Configuration
public class SweepConfig {

    @Bean(destroyMethod = "close")
    public static SweepRunner sweepRunner() {
        return new SweepRunner();
    }
}
