package org.blkflow.transition;

/** The one narrow way out of the model: consumers see each transition as it is made. */
@FunctionalInterface
public interface TransitionListener {
    void onTransition(Transition transition);
}
