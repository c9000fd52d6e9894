import { containsWords, fold } from '../domain/normalize.js';
import { nearest, orList } from './plain.js';
import type { AgenciesFile } from './schema.js';

export type AgencyResolution = { ok: true; id: string } | { ok: false; message: string };

/**
 * Resolves the agency names a plan file may use (id, English or Spanish name, Spanish acronym, alias: OIM,
 * CEPAL, ACNUR, "UN-Habitat"…) to the canonical ids of data/agencies.yaml, with the rules of `findAgencies`
 * in domain/questions.ts: an exact name first, case and accents ignored; else a name containing the words as
 * whole words (`MPI` never matches inside `OMPI`). An unknown or ambiguous name is a plain message.
 */
export function agencyResolver(agencies: AgenciesFile): (name: string) => AgencyResolution {
  const names: { folded: string; written: string; id: string }[] = [];
  for (const a of agencies.agencies) {
    for (const n of [a.id, a.acronym_es, a.name_en, a.name_es, ...a.aliases]) {
      if (n) names.push({ folded: fold(n), written: n, id: a.id });
    }
  }
  const shortNames = agencies.agencies.flatMap((a) => [a.id, ...(a.acronym_es ? [a.acronym_es] : []), ...a.aliases]);
  const idOfShort = new Map<string, string>();
  for (const a of agencies.agencies) for (const n of [a.id, a.acronym_es, ...a.aliases]) if (n) idOfShort.set(n, a.id);
  // A plan names a few agencies again and again (100,000 activities, a dozen names): each name is resolved once.
  const resolved = new Map<string, AgencyResolution>();
  return (name) => {
    let r = resolved.get(name);
    if (r === undefined) {
      r = resolveName(name);
      resolved.set(name, r);
    }
    return r;
  };

  function resolveName(name: string): AgencyResolution {
    const q = fold(name);
    if (q === '') return { ok: false, message: 'an agency name is empty' };
    const exact = new Set(names.filter((n) => n.folded === q).map((n) => n.id));
    const ids = exact.size > 0 ? exact : new Set(names.filter((n) => containsWords(n.folded, q)).map((n) => n.id));
    if (ids.size === 1) return { ok: true, id: [...ids][0]! };
    if (ids.size > 1) return { ok: false, message: `${name}: several agencies have this name (${orList([...ids])}); write one of them` };
    const pool = q.includes(' ') ? names.map((n) => n.written) : shortNames;
    const near = nearest(name, pool, 3).map((n) => {
      const id = idOfShort.get(n.name);
      return id && id !== n.name ? `${n.name} (${id})` : n.name;
    });
    return { ok: false, message: `${name}: unknown agency; did you mean ${orList(near)}?` };
  }
}
