package org.blkflow;

import org.blkflow.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BlkflowApplication {

    /** {@code run}, {@code sweep} and {@code fio2scenario} run headless and exit; anything else serves. */
    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(args, System.in, System.out, System.err));
        }
        SpringApplication.run(BlkflowApplication.class, args);
    }
}
