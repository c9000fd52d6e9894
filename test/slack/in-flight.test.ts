import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
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

  it('gives up after the time it is given when a request never ends, and says so (false; a stop logs how many)', async () => {
    const requests = new InFlight();
    void requests.track(held<void>().promise);
    expect(await requests.settled(30)).toBe(false);
    expect(requests.count).toBe(1);
    const done = held<void>();
    void requests.track(done.promise);
    const logs: string[] = [];
    const logger = createLogger((l) => logs.push(l), LogLevel.INFO);
    await requests.finish(logger, 30);
    expect(logs.join('\n')).toMatch(/WARN \[gcm\] 2 of 2 request\(s\) being answered did not finish within 0\.03 s$/);
    done.resolve();
    await done.promise;
    await requests.finish(logger, 30);
    expect(logs.join('\n')).toMatch(/WARN \[gcm\] 1 of 1 request\(s\) being answered did not finish within 0\.03 s$/);
    expect(logs).toHaveLength(2);
  });
});
