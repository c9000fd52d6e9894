import type { PlanReader } from './ports.js';
import type { Language, SearchHit } from './types.js';

const plain = (snippet: string) => snippet.replace(/\*/g, '').replace(/^…|…$/g, '');

/** An English hit whose snippet starts in the activity's Spanish text (indexed in its body): the title says enough. */
function withoutSpanishSnippet(plans: PlanReader, planId: string, h: SearchHit): SearchHit {
  const a = plans.activity(planId, h.ref);
  const start = plain(h.snippet).split(' ').slice(0, 3).join(' ');
  return a?.textEs && start !== '' && a.textEs.includes(start) ? { ...h, snippet: '' } : h;
}

/**
 * Search hits in the answer's language. The index keeps one title per row, in English, and a body that mixes
 * both languages; a Spanish answer shows each hit once, in Spanish: the official Spanish title of an objective,
 * the agency's Spanish acronym and name, an activity's or priority's Spanish text where the plan has one (else
 * its English). English hits keep their English title; an activity's snippet cut from its Spanish text is dropped.
 */
export function localizeHits(plans: PlanReader, planId: string, hits: SearchHit[], lang: Language): SearchHit[] {
  if (lang !== 'es') return hits.map((h) => (h.kind === 'activity' ? withoutSpanishSnippet(plans, planId, h) : h));
  return hits.map((h): SearchHit => {
    switch (h.kind) {
      case 'objective': {
        const o = plans.objective(Number(h.ref));
        // The body is the objective's titles in both languages: the title says it once.
        return o ? { ...h, title: `${o.number}: ${o.titleEs}`, snippet: '' } : h;
      }
      case 'agency': {
        const a = plans.agency(h.ref);
        if (!a) return h;
        const label = a.acronymEs && a.acronymEs !== a.id ? `${a.acronymEs} (${a.id})` : a.id;
        // The body is the agency's names and its profile's English summary: the name says which agency it is.
        return { ...h, title: `${label}: ${a.nameEs ?? a.nameEn}`, snippet: '' };
      }
      case 'activity': {
        const a = plans.activity(planId, h.ref);
        if (!a?.textEs) return h;
        return { ...h, title: `${a.id} ${a.textEs}`, snippet: a.textEs.includes(plain(h.snippet)) ? '' : h.snippet };
      }
      default: {
        const p = plans.priority(planId, h.ref);
        if (!p?.titleEs) return h;
        // The body is the priority's English text: its Spanish text, where there is one, stands in for it.
        return { ...h, title: `${p.id}: ${p.titleEs}`, snippet: p.textEs ?? h.snippet };
      }
    }
  });
}
