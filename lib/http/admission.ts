/**
 * Requests are handled in the order they arrive, at most `limit` at a time.
 *
 * Node serves the connections it is already reading from before it gets to new ones
 * while its one thread is busy: under 50 concurrent deploys, requests that came on a
 * new connection waited up to 4.6 s while the rest came back in 0.4 s (the same happens
 * to a bare http.Server whose handler costs 15 ms of CPU). With at most `limit` requests
 * in progress, the event loop keeps turning and the others wait here, first come first
 * served, so everyone waits about as long.
 *
 * Node also accepts only one new connection per turn of its event loop while it is busy;
 * so a request that leaves makes room for the next one on a later turn, not at once.
 *
 * A request gives its place up when its response starts (headers written), so an event
 * stream or a long download holds none; or when its client goes away; or after `holdMs`,
 * so requests waiting on something slow (a cluster that does not answer) cannot keep
 * everyone else out. Health checks and static files never wait (lib/http/server-hook.ts
 * decides what is admitted here).
 *
 * Few places are best: under 50 concurrent deploys on PostgreSQL, p95 to the 202 was
 * 315-388 ms with 8 places and 475-521 ms with 32 or 64 (more requests interleaved on
 * the one thread make each turn of the event loop longer, and new connections wait for
 * those turns); 4 places left the database's round trips too little to overlap.
 */
export class AdmissionQueue {
  #inProgress = 0;
  /** Requests past their hold time: no longer counted against the limit, but not finished. */
  #overdue = 0;
  readonly #waiting: (() => void)[] = [];
  /** Called once when no request is in progress any more (lib/db-priority.ts, requestsFirst). */
  readonly #idle: (() => void)[] = [];

  constructor(
    readonly limit: number,
    /** After this long a request no longer counts against the limit (0: only when its response starts or it ends). */
    readonly holdMs = 0,
  ) {}

  /**
   * Runs `handle` now or when a place frees up. `handle` gets the `done` to call once the
   * request no longer needs its place (calling it again does nothing). Returns a function
   * that withdraws the request if it is still waiting (its client left).
   */
  admit(handle: (done: () => void) => void): () => void {
    let counted = false;
    let finished = false;
    let held: NodeJS.Timeout | undefined;
    const release = () => {
      if (!counted) return;
      counted = false;
      this.#inProgress -= 1;
      if (this.#inProgress === 0 && this.#waiting.length === 0) for (const idle of this.#idle.splice(0)) idle();
      // Not at once: the next request starts on a later turn of the event loop, which
      // meanwhile accepts new connections (Node accepts one per turn while busy; handled
      // back to back, the waiting requests would keep new connections out for seconds).
      setImmediate(() => this.#next());
    };
    const done = () => {
      if (finished) return;
      finished = true;
      clearTimeout(held);
      if (!counted) this.#overdue -= 1;
      release();
    };
    const start = () => {
      this.#inProgress += 1;
      counted = true;
      if (this.holdMs > 0) {
        held = setTimeout(() => {
          this.#overdue += 1;
          release();
        }, this.holdMs).unref();
      }
      handle(done);
    };
    if (this.#inProgress < this.limit && this.#waiting.length === 0) {
      start();
      return () => {};
    }
    this.#waiting.push(start);
    return () => {
      const index = this.#waiting.indexOf(start);
      if (index >= 0) this.#waiting.splice(index, 1);
    };
  }

  /** Resolves when no request is in progress (at once if none is), or after `maxMs`. */
  whenIdle(maxMs: number): Promise<void> {
    if (this.#inProgress === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const index = this.#idle.indexOf(go);
        if (index >= 0) this.#idle.splice(index, 1);
        resolve();
      }, maxMs);
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      this.#idle.push(go);
    });
  }

  /** For /metrics and tests. */
  get waiting(): number {
    return this.#waiting.length;
  }

  get inProgress(): number {
    return this.#inProgress;
  }

  /** Requests admitted and not finished, those past their hold time included, and those waiting. */
  get open(): number {
    return this.#inProgress + this.#overdue + this.#waiting.length;
  }

  #next() {
    while (this.#inProgress < this.limit && this.#waiting.length > 0) this.#waiting.shift()!();
  }
}
