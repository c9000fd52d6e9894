import type { Outcome, SlashCommand, UseCaseContext } from './use-case.js';
import { setBounded } from '../domain/bounded-map.js';

/** Marks a key whose answers differ for co-chairs and members. */
const perCoChair = Symbol('per co-chair status');

/**
 * Wraps a read-only use case in a cache of its outcomes. Its answers depend only on the data and the
 * date, so they are kept under the database's version (`version()`: any write changes it, from this
 * process or another), today's date, the language, the notice and the command text: never stale. At most
 * `size` entries, the oldest dropped first.
 */
export function cached<R>(command: SlashCommand<R>, version: () => string, size = 500): SlashCommand<Outcome> {
  const entries = new Map<string, Outcome | typeof perCoChair>();
  const keyOf = (uc: UseCaseContext) => `${version()}|${uc.domain.now.toISODate()}|${uc.lang}|${uc.notice ?? ''}|${uc.text}`;
  const put = (key: string, value: Outcome | typeof perCoChair) => setBounded(entries, key, value, size);
  return {
    ...command,
    run: async (arg, uc) => {
      const key = keyOf(uc);
      const hit = entries.get(key);
      // An answer that asked who reads it (a co-chair is told what to do, a member whom to ask) is kept
      // once per co-chair status, under the key marked `perCoChair`.
      if (hit === perCoChair) {
        const own = entries.get(`${key}|coChair:${await uc.isCoChair()}`);
        if (own && own !== perCoChair) return own;
      } else if (hit) return hit;
      let asked: boolean | undefined;
      // `uc` seen through its prototype chain (its methods are its class's, not its own fields), but for isCoChair.
      const tracked: UseCaseContext = Object.create(uc, {
        isCoChair: {
          value: async () => {
            asked = await uc.isCoChair();
            return asked;
          },
        },
      });
      const outcome = command.view(await command.run(arg, tracked), tracked);
      if (asked === undefined) put(key, outcome);
      else {
        put(key, perCoChair);
        put(`${key}|coChair:${asked}`, outcome);
      }
      return outcome;
    },
    view: (outcome) => outcome,
  };
}
