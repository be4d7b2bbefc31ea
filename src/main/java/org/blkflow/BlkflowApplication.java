package org.blkflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BlkflowApplication {
    public static void main(String[] args) {
        SpringApplication.run(BlkflowApplication.class, args);
    }
}
