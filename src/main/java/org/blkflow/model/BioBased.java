package org.blkflow.model;

import java.util.ArrayDeque;
import org.blkflow.scenario.Device;
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
        this.timer = new CompletionTimer<>(m, device.completionNs(), (bio, cpu) -> end(bio, cpu, Actor.interrupt(cpu)));
    }

    void attach(Workload workload) {
        this.workload = workload;
    }

    @Override
    public boolean submit(Task task, Bio bio) {
        MakeRequest.queue(m, task, bio, m.hctxs[0]);
        return tryQueue(task, bio, true);
    }

    /**
     * alloc_cmd(): a free command, or sleep until one comes back. A path that ran ahead of work
     * other CPUs started earlier first lets that work finish (it may free commands before now).
     */
    private boolean tryQueue(Task task, Bio bio, boolean mayDefer) {
        if (inUse < commands) {
            queueBio(task, bio);
            return true;
        }
        task.pendingBio = bio;
        if (mayDefer && m.sim.nextEventTime() < m.sim.now()) {
            m.on(task.cpu, () -> retry(task));
            return false;
        }
        m.emit.bio(TransitionKind.SLEEP, null, "alloc_cmd", task.cpu, task.actor, bio, null, m.hctxs[0],
                Place.task(task.cpu), Place.tagWait(0));
        waiting.add(task);
        m.charge(m.costs.switchNs());
        return false;
    }

    private void retry(Task task) {
        Bio bio = task.pendingBio;
        task.pendingBio = null;
        if (tryQueue(task, bio, false)) workload.resume(task);
    }

    @Override
    public void finishPlug(Task task) {
        task.plug = null;
    }

    /** null_queue_bio(): the driver takes the bio and completes it as irqmode says. */
    private void queueBio(Task task, Bio bio) {
        inUse++;
        m.charge(m.costs.driverNs());
        m.emit.bio(TransitionKind.MAKE_REQUEST, null, "null_queue_bio", task.cpu, task.actor, bio, null, m.hctxs[0],
                Place.task(task.cpu), Place.device(0));
        if (device.irqMode().equals("timer")) timer.add(bio, task.cpu);
        else end(bio, task.cpu, task.actor);
    }

    /** end_cmd() → bio_endio(): no C in 3.16; the command is freed and one waiter woken. */
    private void end(Bio bio, int cpu, Actor actor) {
        m.charge(m.costs.completeNs());
        m.emit.bio(TransitionKind.BIO_END, null, "bio_endio", cpu, actor, bio, null, m.hctxs[0],
                Place.device(0), Place.DONE);
        inUse--;
        workload.bioDone(bio.task);
        Task sleeper = waiting.poll();
        if (sleeper == null) return;
        m.emit.bio(TransitionKind.WAKE, null, "free_cmd", cpu, actor, sleeper.pendingBio, null, m.hctxs[0],
                Place.tagWait(0), Place.task(sleeper.cpu));
        m.on(sleeper.cpu, () -> {
            m.charge(m.costs.switchNs());
            retry(sleeper);
        });
    }
}
