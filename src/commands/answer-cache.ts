import type { Outcome, SlashCommand, UseCaseContext } from './use-case.js';

/**
 * Wraps a read-only use case in a cache of its outcomes. Its answers depend only on the data and the
 * date, so they are kept under the database's version (`version()`: any write changes it, from this
 * process or another), today's date, the language, the notice and the command text: never stale. At most
 * `size` entries, the oldest dropped first.
 */
export function cached<R>(command: SlashCommand<R>, version: () => string, size = 500): SlashCommand<Outcome> {
  const entries = new Map<string, Outcome>();
  const keyOf = (uc: UseCaseContext) => `${version()}|${uc.domain.now.toISODate()}|${uc.lang}|${uc.notice ?? ''}|${uc.text}`;
  return {
    ...command,
    run: async (arg, uc) => {
      const key = keyOf(uc);
      const hit = entries.get(key);
      if (hit) return hit;
      const outcome = command.view(await command.run(arg, uc), uc);
      if (entries.size >= size) entries.delete(entries.keys().next().value!);
      entries.set(key, outcome);
      return outcome;
    },
    view: (outcome) => outcome,
  };
}
