package org.blkflow.model;

import java.util.ArrayDeque;
import org.blkflow.scenario.Device;
import org.blkflow.scenario.IrqMode;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * The bio-based interface, null_blk queue_mode=0 (3.16): make_request hands each bio straight to
 * the driver. No request, no tag, no merge, no plug, no elevator — and 3.16 traces only Q.
 * A submitter without a free driver command sleeps until one comes back (alloc_cmd).
 */
final class BioBased implements MakeRequest {

    private final Machine m;
    private final Device device;
    private final int commands;
    private final CompletionTimer<Bio> timer;
    private final ArrayDeque<Task> waiting = new ArrayDeque<>();
    private Workload workload;
    private int inUse;

    BioBased(Machine m, Device device, int commands) {
        this.m = m;
        this.device = device;
        this.commands = commands;
        this.timer = new CompletionTimer<>(m, device.completionNs(),
                (bio, cpu, next) -> end(bio, cpu, Actor.interrupt(cpu), next));
    }

    void attach(Workload workload) {
        this.workload = workload;
    }

    @Override
    public void submit(Task task, Bio bio, Runnable done) {
        MakeRequest.queue(m, task, bio, m.hctxs[0], () -> m.after(task.cpu, m.costs.driverNs(),
                () -> queueBio(task, bio, done)));
    }

    @Override
    public void finishPlug(Task task, Runnable done) {
        task.plug = null;
        done.run();
    }

    /**
     * null_queue_bio() → alloc_cmd(): with a free command the driver takes the bio and completes it
     * as irqmode says; without one the task sleeps until free_cmd wakes it.
     */
    private void queueBio(Task task, Bio bio, Runnable done) {
        if (inUse == commands) {
            m.emit.bio(TransitionKind.SLEEP, null, "alloc_cmd", task.cpu, task.actor, bio, null, m.hctxs[0],
                    Place.task(task.cpu), Place.tagWait(0));
            task.pendingBio = bio;
            task.pendingDone = done;
            waiting.add(task);
            m.schedule(task);
            return;
        }
        inUse++;
        m.emit.bio(TransitionKind.MAKE_REQUEST, null, "null_queue_bio", task.cpu, task.actor, bio, null, m.hctxs[0],
                Place.task(task.cpu), Place.device(0));
        if (device.irqMode() == IrqMode.TIMER) {
            timer.add(bio, task.cpu);
            done.run();
        } else {
            end(bio, task.cpu, task.actor, done);
        }
    }

    /** end_cmd() → bio_endio(): no C in 3.16; the command is freed and one waiter woken. */
    private void end(Bio bio, int cpu, Actor actor, Runnable next) {
        m.after(cpu, m.costs.completeNs(), () -> {
            m.emit.bio(TransitionKind.BIO_END, null, "bio_endio", cpu, actor, bio, null, m.hctxs[0],
                    Place.device(0), Place.DONE);
            inUse--;
            workload.bioDone(bio.task);
            Task sleeper = waiting.poll();
            if (sleeper != null) {
                m.emit.bio(TransitionKind.WAKE, null, "free_cmd", cpu, actor, sleeper.pendingBio, null, m.hctxs[0],
                        Place.tagWait(0), Place.task(sleeper.cpu));
                m.wake(sleeper.cpu, () -> m.switchIn(sleeper, () -> {
                    Bio pending = sleeper.pendingBio;
                    Runnable done = sleeper.pendingDone;
                    sleeper.pendingBio = null;
                    sleeper.pendingDone = null;
                    queueBio(sleeper, pending, done);
                }));
            }
            next.run();
        });
    }
}
