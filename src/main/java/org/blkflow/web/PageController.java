package org.blkflow.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the single page; everything after that arrives over the WebSocket. */
@Controller
public class PageController {

    @GetMapping("/")
    public String index() {
        return "index";
    }
}
