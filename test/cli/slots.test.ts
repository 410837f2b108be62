/** cli/slots.ts: --concurrency as slots a Retry-After wait lends out (pure; no network, no clock). */
import { SlotPool } from "../../cli/slots";

/** A wait that ends when the test says so. */
function gate(): { wait: () => Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { wait: () => promise, open };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("slots", () => {
  it("at most `size` held; the next caller gets a slot when one is given back, in order", async () => {
    const pool = new SlotPool(2);
    const order: string[] = [];
    const [a, b, c, d] = [pool.slot(), pool.slot(), pool.slot(), pool.slot()];
    void a.hold().then(() => order.push("a"));
    void b.hold().then(() => order.push("b"));
    void c.hold().then(() => order.push("c"));
    void d.hold().then(() => order.push("d"));
    await settle();
    expect(order).toEqual(["a", "b"]);
    expect(pool.inUse).toBe(2);
    b.release();
    await settle();
    expect(order).toEqual(["a", "b", "c"]);
    a.release();
    await settle();
    expect(order).toEqual(["a", "b", "c", "d"]);
    expect(pool.inUse).toBe(2);
  });

  it("a request parked on a Retry-After lends the slot out, and takes one back ahead of environments not started", async () => {
    const pool = new SlotPool(1);
    const throttled = pool.slot();
    await throttled.hold();
    await throttled.enter();
    const retryAfter = gate();
    const parked = throttled.park(retryAfter.wait);
    await settle();
    expect(throttled.isHeld).toBe(false);
    const next = pool.slot();
    await next.hold(); // the slot the throttled environment lent out
    const later = pool.slot();
    let laterHolds = false;
    void later.hold().then(() => (laterHolds = true));
    retryAfter.open();
    await settle();
    expect(throttled.isHeld).toBe(false); // its time is up, but `next` holds the one slot
    next.release();
    await parked; // the returning environment goes first…
    expect(throttled.isHeld).toBe(true);
    expect(laterHolds).toBe(false); // …ahead of the one that never started
    throttled.leave();
    throttled.release();
    await settle();
    expect(laterHolds).toBe(true);
  });

  it("the slot is kept while another request of the environment is still running, and lent when it ends", async () => {
    const pool = new SlotPool(1);
    const slot = pool.slot();
    await slot.hold();
    await slot.enter(); // the link function
    await slot.enter(); // the solutions row
    const retryAfter = gate();
    const parked = slot.park(retryAfter.wait); // the link function was throttled
    await settle();
    expect(slot.isHeld).toBe(true); // the solutions row is still in flight
    slot.leave(); // the solutions row is answered
    expect(slot.isHeld).toBe(false);
    expect(pool.inUse).toBe(0);
    retryAfter.open();
    await parked;
    expect(slot.isHeld).toBe(true);
    slot.leave();
    slot.release();
    expect(pool.inUse).toBe(0);
  });

  it("refuses a pool without slots", () => {
    expect(() => new SlotPool(0)).toThrow(RangeError);
  });
});
