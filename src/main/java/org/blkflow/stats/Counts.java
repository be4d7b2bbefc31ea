package org.blkflow.stats;

import org.blkflow.transition.Transition;

/** How often each blktrace event of interest happened in a run. */
public final class Counts {

    long transitions;
    long bios;
    long requests;
    long completed;
    long backMerges;
    long frontMerges;
    long plugs;
    long unplugs;
    long requeues;
    long tagWaits;

    void count(Transition t) {
        transitions++;
        switch (t.kind()) {
            case QUEUE -> bios++;
            case BIO_END -> completed++;
            case BACKMERGE, RQ_MERGE -> backMerges++;
            case FRONTMERGE -> frontMerges++;
            case UNPLUG -> unplugs++;
            case REQUEUE -> requeues++;
            case SLEEP -> tagWaits++;
            default -> { }
        }
        // PLUG carries P only when the plug list was empty, as blktrace counts plugs.
        if ("P".equals(t.action())) {
            plugs++;
        }
    }

    public long transitions() { return transitions; }
    /** Q: bios submitted. */
    public long bios() { return bios; }
    /** Distinct requests issued (D), a re-issue after a requeue not counted again. */
    public long requests() { return requests; }
    /** Bios ended back to their submitters. */
    public long completed() { return completed; }
    public long backMerges() { return backMerges; }
    public long frontMerges() { return frontMerges; }
    public long plugs() { return plugs; }
    public long unplugs() { return unplugs; }
    public long requeues() { return requeues; }
    /** S: submitters that slept for a tag. */
    public long tagWaits() { return tagWaits; }
}
