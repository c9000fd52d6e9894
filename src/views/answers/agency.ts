import type { KnownBlock } from '@slack/types';
import type { AgencyDirectory, Language } from '../../domain/types.js';
import { messages } from '../../i18n/messages.js';
import { context, divider, esc, header, section } from '../blocks.js';
import { agencyLabel, profileTexts } from '../labels.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';
import { activityBlock, activityLines, agencyName, bullet, moreBlocks, moreLines } from './parts.js';

type AgencyAnswer = AnswerOf<'agency'>;

/** What the agency leads and supports, each list cut at its total. */
function workBlocks(answer: AgencyAnswer, dir: AgencyDirectory): KnownBlock[] {
  const m = messages(answer.lang);
  const lang = answer.lang;
  return [
    section(`*${m.leads}* (${answer.leadsTotal})${answer.leadsTotal ? '' : `\n${m.nothingLed}`}`),
    ...answer.leads.map((s) => activityBlock(s, lang, dir)),
    ...moreBlocks(answer.leadsTotal, answer.leads.length, lang),
    section(`*${m.supports}* (${answer.supportsTotal})${answer.supportsTotal ? '' : `\n${m.nothingSupported}`}`),
    ...answer.supports.map((s) => activityBlock(s, lang, dir)),
    ...moreBlocks(answer.supportsTotal, answer.supports.length, lang),
    ...(answer.member ? [context(m.networkSupported(answer.networkSupported))] : []),
  ];
}

/** The agency's profile (004) and its marks in the matrix: always shown, after the lists. */
function profileBlocks(answer: AgencyAnswer, lang: Language): KnownBlock[] {
  const m = messages(lang);
  const a = answer.agency;
  const tail: KnownBlock[] = [divider()];
  if (a.profile) {
    const p = profileTexts(a.profile, lang);
    tail.push(
      section(`*${m.mandate}:* ${esc(p.mandate)}\n*${m.migrationWork}:* ${esc(p.migrationWork)}`),
      context(p.translated ? m.profileSourceTranslated : m.profileSource),
    );
  } else tail.push(section(m.noProfile(a.id)));
  tail.push(
    answer.marks.length
      ? section(`*${m.matrix}:* ${answer.marks.map((k) => `${esc(lang === 'es' && k.issueEs ? k.issueEs : k.issue)} (${k.mark})`).join(' · ')}`)
      : context(m.matrixNone),
  );
  return tail;
}

function workLines(answer: AgencyAnswer, dir: AgencyDirectory): string[] {
  const m = messages(answer.lang);
  const lang = answer.lang;
  return [
    '',
    `${m.leads} (${answer.leadsTotal}):`,
    ...(answer.leadsTotal === 0 ? [`  ${m.nothingLed}`] : []),
    ...answer.leads.flatMap((s) => activityLines(s, lang, dir)),
    ...moreLines(answer.leadsTotal, answer.leads.length, lang),
    '',
    `${m.supports} (${answer.supportsTotal}):`,
    ...(answer.supportsTotal === 0 ? [`  ${m.nothingSupported}`] : []),
    ...answer.supports.flatMap((s) => activityLines(s, lang, dir)),
    ...moreLines(answer.supportsTotal, answer.supports.length, lang),
    ...(answer.member ? [`  ${m.networkSupported(answer.networkSupported)}`] : []),
  ];
}

function profileLines(answer: AgencyAnswer, lang: Language): string[] {
  const m = messages(lang);
  const a = answer.agency;
  const out = [''];
  if (a.profile) {
    const p = profileTexts(a.profile, lang);
    out.push(`${m.mandate}: ${p.mandate}`, `${m.migrationWork}: ${p.migrationWork}`, `(${p.translated ? m.profileSourceTranslated : m.profileSource})`);
  } else out.push(m.noProfile(a.id));
  out.push('');
  if (answer.marks.length === 0) out.push(m.matrixNone);
  else out.push(`${m.matrix}:`, ...answer.marks.map((k) => bullet(`${k.issueNumber}. ${lang === 'es' && k.issueEs ? k.issueEs : k.issue} (${k.mark})`)));
  if (a.note) out.push('', `${m.note}: ${a.note}`);
  return out;
}

/** `/gcm agency IOM`: what an agency leads and supports in the plan, its profile and its marks in the matrix. */
export const agency: AnswerDrawing<AgencyAnswer> = {
  slack(answer, dir) {
    const m = messages(answer.lang);
    const a = answer.agency;
    const name = agencyName(a, answer.lang);
    const body = [header(`${agencyLabel(a.id, answer.lang, dir)}: ${name}`), ...(answer.member ? [] : [context(m.notMember)]), ...workBlocks(answer, dir)];
    return { body, tail: profileBlocks(answer, answer.lang), fallback: `${a.id}: ${name}` };
  },
  text(answer, dir) {
    const a = answer.agency;
    const head = [`${agencyLabel(a.id, answer.lang, dir)}: ${agencyName(a, answer.lang)}`, ...(answer.member ? [] : [messages(answer.lang).notMember])];
    return [...head, ...workLines(answer, dir), ...profileLines(answer, answer.lang)];
  },
};
