import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/slack/in-flight.js';

/** A promise and the functions that settle it. */
function held<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('InFlight: the requests a stop waits for', () => {
  it('settles once every tracked request has ended, whether it answered or failed, and passes each result on unchanged', async () => {
    const requests = new InFlight();
    expect(await requests.settled(10)).toBe(true);
    const a = held<string>();
    const b = held<string>();
    const tracked = [requests.track(a.promise), requests.track(b.promise).catch((e: Error) => e.message)];
    expect(requests.count).toBe(2);
    let settled: boolean | undefined;
    void requests.settled(5_000).then((v) => (settled = v));
    a.resolve('answered');
    await tracked[0];
    expect(requests.count).toBe(1);
    expect(settled).toBeUndefined();
    b.reject(new Error('failed'));
    expect(await Promise.all(tracked)).toEqual(['answered', 'failed']);
    await Promise.resolve();
    expect(settled).toBe(true);
    expect(requests.count).toBe(0);
  });

  it('gives up after the time it is given when a request never ends, and says so (false)', async () => {
    const requests = new InFlight();
    void requests.track(held<void>().promise);
    expect(await requests.settled(30)).toBe(false);
    expect(requests.count).toBe(1);
  });
});
