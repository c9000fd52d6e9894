/**
 * Shared pieces of the benchmark: the fixed moment and people it uses, percentiles, and reading the one JSON
 * line a child process prints.
 */
import type { ChildProcess } from 'node:child_process';
import { DateTime } from 'luxon';

/** The plan's zone and a moment inside the real plan's period (the one the tests use). */
export const zone = 'America/Santiago';
export const benchNowIso = '2024-04-24T10:00:00';
export const benchNow = (): DateTime => DateTime.fromISO(benchNowIso, { zone });

export const signingSecret = 'bench-signing-secret-0123456789';
export const coChair = 'U0COCHAIR';
export const channel = 'C0NETWORK';

/** The questions the growth benchmark times, and its phases (each may be profiled). */
export const queryKinds = ['objective', 'activity', 'agency', 'search'] as const;
export type QueryKind = (typeof queryKinds)[number];
export const phases = ['import', ...queryKinds, 'reminders'] as const;
export type Phase = (typeof phases)[number];

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array (p in 0–100). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[] | Float64Array): Summary {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

export const median = (values: readonly number[]): number => percentile(Float64Array.from(values).sort(), 50);

/**
 * The first line a child writes to stdout that parses as JSON (the children print exactly one). Rejects
 * with the child's stderr when it exits first.
 */
export function firstJsonLine<T>(child: ChildProcess, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const onData = (d: Buffer) => {
      out += d.toString();
      for (const line of out.split('\n').slice(0, -1)) {
        if (!line.startsWith('{')) continue;
        try {
          const value = JSON.parse(line) as T;
          child.stdout?.off('data', onData);
          resolve(value);
          return;
        } catch {
          // not JSON: ignore
        }
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`${what} exited (${code ?? signal}) before reporting:\n${err.slice(-4000)}`)));
  });
}

export const fmt = (v: number, digits = 2): string => (Number.isFinite(v) ? v.toFixed(digits) : '—');
