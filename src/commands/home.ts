import type { HomeView } from '@slack/types';
import { homeData } from '../domain/home.js';
import type { Context } from '../domain/ports.js';
import type { AgencyDirectory, Language } from '../domain/types.js';
import { actionIds } from '../views/action-ids.js';
import { homeView } from '../views/home-view.js';
import type { Interaction } from './use-case.js';

/** The App Home of a user in `lang`: progress, the next 30 days, and the agency they picked. */
export function homeOf(ctx: Context, directory: AgencyDirectory, userId: string, lang: Language): HomeView {
  return homeView(homeData(ctx, ctx.state.userAgency(userId), lang), directory);
}

/** The App Home's "My agency" menu: remembers a known agency (an unknown one is ignored) and redraws the Home. */
export const pickAgencyMenu: Interaction<string> = {
  actionId: actionIds.pickAgency,
  guard: 'anyone',
  language: (_click, fallback) => fallback,
  input: (click) => (click.value ? { ok: true, input: click.value } : { ok: false, reason: 'no agency picked' }),
  run: (agencyId, uc) => {
    if (uc.domain.plans.agency(agencyId)) uc.domain.state.setUserAgency(uc.userId, agencyId, uc.domain.now.toUTC().toISO()!);
    return { kind: 'home' };
  },
};
