import { changeFocal, focalRefusal, parseFocal } from '../domain/focal-points.js';
import { messages } from '../i18n/messages.js';
import { agencyLabel } from '../views/labels.js';
import { section } from '../views/blocks.js';
import { escapedGiven } from '../views/message-view.js';
import type { Outcome, SlashCommand, UseCaseContext } from './use-case.js';

/** The reply's text, and whether focal points changed. */
type FocalReply = { text: string; changed: boolean };

const mentions = (ids: string[]) => ids.map((u) => `<@${u}>`).join(', ');

/** List an agency's focal points (or all), or change them: co-chairs anyone's, anyone else only their own. */
async function focalReply(arg: string, uc: UseCaseContext): Promise<FocalReply> {
  const m = messages(uc.lang);
  const ctx = uc.domain;
  const req = parseFocal(ctx, arg);
  const name = (id: string) => agencyLabel(id, uc.lang, uc.directory);
  const listOf = (id: string, users: string[]) => (users.length ? m.report.focalLine(name(id), mentions(users)) : m.report.focalOf(name(id)));
  switch (req.kind) {
    case 'error':
      return { text: m.error(escapedGiven(req.error)), changed: false };
    case 'list_all': {
      const all = [...ctx.state.focalPoints()];
      if (all.length === 0) return { text: m.report.focalNone, changed: false };
      return {
        text: `*${m.report.focalTitle}*\n${all.map(([agency, users]) => m.report.focalLine(name(agency), mentions(users))).join('\n')}`,
        changed: false,
      };
    }
    case 'list':
      return { text: listOf(req.agency.id, ctx.state.focalPointsOf(req.agency.id)), changed: false };
    case 'change': {
      const refusal = focalRefusal(ctx, req, uc.userId, await uc.isCoChair());
      if (refusal) return { text: m.error(escapedGiven(refusal)), changed: false };
      // Only people added are checked: someone who left Slack can still be removed.
      const unknown = req.add.length ? await uc.unknownUsers(req.add) : [];
      if (unknown.length) return { text: m.error({ code: 'focal_unknown', given: unknown }), changed: false };
      const { added, removed } = changeFocal(ctx, req, { userId: uc.userId, source: uc.source });
      const lines = [
        ...(added.length ? [m.report.focalAdded(name(req.agency.id), mentions(added))] : []),
        ...(removed.length ? [m.report.focalRemoved(name(req.agency.id), mentions(removed))] : []),
      ];
      const text = `${lines.length ? lines.join('\n') : m.report.focalUnchanged}\n${listOf(req.agency.id, ctx.state.focalPointsOf(req.agency.id))}`;
      return { text, changed: lines.length > 0 };
    }
  }
}

/** `/gcm focal IOM <@U…>` (`enlace`): who answers for an agency, named by co-chairs or by people themselves. */
export const focal: SlashCommand<FocalReply> = {
  name: 'focal',
  keywords: { en: ['focal'], es: ['enlace', 'enlaces'] },
  help: {
    en: [{ usage: 'focal IOM @ana', text: "an agency's focal points; name yourself for your own agency, `remove` to leave (co-chairs: anyone)" }],
    es: [{ usage: 'enlace OIM @ana', text: 'los enlaces de una agencia; nómbrese para su propia agencia, `quitar` para salir (copresidencia: a cualquiera)' }],
  },
  guard: 'anyone',
  reply: 'later',
  run: focalReply,
  // The fallback text names people without notifying them: mentions only in the blocks.
  view: ({ text, changed }): Outcome => ({ kind: 'message', message: { text: text.replace(/<@(\w+)>/g, '@$1'), blocks: [section(text)] }, changed }),
};
