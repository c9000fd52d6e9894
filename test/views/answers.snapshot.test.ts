import { describe, expect, it } from 'vitest';
import { startBot } from '../helpers/slack.js';
import { stable, words } from './visible.js';

/**
 * Snapshots of every answer to `/gcm`, in English and Spanish, at a fixed clock (24 April 2024, 10:00 in
 * America/Santiago), through the real Bolt app over signed HTTP: the acknowledgement's JSON is the message
 * the asker sees. They pin what users see across refactors; the content checks beside each one say what
 * matters in it.
 */

type Answer = { text: string; blocks: unknown[]; response_type: string };

interface Ask {
  command: string;
  /** Words the answer must contain (in its text or blocks). */
  contains: string[];
  /** Environment for the bot (GCM_LANGUAGE=es for an answer without a Spanish keyword). */
  env?: Record<string, string>;
  /** The bot's clock, when the answer needs another day than 24 April 2024, 10:00 (Santiago). */
  now?: string;
}

interface Case {
  /** What the answer does, as a sentence. */
  says: string;
  en: Ask;
  es: Ask;
}

const cases: Case[] = [
  {
    says: 'objective N shows the objective, the priorities that serve it and their activities',
    en: { command: 'objective 23', contains: ['GCM objective 23', 'Strengthen international cooperation', 'T3', 'Share in channel'] },
    es: { command: 'objetivo 23', contains: ['Objetivo del Pacto Mundial 23', 'Fortalecer la cooperación internacional', 'T3', 'Compartir en el canal'] },
  },
  {
    says: 'objective without a number lists the 23 objectives with the priorities citing them',
    en: { command: 'objective', contains: ['GCM objectives', '*1.*', '*23.*'] },
    es: { command: 'objetivos', contains: ['Objetivos del Pacto Mundial', '*1.*', '*23.*'] },
  },
  {
    says: 'a recurring activity shows every occurrence with its due date, and Mark done names the current one',
    en: { command: 'activity B1.3', contains: ['Activity B1.3', 'June 2023', 'December 2024', 'Mark done · June 2023', '0 of 7 done'] },
    es: { command: 'actividad B1.3', contains: ['Actividad B1.3', 'junio de 2023', 'diciembre de 2024', 'Marcar como hecha · junio de 2023', 'de 7 hechas'] },
  },
  {
    says: 'a one-off activity shows its single due date and a plain Mark done',
    en: { command: 'activity B1.5', contains: ['Activity B1.5', 'Mark done', 'gcm_mark_done'] },
    es: { command: 'actividad B1.5', contains: ['Actividad B1.5', 'Marcar como hecha', 'gcm_mark_done'] },
  },
  {
    says: 'a tentative meeting shows its tentative date and the source note',
    en: { command: 'activity T1.1', contains: ['Activity T1.1', 'Due 30 August 2023 (tentative)', 'to be confirmed', 'OHCHR, ICRC, IOM and UNHCR'] },
    es: { command: 'actividad T1.1', contains: ['Actividad T1.1', '30 de agosto de 2023', 'por confirmar', 'ACNUDH'] },
  },
  {
    says: 'a bare number shared by a basic and a thematic activity shows both',
    en: { command: '1.1', contains: ['Two activities are numbered 1.1', 'Activity B1.1', 'Activity T1.1'] },
    es: { command: 'actividad 1.1', contains: ['Dos actividades llevan el número 1.1', 'Actividad B1.1', 'Actividad T1.1'] },
  },
  {
    says: 'an agency query matching several agencies lists the choices',
    en: { command: 'agency migration', contains: ['Several agencies match "migration"', '*IOM*', '*MPI*'] },
    es: { command: 'agencia migration', contains: ['Varias agencias coinciden con "migration"', 'OIM', 'MPI'] },
  },
  {
    says: 'an agency shows what it leads and supports, its mandate and its matrix marks',
    en: { command: 'agency IOM', contains: ['IOM: International Organization for Migration', 'B1.2', 'Mandate'] },
    es: { command: 'agencia OIM', contains: ['OIM', 'Organización Internacional para las Migraciones', 'B1.2', 'Mandato'] },
  },
  {
    says: 'an agency without a profile says the reference document has none',
    en: { command: 'agency OCHA', contains: ['OCHA: United Nations Office for the Coordination of Humanitarian Affairs', 'has no profile of OCHA'] },
    es: { command: 'agencia OCHA', contains: ['Oficina de las Naciones Unidas para la Coordinación de Asuntos Humanitarios', 'no tiene un perfil de OCHA'] },
  },
  {
    says: 'agency without a name lists the agencies of the network and the others the plan names',
    en: { command: 'agency', contains: ['Agencies of the Regional Network and others the plan names', 'IOM', 'ECLAC'] },
    es: { command: 'agencia', contains: ['Agencias de la Red Regional y otras que el plan nombra', 'OIM', 'CEPAL'] },
  },
  {
    says: 'a priority shows its text and its activities',
    en: { command: 'priority B1', contains: ['Basic priority B1', 'Effective, timely and coordinated support', 'B1.1', 'B1.6'] },
    es: { command: 'prioridad B1', contains: ['Prioridad básica B1', 'Apoyo eficaz, oportuno y coordinado de todo el sistema', 'B1.1', 'B1.6'] },
  },
  {
    says: 'priority without an id lists the seven priorities with their number of activities',
    en: { command: 'priorities', contains: ['Priorities of the plan', '*B1*', '*T3*', 'activities'] },
    es: { command: 'prioridades', contains: ['Prioridades del plan', '*B1*', '*T3*', 'actividades'] },
  },
  {
    says: 'search lists what matches in the plan, the agencies and the objectives',
    en: { command: 'search missing migrants', contains: ['4 results for "missing migrants"', 'T1.1'] },
    es: { command: 'buscar missing migrants', contains: ['4 resultados para "missing migrants"', 'T1.1'] },
  },
  {
    says: 'a question in plain words answers with the view of what it found, headed by what was understood',
    en: { command: 'who leads the missing migrants workshop?', contains: ['Understood: who leads and supports activity T1.1.', 'OHCHR'] },
    es: { command: '¿quién organiza las reuniones trimestrales?', contains: ['Entendido: quién lidera y apoya la actividad B1.2.', 'OIM (IOM)'] },
  },
  {
    says: 'what is due in a period lists every occurrence due in it',
    en: { command: 'what is due in May 2024?', contains: ['Due in May 2024', 'B1.2 · May 2024', 'B2.1'] },
    es: { command: '¿qué vence en mayo de 2024?', contains: ['Vence en mayo de 2024', 'B1.2 · mayo de 2024', 'B3.1'] },
  },
  {
    says: 'a keyword with a typo is taken for the keyword, and the answer says so',
    en: { command: 'objetive 23', contains: ['Showing objective 23: you wrote *objetive*.'] },
    es: { command: 'objetvo 23', contains: ['Mostrando objetivo 23: escribiste *objetvo*.'] },
  },
  {
    says: 'upcoming lists the next dated occurrences from today',
    en: { command: 'upcoming', contains: ['Coming up', 'B1.3 · April 2024', '30 April 2024'] },
    es: { command: 'proximo', contains: ['Próximamente', 'B1.3 · abril de 2024', '30 de abril de 2024'] },
  },
  {
    says: "after the plan's period, upcoming tells a member the plan ended and which co-chairs to ask about the next one",
    en: {
      command: 'upcoming',
      now: '2025-01-20T10:00:00',
      contains: ['Coming up', '31 December 2024', 'The next plan is loaded by the co-chairs (<@U0COCHAIR>): ask them'],
    },
    es: {
      command: 'proximo',
      now: '2025-01-20T10:00:00',
      contains: ['Próximamente', '31 de diciembre de 2024', 'La copresidencia (<@U0COCHAIR>) carga el próximo plan: consúltele'],
    },
  },
  {
    says: 'principles lists the ten guiding principles',
    en: { command: 'principles', contains: ['The 10 guiding principles of the GCM', '(a)', '(j)'] },
    es: { command: 'principios', contains: ['Los 10 principios rectores del Pacto Mundial', '(a)', '(j)'] },
  },
  {
    says: 'progress shows done over total by priority, with the plan period',
    en: { command: 'progress', contains: ['Progress of the plan', '1 June 2023', '31 December 2024', '0 of 6 activities done'] },
    es: { command: 'avance', contains: ['Avance del plan', '1 de junio de 2023', '31 de diciembre de 2024', '0 de 6 actividades hechas'] },
  },
  {
    says: 'coverage shows the objectives the plan serves with their work and a chart, then those it does not serve',
    en: {
      command: 'coverage',
      contains: [
        'GCM objectives served by the plan',
        'serve 14 of the 23',
        'data_visualization',
        'No activity of the plan serves these 9 objectives',
        '*20.* Promote faster',
      ],
    },
    es: {
      command: 'cobertura',
      contains: [
        'Objetivos del Pacto que sirve el plan',
        'sirven 14 de los 23',
        'data_visualization',
        'Ninguna actividad del plan sirve estos 9 objetivos',
        '*20.* Promover',
      ],
    },
  },
  {
    says: 'help lists what can be asked',
    en: { command: 'help', contains: ['What you can ask', '/gcm objective 23', '/gcm activity B1.3'] },
    es: { command: 'ayuda', contains: ['Qué puede preguntar', '/gcm objetivo 23', '/gcm actividad B1.3'] },
  },
  {
    says: 'an unknown word is answered with a pointer to help, in GCM_LANGUAGE',
    en: { command: 'frobnicate', contains: ['I don\'t know "frobnicate"', '`help`'] },
    es: { command: 'frobnicate', contains: ['No conozco "frobnicate"', '`ayuda`'], env: { GCM_LANGUAGE: 'es' } },
  },
  {
    says: 'an objective out of range says there are 23',
    en: { command: 'objective 24', contains: ['"24" is not a GCM objective', 'numbered 1 to 23'] },
    es: { command: 'objetivo 24', contains: ['"24" no es un objetivo del Pacto Mundial', 'del 1 al 23'] },
  },
  {
    says: 'an activity the plan does not have is named in the answer',
    en: { command: 'activity B9.9', contains: ['The plan has no activity B9.9', 'B1.1–B1.6'] },
    es: { command: 'actividad B9.9', contains: ['El plan no tiene la actividad B9.9'] },
  },
];

describe('answers to /gcm, as the acknowledgement the asker sees', () => {
  for (const c of cases) {
    describe(c.says, () => {
      for (const lang of ['en', 'es'] as const) {
        const ask = c[lang];
        it(`${lang === 'en' ? 'in English' : 'in Spanish'}: /gcm ${ask.command}`, async () => {
          const t = await startBot(ask.env ?? {}, ask.now);
          const res = await t.command(ask.command);
          expect(res.status).toBe(200);
          const answer = res.json as Answer;
          expect(answer.response_type).toBe('ephemeral');
          const all = words(answer);
          for (const w of ask.contains) expect(all).toContain(w);
          expect(stable(answer)).toMatchSnapshot();
        });
      }
    });
  }
});
