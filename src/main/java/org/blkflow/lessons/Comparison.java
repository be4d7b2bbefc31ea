package org.blkflow.lessons;

import org.blkflow.scenario.Scenario;

/**
 * Two runs to watch side by side: the same load with one thing changed, so that the
 * difference on screen is that thing's doing.
 *
 * @param changed what differs between A and B, in a few words ("mode", "plug")
 */
public record Comparison(String id, String title, String note, String changed, Side a, Side b) {

    /** One side: a short label and its scenario. */
    public record Side(String label, Scenario scenario) {
    }
}
