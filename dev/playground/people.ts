/**
 * The people of the playground's workspace, with Slack-like ids, handles and names: the co-chair, members,
 * and people of the agencies who can be named focal points (`/gcm focal IOM @sofia`). The page lets you act
 * as any of them and mention them with `@`; the stand-in's `users.info` answers them (and only them). Sofía is
 * IOM's focal point from the start (`playgroundFocalPoints`): IOM leads the activities of the page's examples
 * (B1.2, B2.1), so acting as her shows what a lead agency's focal point may do (Update), and as a member what not.
 * Carlos uses Slack in Spanish (`users.info` locale `es-LA`): his App Home, and the page's frame, are in Spanish.
 */
export const playgroundUsers = [
  { id: 'U0COCHAIR', name: 'ana', realName: 'Ana Morales', displayName: 'Ana', role: 'co-chair', coChair: true },
  { id: 'U0MEMBER', name: 'luis', realName: 'Luis Pérez', displayName: 'Luis', role: 'member', coChair: false },
  { id: 'U0IOM0001', name: 'sofia', realName: 'Sofía Ramírez', displayName: 'Sofía', role: 'IOM focal point', coChair: false },
  { id: 'U0UNHCR01', name: 'carlos', realName: 'Carlos Díaz', displayName: 'Carlos', role: 'UNHCR', coChair: false, locale: 'es-LA' },
  { id: 'U0UNICEF1', name: 'marta', realName: 'Marta Silva', displayName: 'Marta', role: 'UNICEF', coChair: false },
  { id: 'U0UNDP001', name: 'jorge', realName: 'Jorge Castillo', displayName: 'Jorge', role: 'UNDP', coChair: false },
] as const;
/** The focal points the playground's database starts with (kept when a DATABASE_PATH already has them). */
export const playgroundFocalPoints: Record<string, string[]> = { IOM: ['U0IOM0001'] };
export const playgroundChannel = { id: 'C0NETWORK', name: 'regional-network' };
