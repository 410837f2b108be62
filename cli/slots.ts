/**
 * `--concurrency` as slots that a waiting environment gives back. A run takes one slot per environment; an
 * environment whose every request in flight is parked on a server's Retry-After (cli/http.ts) lends its slot to the
 * next environment and takes one again when its wait is over, ahead of environments not started yet (so a throttled
 * environment finishes as soon as its server allows, and the run's last wait is the only one that shows). Dataverse
 * throttles per user and per environment (docs/cli-network.md), so another environment can go on meanwhile.
 */
export class SlotPool {
  private free: number;
  /** Environments coming back from a wait: served first. */
  private readonly returning: Array<() => void> = [];
  private readonly waiting: Array<() => void> = [];

  /** @param size the most slots held at once (≥ 1) */
  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a slot pool needs at least one slot, not ${size}`);
    this.free = size;
  }

  /** Slots held now. */
  get inUse(): number {
    return this.size - this.free;
  }

  /** A slot for one environment, not yet held: `hold()` takes it. */
  slot(): Slot {
    return new Slot(this);
  }

  /** @internal Resolves when a slot is taken for the caller; `returning` callers go first. */
  take(returning: boolean): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => (returning ? this.returning : this.waiting).push(resolve));
  }

  /** @internal Gives a slot back: to the first caller waiting (returning ones first), else to the pool. */
  give(): void {
    const next = this.returning.shift() ?? this.waiting.shift();
    if (next !== undefined) next();
    else this.free++;
  }
}

/**
 * One environment's claim on a SlotPool. Its requests `enter` before they are sent and `leave` when answered; a
 * request waiting out a Retry-After is `park`ed: when no request of the environment is left running, the slot goes
 * back to the pool for the wait, and is taken again (ahead of environments not started) before the request is sent
 * again. `release` ends the claim.
 */
export class Slot {
  private held = false;
  private taking: Promise<void> | undefined;
  private running = 0;
  private parked = 0;
  private returning = false;

  constructor(private readonly pool: SlotPool) {}

  /** Whether the slot is held now (false while every request of the environment is parked). */
  get isHeld(): boolean {
    return this.held;
  }

  /** Takes the slot unless it is held; concurrent callers share one taking. */
  hold(): Promise<void> {
    if (this.held) return Promise.resolve();
    this.taking ??= this.pool.take(this.returning).then(() => {
      this.held = true;
      this.taking = undefined;
    });
    return this.taking;
  }

  /** Gives the slot back (the environment is done, or every request of it is parked). */
  release(): void {
    if (!this.held) return;
    this.held = false;
    this.pool.give();
  }

  /** Before a request is sent: the slot is held while any request of the environment is running. */
  async enter(): Promise<void> {
    this.running++;
    await this.hold();
  }

  /** After a request is answered (or failed). */
  leave(): void {
    this.running--;
    if (this.running === 0 && this.parked > 0) this.release();
  }

  /**
   * Runs `wait` (a Retry-After) parked: the slot is lent out while no other request of the environment runs, and
   * held again before this returns.
   */
  async park(wait: () => Promise<void>): Promise<void> {
    this.running--;
    this.parked++;
    if (this.running === 0) this.release();
    try {
      await wait();
    } finally {
      this.parked--;
      this.returning = true;
      this.running++;
    }
    await this.hold();
  }
}
