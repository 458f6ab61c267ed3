import { describe, expect, it } from 'vitest';
import { type SlotKind, Slots } from '../../src/main/services/jobs/slots';

const open = () => new AbortController().signal;

/** Asks for a slot and records when it is granted. */
function ask(slots: Slots, kind: SlotKind, signal = open()) {
  const entry = { kind, granted: false, release: undefined as (() => void) | undefined, failed: undefined as unknown };
  void slots.acquire(signal, kind).then(
    (release) => {
      entry.granted = true;
      entry.release = release;
    },
    (error: unknown) => {
      entry.failed = error;
    },
  );
  return entry;
}

const tick = () => new Promise((r) => setImmediate(r));

describe('parallel-job slots', () => {
  it('never runs more calls than the setting, and keeps one slot for images while videos wait', async () => {
    const slots = new Slots(() => 3);
    const videos = [ask(slots, 'video'), ask(slots, 'video'), ask(slots, 'video')];
    await tick();
    expect(videos.map((v) => v.granted)).toEqual([true, true, false]);
    const images = [ask(slots, 'image'), ask(slots, 'image')];
    await tick();
    expect(images.map((i) => i.granted)).toEqual([true, false]);
    expect(slots.inUse()).toEqual({ total: 3, video: 2 });

    // a freed video slot goes to the waiting video (its share allows it again); a freed image slot
    // to the waiting image
    videos[0]!.release!();
    await tick();
    expect(videos[2]!.granted).toBe(true);
    expect(images[1]!.granted).toBe(false);
    images[0]!.release!();
    await tick();
    expect(images[1]!.granted).toBe(true);
    expect(slots.inUse()).toEqual({ total: 3, video: 2 });
  });

  it('images may use every slot; a video then waits for one to free', async () => {
    const slots = new Slots(() => 2);
    const images = [ask(slots, 'image'), ask(slots, 'image')];
    const video = ask(slots, 'video');
    await tick();
    expect(images.every((i) => i.granted)).toBe(true);
    expect(video.granted).toBe(false);
    images[1]!.release!();
    await tick();
    expect(video.granted).toBe(true);
  });

  it('with a single slot the kinds take turns in arrival order', async () => {
    const slots = new Slots(() => 1);
    const first = ask(slots, 'video');
    const image = ask(slots, 'image');
    const second = ask(slots, 'video');
    await tick();
    expect([first.granted, image.granted, second.granted]).toEqual([true, false, false]);
    first.release!();
    await tick();
    expect([image.granted, second.granted]).toEqual([true, false]);
    image.release!();
    await tick();
    expect(second.granted).toBe(true);
  });

  it('applies a new setting without a restart, releases once, and drops a waiter whose job was cancelled', async () => {
    let size = 1;
    const slots = new Slots(() => size);
    const held = ask(slots, 'image');
    const controller = new AbortController();
    const cancelled = ask(slots, 'image', controller.signal);
    const waiting = ask(slots, 'image');
    await tick();
    controller.abort(new Error('cancelled'));
    await tick();
    expect(cancelled.failed).toBeInstanceOf(Error);
    size = 2;
    const late = ask(slots, 'image');
    await tick();
    expect(waiting.granted).toBe(true); // the earlier waiter first
    expect(late.granted).toBe(false);
    held.release!();
    held.release!(); // a second release frees nothing more
    await tick();
    expect(late.granted).toBe(true);
    expect(slots.inUse()).toEqual({ total: 2, video: 0 });
  });

  it('lets the job queue take a slot only without passing a waiter, and tells it when one frees', async () => {
    let freed = 0;
    const slots = new Slots(
      () => 2,
      () => freed++,
    );
    const video = slots.tryAcquire('video');
    expect(video).not.toBeNull();
    expect(slots.tryAcquire('video')).toBeNull(); // videos hold at most N − 1
    const download = ask(slots, 'video'); // a download waits for its share
    const image = slots.tryAcquire('image');
    expect(image).not.toBeNull();
    expect(slots.canTake('image')).toBe(false);
    image!();
    expect(freed).toBe(1);
    await tick();
    expect(download.granted).toBe(false);
    video!();
    await tick();
    expect(download.granted).toBe(true); // the waiter first, before the queue takes it
    expect(slots.canTake('video')).toBe(false);
    expect(slots.canTake('image')).toBe(true);
  });
});
