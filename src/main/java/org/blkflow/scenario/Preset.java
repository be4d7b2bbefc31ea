package org.blkflow.scenario;

/** A ready-made scenario with a one-line note on what it shows. */
public record Preset(String id, String name, String note, Scenario scenario) {
}
