import type { Logger } from '@slack/bolt';

/** How long a stop waits for the requests still being answered (a Web API call or a response_url post times out in 10 s). */
export const requestsGraceMs = 10_000;

/**
 * The requests the app is still answering: a stop lets them finish (bounded) before the process ends, so that
 * a person whose command, click or form was acknowledged still gets its answer (a SIGTERM, a lost database).
 */
export class InFlight {
  private running = 0;
  private waiting: (() => void)[] = [];

  /** Counts `work` as in flight until it settles; its result or error unchanged. */
  async track<T>(work: Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work;
    } finally {
      if (--this.running === 0) for (const done of this.waiting.splice(0)) done();
    }
  }

  /** How many are in flight now. */
  get count(): number {
    return this.running;
  }

  /** A stop's wait: until none is in flight (at most `withinMs`), and a warning with how many were not. */
  async finish(logger: Logger, withinMs = requestsGraceMs): Promise<void> {
    const running = this.running;
    if (!(await this.settled(withinMs))) logger.warn(`${this.running} of ${running} request(s) being answered did not finish within ${withinMs / 1000} s`);
  }

  /** Resolves true once none is in flight, or false after `withinMs` with some still running. */
  settled(withinMs = requestsGraceMs): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), withinMs);
      this.waiting.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
