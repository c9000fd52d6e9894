import { anyMember, type Audience } from '../domain/answers.js';
import type { StateKind } from '../domain/plan-changes.js';
import type { Messages } from './catalog.js';
import { DateTime } from 'luxon';

/** `1 de mayo de 2024` a partir de una fecha ISO. */
const dayEs = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).setLocale('es').toFormat("d 'de' MMMM 'de' yyyy");
const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`);

/** La copresidencia, como un miembro puede contactarla: their mentions, and the user group when set. */
const whoAsk = (a: Extract<Audience, { kind: 'member' }>) => {
  const names = [...a.coChairs.map((u) => `<@${u}>`), ...(a.usergroup ? [`<!subteam^${a.usergroup}>`] : [])];
  return names.length ? ` (${names.join(', ')})` : '';
};

/** The Spanish keyword of each command that works in Slack only (`npm run ask -- actualizar …` names it in Spanish). */
const slackOnlyKeywords: Record<string, string> = {
  done: 'hecho',
  reopen: 'reabrir',
  schedule: 'fecha',
  update: 'actualizar',
  reminders: 'recordatorios',
  focal: 'enlace',
};

export const es: Messages = {
  lang: 'es',
  objective: 'Objetivo',
  objectives: 'Objetivos del Pacto Mundial',
  objectiveTitleIntro: 'Objetivo del Pacto Mundial',
  priorityKind: { basic: 'Prioridad básica', thematic: 'Prioridad temática' },
  prioritiesCiting: (n) => `Prioridades del plan que sirven al objetivo ${n}`,
  noPriorityCites: (n, plan) => `Ninguna prioridad temática del ${plan} menciona el objetivo ${n}.`,
  gcmObjectives: 'Objetivos del Pacto',
  activity: 'Actividad',
  activitiesHeading: 'Actividades',
  lead: 'A cargo de',
  support: 'Con el apoyo de',
  supportNetwork: 'la Red (todas las agencias miembro)',
  supportNone: 'ninguna indicada en el plan',
  leadNone: 'ninguna indicada en el plan',
  when: 'Cuándo',
  planWording: 'plan',
  due: 'Vence',
  dueRule: {
    date: 'la fecha del plan',
    range_end: 'el último día del período',
    month_start: 'una reunión vence el primer día de su mes hasta que la copresidencia fije la fecha',
    month_end: 'un plazo vence el último día de su mes',
    tentative: 'tentativa',
    set: 'fecha fijada por la copresidencia',
    period_end: 'continua: vence al final del período del plan',
    none: 'sin fecha',
  },
  tentative: 'tentativa',
  noDate: 'sin fecha en el plan',
  references: 'Referencias',
  note: 'Nota',
  sourceNote: 'Nota sobre la fuente',
  status: {
    done: 'hecha',
    open: 'pendiente',
    partial: (done, total) => `${done} de ${total} hechas`,
    overdue: 'atrasada',
  },
  doneBy: (user, date) => `marcada como hecha por ${user} el ${date}`,
  occurrences: 'Ocurrencias',
  ambiguousActivity: (n) => `Dos actividades llevan el número ${n}, una en una prioridad básica y otra en una temática:`,
  agency: 'Agencia',
  leads: 'A cargo de',
  supports: 'Apoya (nombrada)',
  nothingLed: 'No está a cargo de ninguna actividad de este plan.',
  nothingSupported: 'Ninguna actividad la nombra como agencia de apoyo.',
  networkSupported: (n) => `También participa en ${n} ${n === 1 ? 'actividad apoyada' : 'actividades apoyadas'} por toda la Red.`,
  mandate: 'Mandato',
  migrationWork: 'Trabajo en migración',
  noProfile: (name) => `El documento de referencia (Conferencia Suramericana sobre Migraciones, 2014) no tiene un perfil de ${name}.`,
  profileSource: 'Fuente: Conferencia Suramericana sobre Migraciones, documento de referencia (Lima, 2014); resumen en inglés',
  profileSourceTranslated: 'Fuente: Conferencia Suramericana sobre Migraciones, documento de referencia (Lima, 2014), en inglés',
  unofficialTranslation: 'Traducción no oficial del proyecto: el texto oficial del plan y de los perfiles de las agencias está en inglés.',
  matrix: 'Temas migratorios en que la matriz de 2014 la marca',
  matrixNone: 'La matriz de temas migratorios de 2014 no tiene columna para ella.',
  matrixMarks: { x: 'x', xx: 'xx' },
  notMember: 'No es miembro de la Red Regional.',
  agencyChoices: (q) => `Varias agencias coinciden con "${q}":`,
  agencyList: 'Agencias de la Red Regional y otras que el plan nombra',
  priority: 'Prioridad',
  prioritiesHeading: 'Prioridades del plan',
  activitiesCount: (n) => `${n} ${n === 1 ? 'actividad' : 'actividades'}`,
  searchResults: (q, n) => `${n} ${n === 1 ? 'resultado' : 'resultados'} para "${q}"`,
  noResults: (q) => `Nada en el plan, las agencias ni los objetivos del Pacto coincide con "${q}".`,
  kinds: { activity: 'Actividad', priority: 'Prioridad', agency: 'Agencia', objective: 'Objetivo' },
  upcoming: 'Próximamente',
  nothingUpcoming: 'No vence nada con fecha desde hoy hasta el final del plan.',
  understood: (u) => {
    switch (u.what) {
      case 'who':
        return `Entendido: quién lidera y apoya la actividad ${u.activity}.`;
      case 'whoMany':
        return `Entendido: quién lidera y apoya las ${u.n} actividades sobre "${u.topic}".`;
      case 'when':
        return `Entendido: cuándo ocurre y vence la actividad ${u.activity}.${u.next ? ` La próxima: ${dayEs(u.next)}.` : ''}`;
      case 'status':
        return `Entendido: en qué estado está la actividad ${u.activity}.`;
      case 'agency':
        return `Entendido: qué lidera y apoya ${u.agency}.`;
      case 'objective':
        return `Entendido: las actividades que sirven al objetivo ${u.number}.`;
      case 'due':
        return 'Entendido: qué vence en un período.';
      case 'theme':
        return `Entendido: qué hace el plan sobre "${u.topic}" (una búsqueda).`;
      case 'search':
        return `Busqué "${u.topic}" en el plan. Para ver los comandos, escribe \`ayuda\`.`;
      case 'typo':
        return `Mostrando ${u.taken}: escribiste *${u.given}*.`;
      case 'absent':
        return `${es.plain.notInPlan(es.plain.subjects[u.subject])} ${es.plain.whatItSays}`;
      case 'shared':
        return es.plain.shared(list(u.agencies), u.n);
      case 'yesno':
        return u.yes ? es.plain.yes : es.plain.no;
      case 'agencyIn':
        return es.plain.agencyIn(u.agency);
      case 'objectiveTheme':
        return u.served ? `Entendido: el objetivo ${u.number} del Pacto Mundial, cuyo título contiene lo que preguntó.` : es.plain.noActivityServes(u.number);
      case 'priorityTheme':
        return u.objectives.length
          ? `Entendido: la prioridad ${u.priority}, que sirve a ${list(u.objectives.map((n) => `Objetivo ${n}`))} del Pacto Mundial.`
          : `Entendido: la prioridad ${u.priority}, una prioridad básica: sirve al Pacto Mundial en su conjunto.`;
    }
  },
  dueIn: (period) => `Vence en ${period}`,
  nothingDue: 'No vence nada del plan en ese período.',
  didYouMean: (given) => `"${given}" se parece a varias cosas. ¿Quiso decir…?`,
  picked: (command) => `Elegiste \`/gcm ${command}\`.`,
  planEnded: (end, a = anyMember) =>
    a.kind === 'member'
      ? `El período del plan terminó el ${end}: no hay más recordatorios. La copresidencia${whoAsk(a)} carga el próximo plan: consúltele.`
      : `El período del plan terminó el ${end}: no hay más recordatorios. Para seguir el próximo plan, ${a.kind === 'coChair' ? 'pida a quien administra el bot que cargue' : 'cargue'} su archivo con \`npm run plan:import -- ARCHIVO\` (o defina GCM_PLAN y reinicie el bot).`,
  planNotStarted: (start) => `El período del plan empieza el ${start}.`,
  principles: 'Los 10 principios rectores del Pacto Mundial',
  progress: 'Avance del plan',
  progressLine: (done, total) => `${done} de ${total} ${total === 1 ? 'actividad hecha' : 'actividades hechas'}`,
  occurrencesLine: (done, total) => `${done} de ${total} ${total === 1 ? 'ocurrencia' : 'ocurrencias'}`,
  planLine: (title, start, end) => `${title}, del ${start} al ${end}`,
  helpTitle: 'Qué puede preguntar',
  helpFooter: (twins) =>
    `Cada palabra clave tiene su gemela en inglés (${twins}); responde en inglés. Las respuestas en español muestran los textos de las actividades en la traducción no oficial del proyecto cuando el plan la trae, y si no, en inglés, como en el plan.`,
  andMore: (n) => `…y ${n} más`,
  months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  list,
  error: (e, a = anyMember) => {
    switch (e.code) {
      case 'objective_range':
        return `"${e.given}" no es un objetivo del Pacto Mundial: tiene ${e.max} objetivos, numerados del 1 al ${e.max}. Pruebe \`objetivo 23\`.`;
      case 'activity_missing':
        return `El plan no tiene la actividad ${e.given}.${e.known.length ? (e.known.length === 1 ? ` Su única actividad es ${e.known[0]}.` : ` Sus actividades son ${e.known.join(', ')}.`) : ' `/gcm prioridad` las lista.'}`;
      case 'activity_bad':
        return `"${e.given}" no es una referencia de actividad. Escríbala como \`B1.3\` (prioridad básica 1, actividad 3), \`T2.4\`, \`básica 1.3\`, \`temática 2.4\` o \`1.3\`.`;
      case 'activity_needed':
        return '¿Qué actividad? p. ej. `actividad B1.3`.';
      case 'agency_missing':
        return `Ninguna agencia coincide con "${e.given}". Pruebe una sigla como OIM, CEPAL, ACNUR, IOM o ECLAC, o \`agencia\` sola para ver la lista.`;
      case 'agency_needed':
        return '¿Qué agencia? p. ej. `agencia OIM`.';
      case 'priority_missing':
        return `El plan no tiene la prioridad "${e.given}". ${e.known.length === 1 ? `Su única prioridad es ${e.known[0]}` : `Sus prioridades son ${e.known.join(', ')}`}.`;
      case 'search_needed':
        return '¿Buscar qué? p. ej. `buscar migrantes desaparecidos`.';
      case 'too_long':
        return `Este comando tiene ${e.length.toLocaleString('es')} caracteres; leo comandos de hasta ${e.max.toLocaleString('es')} caracteres, así que no hice nada con él. Envíelo en partes más cortas (unas pocas personas a la vez para \`enlace\`).`;
      case 'unknown_command':
        return `No conozco "${e.given}". Pruebe \`ayuda\` para ver qué puede preguntar.`;
      case 'no_plan':
        if (a.kind === 'member') return `Todavía no hay un plan de trabajo cargado. Pida a la copresidencia${whoAsk(a)} que lo cargue.`;
        return a.kind === 'coChair'
          ? 'Todavía no hay un plan de trabajo cargado. Pida a quien administra el bot que lo cargue con `npm run plan:import -- ARCHIVO` (o que defina GCM_PLAN y reinicie el bot).'
          : 'Todavía no hay un plan de trabajo cargado. Cárguelo con `npm run plan:import -- ARCHIVO`.';
      case 'slack_only':
        if (e.command === 'report')
          return 'En la terminal el informe es `npm run report -- --from 2024-01-01 --to 2024-03-31 --format md` (o csv, json); en Slack, `/gcm informe`.';
        if (e.command === 'brief')
          return 'En la terminal la actualización periódica es `npm run brief -- --from 2024-04-01 --to 2024-06-30 --format md --lang es --out resumen.md`; en Slack, `/gcm resumen` (copresidencia).';
        if (e.command === 'calendar')
          return 'En la terminal el calendario del plan es `npm run --silent calendar -- --agency OIM --lang es > plan.ics`; en Slack, `/gcm calendario`.';
        {
          const keyword = slackOnlyKeywords[e.command] ?? e.command;
          return `\`${keyword}\` funciona en Slack, donde se sabe quién lo pide: use \`/gcm ${keyword} …\` allí.`;
        }
      case 'occurrence_missing':
        return `${e.activityId} no tiene la ocurrencia ${e.label} en el período del plan. Sus ocurrencias: ${e.known.join(', ')}.`;
      case 'date_outside_occurrence': {
        const month = (ym: string) => `${es.months[Number(ym.slice(5, 7)) - 1]} de ${ym.slice(0, 4)}`;
        const when =
          e.from === e.to ? `en ${month(e.from)}, el mes de ${e.occurrence}` : `entre ${month(e.from)} y ${month(e.to)}, los meses de ${e.occurrence}`;
        return `${e.given} no está ${when}, así que no cambió nada. Fijar la fecha pone la fecha real de una reunión dentro de su mes; pasarla a otro mes es aplazarla, no fijar su fecha.`;
      }
      case 'bad_date':
        return `"${e.given}" no es una fecha. Escríbala como AAAA-MM-DD, p. ej. 2024-05-14.`;
      case 'date_rule':
        return `${e.given}: ${es.statuses.problem[e.problem]} No se cambió nada.`;
      case 'agency_ambiguous':
        return `"${e.given}" coincide con varias agencias: ${e.options.join(', ')}. Indique una.`;
      case 'focal_mention':
        return `"${e.given}" no es una mención de Slack que pueda leer. Elija a la persona con el autocompletado @ de Slack, p. ej. \`/gcm enlace OIM @ana\`.`;
      case 'focal_who':
        return '¿A quién? p. ej. `/gcm enlace OIM quitar @luis`.';
      case 'focal_unknown': {
        const who = e.given.map((u) => `<@${u}>`).join(', ');
        return e.given.length === 1
          ? `${who} no es un miembro activo de este espacio de trabajo de Slack, así que no cambió nada. Elija a la persona con el autocompletado @ de Slack.`
          : `${who} no son miembros activos de este espacio de trabajo de Slack, así que no cambió nada. Elija a cada persona con el autocompletado @ de Slack.`;
      }
      case 'focal_not_allowed':
        return e.mine
          ? `Puede agregarse o quitarse como enlace de su propia agencia (${e.mine}, elegida en la pestaña Inicio de la app). La copresidencia puede nombrar a cualquiera para ${e.agency}.`
          : `Elija primero su agencia en la pestaña Inicio de la app: luego podrá agregarse o quitarse como su enlace. La copresidencia puede nombrar a cualquiera para ${e.agency}.`;
      case 'report_dates':
        return `"${e.given}" no es una fecha. Escriba el período como dos fechas AAAA-MM-DD, p. ej. \`${e.keyword ?? 'informe'} 2024-01-01 2024-03-31\`.`;
      case 'report_order':
        return 'El período empieza después de terminar: indique primero DESDE y luego HASTA.';
      case 'report_outside':
        return `Ningún plan cargado cubre del ${e.from} al ${e.to}.`;
      case 'plan_unknown':
        return `Ningún plan cargado tiene el id "${e.given}". Planes cargados: ${e.known.join(', ') || 'ninguno'} (\`plan\` los lista).`;
      case 'not_meeting':
        return `${e.activityId} no es una reunión: solo se pueden fijar fechas de reuniones.`;
    }
  },
  marked: {
    done: (what, who, when) => `✓ ${what} marcada como hecha por ${who} el ${when}.`,
    already: (what, who, when) => `${what} ya estaba marcada como hecha por ${who} el ${when}. No se cambió nada.`,
    reopened: (what, who) => `${what} reabierta por ${who}.`,
    notDone: (what) => `${what} no está marcada como hecha. No se cambió nada.`,
    allDone: (id) => `Todas las ocurrencias de ${id} ya están hechas.`,
    hint: (action, id, example) => `Para indicar otra ocurrencia: \`/gcm ${action === 'done' ? 'hecho' : 'reabrir'} ${id} ${example}\`.`,
  },
  reminder: {
    title: (days) => (days === null ? 'Recordatorio' : days < 0 ? `Recordatorio: venció ${daysAwayEs(days)}` : `Recordatorio: vence ${daysAwayEs(days)}`),
    late: (day) => `Recordatorio atrasado: debía enviarse el ${day}, cuando el bot no estaba en marcha.`,
    tentative: 'fecha tentativa',
    meetingRule: 'Una reunión vence el primer día de su mes hasta que la copresidencia fije la fecha real (Fijar fecha, o /gcm fecha).',
    digestTitle: (days) => (days === 1 ? 'Vence en el próximo día' : `Vence en los próximos ${days} días`),
    digestEmpty: (days) => (days === 1 ? 'No vence nada con fecha en el próximo día.' : `No vence nada con fecha en los próximos ${days} días.`),
    dateSet: (what, date, who) => `${what}: fecha fijada el ${date} por ${who}.`,
    statusTitle: 'Recordatorios',
    channel: (c) =>
      c ? `Los recordatorios van a <#${c}>.` : 'No hay canal de recordatorios (GCM_REMINDER_CHANNEL): el bot responde pero no publica recordatorios.',
    when: (days, time, zone) =>
      `${days.map((d) => `${d} ${d === 1 ? 'día' : 'días'}`).join(' y ')} antes del vencimiento, a las ${time} (${zone}); un día de fin de semana pasa al viernes anterior.`,
    digest: (d) => (d === 'off' ? 'Resumen semanal: desactivado.' : `Resumen semanal: ${d}.`),
    scheduler: (h) =>
      h === 'me'
        ? 'Esta copia del bot publica los recordatorios.'
        : h === 'other'
          ? 'Otra copia del bot tiene el turno del programador en esta base de datos: esta no publica recordatorios.'
          : 'No hay programador en marcha.',
    next: 'Próximos recordatorios',
    noneNext: 'No quedan recordatorios en este plan.',
    unsent: 'Aún no enviados (los pendientes se reintentan; los fallidos solo con Reintentar fallidos)',
    noneUnsent: 'Todos los recordatorios debidos hasta ahora se enviaron.',
    attempts: (n, error) => `${n} ${n === 1 ? 'intento' : 'intentos'}${error ? `, último error: ${error}` : ''}`,
    fix: (failure, error) =>
      failure === 'not_in_channel'
        ? `*Qué hacer:* el bot no está en el canal de recordatorios (${error}), así que estos no se publicaron y no se reintentan. Invite al bot al canal: /invite @gcm.`
        : failure === 'channel'
          ? `*Qué hacer:* Slack no encuentra el canal de recordatorios o está archivado (${error}), así que estos no se publicaron y no se reintentan. Revise GCM_REMINDER_CHANNEL (un ID de canal como C0123456789) y reinicie el bot.`
          : `*Qué hacer:* Slack rechaza el token del bot (${error}), así que estos no se publicaron y no se reintentan. Reinstale la app en el espacio de trabajo (o configure el nuevo SLACK_BOT_TOKEN) y reinicie el bot.`,
    ended: 'El plan terminó: los recordatorios se detuvieron.',
    retryButton: 'Reintentar fallidos',
    retryHint: 'Una vez resuelta la causa, pulse *Reintentar fallidos* (o `/gcm recordatorios reintentar`) para enviarlos de nuevo en la siguiente pasada.',
    retryRefused: 'Solo la copresidencia puede volver a enviar los recordatorios fallidos. No se cambió nada.',
    retryUsage: (given) => `\`/gcm recordatorios\` va solo, o con \`reintentar\` (copresidencia: enviar de nuevo los fallidos), no con "${given}".`,
    retryNothing: 'Ningún recordatorio falló: no hay nada que enviar de nuevo.',
    retryQueued: (n) =>
      n === 0
        ? 'Ningún mensaje fallido volvió a la cola.'
        : `${n} ${n === 1 ? 'mensaje fallido volvió' : 'mensajes fallidos volvieron'} a la cola: ${n === 1 ? 'sale' : 'salen'} en la siguiente pasada, en menos de un minuto.`,
    retryLeft: (n, why, keys) =>
      `${n} ${n === 1 ? 'queda fallido' : 'quedan fallidos'}, ${
        why === 'closed'
          ? 'ya no vale la pena publicarlos: la ocurrencia está hecha, cancelada o pasó a otra fecha, o ya no está en el plan'
          : why === 'too_late'
            ? 'demasiado tarde para publicarlos: un recordatorio tras su vencimiento, un seguimiento o informe con más de una semana de retraso, un resumen fuera de su día'
            : 'de un tipo que esta versión del bot no publica'
      }: ${keys}`,
  },
  calendar: {
    name: (plan, only) => (only ? `GCM ${plan} · ${only}` : `GCM ${plan}`),
    schedule: 'Calendario en el plan',
    status: 'Estado',
    postponedTo: (date) => `nueva fecha: ${date}`,
    dateSet: (date) => `fecha fijada por la copresidencia: ${date}`,
    lastNote: (date) => `Última nota (${date})`,
    links: 'Enlaces',
    activity: 'Actividad',
    plan: 'Plan',
    summary: (events, name) => `*${name}*: ${events} ${events === 1 ? 'ocurrencia con fecha' : 'ocurrencias con fecha'}, un evento de día completo cada una.`,
    file: 'El calendario va adjunto como archivo .ics: impórtelo en su calendario para añadir los eventos (una copia de hoy: no sigue los cambios posteriores).',
    fileFailed: 'No se pudo adjuntar aquí el archivo del calendario; `npm run calendar` lo da en la terminal.',
    subscribe: (url) =>
      `Para seguir cada cambio, suscríbase a esta dirección: añádala a su calendario como calendario desde una URL (una suscripción, no una importación): ${url}\nCompártala solo con la red: quien la tenga puede leer el calendario del plan.`,
    noPublicUrl:
      'El bot sirve una dirección de suscripción, pero no conoce su dirección pública: configure `GCM_PUBLIC_URL` (por ejemplo `https://gcm.example.org`) y vuelva a preguntar.',
    notServed: 'Aquí no hay dirección de suscripción: el bot funciona en Socket Mode sin `CALENDAR_PORT`, así que no sirve el calendario por HTTP.',
    badLanguage: (given) => `El idioma debe ser en o es, no "${given}".`,
    askCoChair: 'Para una suscripción que siga cada cambio, pida a la copresidencia la dirección del calendario.',
  },
  report: {
    title: (from, to) => `Informe de avance, del ${from} al ${to}`,
    byPriority: 'Por prioridad, al final del período',
    priorityLine: (ad, at, od, ot) =>
      `${ad} de ${at} ${at === 1 ? 'actividad hecha' : 'actividades hechas'} · ${od} de ${ot} ${ot === 1 ? 'ocurrencia' : 'ocurrencias'}`,
    total: 'Todas las prioridades',
    done: (n) => `Hecho en el período (${n})`,
    noneDone: 'No se marcó nada como hecho en el período.',
    overdue: (n) => `Atrasado al final del período, por agencia a cargo (${n})`,
    noneOverdue: 'No quedó pendiente nada de lo que vencía en el período.',
    overdueBefore: (n) => `Además, pendiente desde antes del período: ${n}`,
    next: (from, to, n) => `Vence el próximo trimestre, del ${from} al ${to} (${n})`,
    noneNext: 'No vence nada con fecha el próximo trimestre.',
    objectives: 'Objetivos del Pacto',
    postponed: (n) => `Aplazado (${n})`,
    nonePostponed: 'No se aplazó ninguna ocurrencia del período.',
    cancelled: (n) => `Cancelado (${n})`,
    noneCancelled: 'No se canceló ninguna ocurrencia del período.',
    statuses: 'Ocurrencias por estado al final del período',
    columns: {
      priority: 'Prioridad',
      activities: 'Actividades hechas',
      occurrences: 'Ocurrencias hechas',
      occurrence: 'Ocurrencia',
      due: 'Vence',
      by: 'Marcada por',
      when: 'El',
      lead: 'A cargo de',
      agency: 'Agencia a cargo',
      note: 'Nota',
      evidence: 'Evidencia',
      newDate: 'Nueva fecha',
      plannedDue: 'Vencía',
      changedBy: 'Cambiado por',
    },
    file: 'El informe completo va adjunto como archivo Markdown.',
    fileFailed: 'No se pudo adjuntar el informe completo aquí; `npm run report` lo da en la terminal.',
    focalTitle: 'Enlaces',
    focalNone: 'Aún no hay enlaces. La copresidencia los nombra con `/gcm enlace OIM @ana`; cualquiera puede agregarse para su propia agencia.',
    focalOf: (agency) => `Aún no hay enlace para ${agency}.`,
    focalAdded: (agency, users) => `${users} ahora ${users.includes(',') ? 'responden' : 'responde'} por ${agency}.`,
    focalRemoved: (agency, users) => `${users} ya no ${users.includes(',') ? 'responden' : 'responde'} por ${agency}.`,
    focalUnchanged: 'No cambió nada.',
    focalLine: (agency, users) => `*${agency}*: ${users}`,
    coChairs: (users) => `Copresidencia: ${users}`,
    followupTitle: (due) => `Seguimiento: vencía el ${due} y no está marcada como hecha.`,
  },
  homeTitle: 'Plan de Trabajo del Pacto Mundial',
  homeDue30: 'Vence en los próximos 30 días',
  homeNothingDue30: 'No vence nada con fecha en los próximos 30 días.',
  myAgency: 'Mi agencia',
  pickAgency: 'Elija su agencia',
  myAgencyNone: 'Elija su agencia para ver lo que lidera y apoya.',
  coChairOnly: 'Solo la copresidencia puede fijar la fecha de una reunión. No se cambió nada.',
  statuses: {
    label: { planned: 'prevista', in_progress: 'en curso', done: 'hecha', postponed: 'aplazada', cancelled: 'cancelada' },
    problem: {
      unknown_status: 'Elija uno de: `planned` (prevista), `in_progress` (en curso), `done` (hecha), `postponed` (aplazada), `cancelled` (cancelada).',
      date_required: 'Una ocurrencia aplazada necesita su nueva fecha.',
      date_invalid: 'Escriba la nueva fecha como AAAA-MM-DD, p. ej. 2024-06-10.',
      date_before_today: 'La nueva fecha no puede ser anterior a hoy.',
      date_outside_plans: 'La nueva fecha está fuera del período de todos los planes cargados: cancele la ocurrencia o pásela al plan siguiente.',
      note_too_long: 'La nota es demasiado larga: 1.000 caracteres como máximo.',
      link_not_http: 'Cada enlace debe ser una dirección web que empiece por http:// o https://.',
      too_many_links: 'Como máximo 10 enlaces: deje los que más importan.',
      link_too_long: 'Un enlace es demasiado largo: 2.000 caracteres como máximo cada uno.',
      unknown_occurrence: 'Esta ocurrencia no está (ya) en el plan.',
    },
    field: { status: 'estado', date: 'nueva fecha', note: 'nota', link: 'enlace' },
    refused: 'Solo la copresidencia y los puntos focales de las agencias líderes de la actividad pueden cambiar su estado. No se cambió nada.',
    update: 'Actualizar',
    postponedTo: (date) => `al ${date}`,
    links: 'Enlaces',
    change: (status, who, date) => `${status}, por ${who} el ${date}`,
    otherOccurrences: 'Otras ocurrencias',
  },
  markDone: 'Marcar como hecha',
  reopen: 'Reabrir',
  share: 'Compartir en el canal',
  setDate: 'Fijar fecha',
  planChanges: {
    posted: (id, title) => `El plan ${id} (${title}) se volvió a importar.`,
    firstImport: (id, start, end) => `Plan nuevo ${id}: del ${start} al ${end}.`,
    none: (id) => `Ningún cambio en las actividades ni en las ocurrencias de ${id}.`,
    period: (bs, be, as, ae) => `período: del ${bs} al ${be} → del ${as} al ${ae}`,
    added: (ids) => `actividades añadidas: ${ids}`,
    removed: (ids) => `actividades quitadas: ${ids}`,
    field: { text: 'texto', agencies: 'agencias', schedule: 'calendario', kind: 'tipo' },
    appear: (keys) => `ocurrencias que aparecen: ${keys}`,
    disappear: (keys) => `ocurrencias que desaparecen: ${keys}`,
    kept: (n, kind) => `se conservan: ${n} ${stateWordsEs[kind](n)}`,
    orphaned: (kind, key) => `sin actividad (se conserva, no se muestra): ${stateWordsEs[kind](1)} de ${key}`,
    focalUnused: (ids) => `se conservan los enlaces de agencias que ya no nombra ninguna actividad: ${ids}`,
    more: (n) => `…y ${n} más`,
  },
  plans: {
    title: 'Planes cargados',
    current: 'vigente',
    period: (start, end) => `del ${start} al ${end}`,
    imported: (at, file) => `importado el ${at} desde \`${file}\``,
    hint: 'Añada `plan:ID` a cualquier comando para consultar otro plan, p. ej. `objetivo 23 plan:lac-2023-2024`.',
    between: (ended, end, next, start) => `${ended} terminó el ${end}; el siguiente plan, ${next}, empieza el ${start}.`,
  },
  statusModal: {
    title: 'Actualizar estado',
    submit: 'Guardar',
    close: 'Cancelar',
    status: 'Estado',
    date: 'Nueva fecha',
    dateHint: 'Solo si se aplaza: la nueva fecha límite, dentro del período del plan. Sus recordatorios pasan a ella.',
    note: 'Nota',
    noteHint: (max) => `Qué pasó, o por qué (hasta ${max} caracteres).`,
    links: 'Enlaces',
    linksHint: 'Actas, un informe…: direcciones http o https, una por línea.',
    current: (what, status, due) => `*${what}* está *${status}*${due ? `, con fecha ${due}` : ''}.`,
    notAllowed: (what, leads) =>
      `Solo la copresidencia y los puntos focales de las agencias líderes de ${what} (${leads}) pueden actualizar su estado. No se cambió nada.`,
    changed: (what, status, date) => `${what} ahora está *${status}*${date ? `, nueva fecha ${date}` : ''}.`,
    unchanged: (what, status) => `${what} ya estaba *${status}* con esa nota y esos enlaces: no cambió nada.`,
    gone: (what) => `${what} ya no está en el plan: no se cambió nada.`,
  },
  modalNotOpened: 'Slack no pudo abrir el formulario en este momento. No se cambió nada: vuelva a intentarlo.',
  askedFile: {
    inChannel: (what, user, command) => `${what}, pedido por ${user} con \`${command}\`.`,
    privately: (what, command, share) => `${what}: el archivo que pidió con \`${command}\`, aquí solo para usted. Para compartirlo en el canal: \`${share}\`.`,
    sentPrivately: (share) => `El archivo fue a sus mensajes directos con el bot, solo para usted. Para compartirlo en el canal: \`${share}\`.`,
    shareWord: 'compartir',
  },
  notSaved: {
    deleted:
      'No se guardó nada: el archivo de la base de datos del bot se borró mientras el bot funcionaba. El bot se detiene para volver a iniciarse con una base de datos restaurada; vuelva a intentarlo en unos minutos.',
    replaced:
      'No se guardó nada: el archivo de la base de datos del bot se reemplazó mientras el bot funcionaba. El bot se reinicia para usar el archivo nuevo; vuelva a intentarlo en unos minutos.',
    readonly: 'No se guardó nada: la base de datos del bot es de solo lectura. Avise a quien administra el bot y vuelva a intentarlo cuando esté resuelto.',
    full: 'No se guardó nada: el disco de la base de datos del bot está lleno. Avise a quien administra el bot y vuelva a intentarlo cuando haya espacio.',
    busy: 'No se guardó nada: la base de datos del bot estaba ocupada (otro programa la retuvo demasiado tiempo). Vuelva a intentarlo en un momento.',
    io: 'No se guardó nada: no se pudo escribir en el disco de la base de datos del bot. Avise a quien administra el bot.',
  },
  plain: {
    helpUsage: 'una pregunta',
    helpText:
      'también puede preguntar con sus palabras, p. ej. “¿quién lidera el taller de migrantes desaparecidos?”, “¿qué vence en el tercer trimestre de 2024?”, “¿qué actividades comparten la OIM y la OIT?”',
    promptsTitle: 'Pregunte al plan de trabajo con sus palabras',
    prompts: [
      { title: '¿Qué vence el mes que viene?', message: '¿qué vence el mes que viene?' },
      { title: '¿Quién lidera el taller de migrantes desaparecidos?', message: '¿quién lidera el taller de migrantes desaparecidos?' },
      { title: '¿Qué lidera UNICEF?', message: '¿qué lidera UNICEF?' },
      { title: '¿Qué actividades sirven al objetivo 23?', message: '¿qué actividades sirven al objetivo 23?' },
    ],
    thinking: 'está buscando en el plan de trabajo…',
    notInPlan: (subject) => `El plan no dice ${subject}.`,
    subjects: {
      budget: 'cuánto cuesta nada ni quién lo paga',
      venue: 'dónde se hacen sus actividades',
      contact: 'el correo ni los datos de contacto de nadie',
      country: 'qué hace la Red en un país',
    },
    whatItSays: 'Lo que sí dice:',
    nothingOnIt: 'No dice nada al respecto.',
    shared: (agencies, n) =>
      n === 0 ? `${agencies} no comparten ninguna actividad del plan.` : `${n === 1 ? 'Una actividad nombra' : `${n} actividades nombran`} a ${agencies}:`,
    yes: 'Sí.',
    no: 'No.',
    noActivityServes: (n) => `Ninguna actividad del plan sirve al objetivo ${n}.`,
    agencyIn: (agency) => `Entendido: lo que ${agency} lidera o apoya con su nombre y vence en un período.`,
    useCommand: (text) => `Eso abre un formulario: escriba \`/gcm ${text}\` en un canal.`,
  },
  daysAway: (days) => daysAwayEs(days),
  weekdays: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  dueOn: (date) => (date ? `Vence ${date}` : 'sin fecha en el plan'),
  reportCovers: (periods) =>
    `Los planes cargados cubren ${periods}. Pida un período dentro de uno con \`--from AAAA-MM-DD --to AAAA-MM-DD\`, o defina GCM_NOW en un día dentro de uno: sin fechas, el informe es del último trimestre completo antes de GCM_NOW (si no, de hoy).`,
  planPeriod: (id, start, end) => `${id} (del ${start} al ${end})`,
  coverage: {
    title: 'Objetivos del Pacto que sirve el plan',
    summary: (served, total) => `Las prioridades temáticas del plan sirven ${served} de los ${total} objetivos del Pacto Mundial.`,
    objectiveLine: (activities, done, total) =>
      `${activities} ${activities === 1 ? 'actividad' : 'actividades'} · ${done} de ${total} ${total === 1 ? 'ocurrencia hecha' : 'ocurrencias hechas'}`,
    notServed: (n) => `Ninguna actividad del plan sirve ${n === 1 ? 'este objetivo' : `estos ${n} objetivos`}:`,
    allServed: 'Cada objetivo del Pacto lo sirve al menos una prioridad temática.',
    basic: (ids) => `Las prioridades básicas (${ids}) sirven al Pacto en su conjunto, no a un objetivo.`,
    chartTitle: 'Ocurrencias hechas, por objetivo servido',
    chartDone: 'Hechas',
    chartTotal: 'Todas',
    chartAxis: 'Objetivo del Pacto',
    chartInWords: (words) => `El gráfico muestra, para cada objetivo servido, sus ocurrencias hechas y todas: ${words}.`,
    chartCut: (shown, total) => `El gráfico muestra los primeros ${shown} de los ${total} objetivos servidos.`,
  },
  homeChart: {
    title: 'Ocurrencias por estado, por prioridad',
    axis: 'Prioridad',
    inWords: (words) => `El gráfico muestra las ocurrencias de cada prioridad por estado: ${words}.`,
  },
  brief: {
    title: (from, to) => `Actualización periódica, del ${from} al ${to}`,
    coChairsHeading: 'De la copresidencia',
    coChairsNote: 'Escrito por la copresidencia.',
    highlights: 'Lo más destacado',
    overviewHeading: 'El período y el avance general',
    covers: (from, to, plan, start, end) => `Esta actualización abarca del ${from} al ${to} del plan ${plan}, vigente del ${start} al ${end}.`,
    progress: (ad, at, od, ot) =>
      `Al final del período, ${at === 1 ? 'de la única actividad del plan' : `de las ${at} actividades del plan`}, ${ad} ${ad === 1 ? 'estaba hecha' : 'estaban hechas'}; ${ot === 1 ? 'de su única ocurrencia' : `de sus ${ot} ocurrencias`}, ${od} ${od === 1 ? 'estaba hecha' : 'estaban hechas'}.`,
    byStatus: (counts) => `Ocurrencias por estado al final del período: ${counts}.`,
    markedDone: (n) =>
      n === 0 ? 'no se marcó ninguna ocurrencia como hecha' : n === 1 ? 'se marcó 1 ocurrencia como hecha' : `se marcaron ${n} ocurrencias como hechas`,
    postponedCount: (n) => (n === 0 ? 'no se aplazó ninguna' : n === 1 ? 'se aplazó 1' : `se aplazaron ${n}`),
    cancelledCount: (n) => (n === 0 ? 'no se canceló ninguna' : n === 1 ? 'se canceló 1' : `se cancelaron ${n}`),
    during: (phrases) => `En el período, ${phrases}.`,
    openAtEnd: (n) =>
      n === 0
        ? 'Todo lo que vencía en el período estaba hecho o cancelado al final.'
        : n === 1
          ? '1 ocurrencia que vencía en el período no estaba hecha ni cancelada al final.'
          : `${n} ocurrencias que vencían en el período no estaban hechas ni canceladas al final.`,
    openBefore: (n) =>
      n === 1
        ? 'Además, 1 ocurrencia que vencía antes del período seguía pendiente al final.'
        : `Además, ${n} ocurrencias que vencían antes del período seguían pendientes al final.`,
    priorityProgress: (ad, at, od, ot) => `Actividades hechas: ${ad} de ${at}. Ocurrencias hechas: ${od} de ${ot}.`,
    inProgress: (n) => `En curso al final del período (${n})`,
    evidence: 'Evidencia:',
    reason: 'Motivo:',
    noReason: 'No se registró el motivo.',
    note: 'Nota:',
    quotes: ['«', '»'],
    newDate: (date, was) => (was ? `Nueva fecha: ${date} (vencía el ${was}).` : `Nueva fecha: ${date}.`),
    cancelledLine: 'Estado: cancelada.',
    nothingInPriority:
      'En esta prioridad, ninguna ocurrencia se hizo, se aplazó ni se canceló en el período, ninguna estaba en curso al final y nada de lo que vencía en el período está atrasado.',
    objectivesHeading: 'Objetivos del Pacto que sirvió el trabajo del período',
    objectivesIntro: 'Las prioridades temáticas con alguna ocurrencia hecha en el período, o en curso al final, sirven estos objetivos del Pacto Mundial:',
    objectiveLine: (n, title, priorities) => `Objetivo ${n}: ${title} (${priorities})`,
    noObjectives: 'Ninguna ocurrencia de una prioridad temática se hizo en el período ni estaba en curso al final.',
    coverageTable: {
      caption: 'Cobertura de los objetivos del Pacto por el plan, al final del período',
      objective: 'Objetivo del Pacto',
      priorities: 'Prioridades',
      activities: 'Actividades',
      occurrences: 'Ocurrencias hechas',
      none: 'sin cobertura',
    },
    chartStatusTitle: 'Ocurrencias por estado, por prioridad',
    chartStatusAxis: 'Prioridad',
    chartStatusInWords: (words) => `El gráfico muestra las ocurrencias de cada prioridad por estado al final del período: ${words}.`,
    chartMonthsTitle: 'Ocurrencias que vencen y hechas, por mes',
    chartMonthsAxis: 'Mes de vencimiento',
    chartDue: 'vencen',
    chartDone: 'hechas',
    chartMonthsInWords: (words) =>
      `El gráfico muestra, mes a mes durante el plan, las ocurrencias que vencen y cuántas estaban hechas al final del período: ${words}.`,
    quarter: (q, year) => `T${q} ${year}`,
    summary: (plan) => `La actualización de la copresidencia para ${plan}, tal como el bot la escribió a partir de los datos. Solo usted puede verla.`,
    file: 'La actualización completa llegó a sus mensajes directos con el bot, como archivo Markdown.',
    fileComment: (what, command) => `${what}: el archivo que pidió con \`${command}\`, solo para usted.`,
    otherPlans: (plans) => `El período también abarca ${plans}: el archivo trae también su actualización.`,
    fileFailed: 'No se pudo adjuntar aquí la actualización completa; `npm run brief` la da en la terminal.',
    cut: 'El resto de la actualización está en el archivo.',
    coChairsOnly: 'Solo la copresidencia puede preparar la actualización periódica. No se cambió nada.',
  },
  briefDraft: {
    edit: 'Editar',
    publish: 'Publicar',
    draftNote: (channel) =>
      channel
        ? `Borrador, solo para la copresidencia. *Editar* añade su párrafo de apertura y sus puntos destacados; *Publicar* lo publica en ${channel}, una sola vez, con sus archivos.`
        : 'Borrador, solo para la copresidencia. *Editar* añade su párrafo de apertura y sus puntos destacados. No se puede publicar: GCM_REMINDER_CHANNEL no está configurado.',
    quarterDraft:
      'La actualización del último trimestre está lista para su revisión. No se publicó nada en el canal: se publica cuando alguien de la copresidencia la publique.',
    edited: (user, date) => `Apertura de la copresidencia, guardada por última vez por ${user} el ${date}.`,
    published: (user, date) => `Publicada por ${user} el ${date}.`,
    alreadyPublished: (user, date) => `Esta actualización ya fue publicada por ${user} el ${date}. Se publica una sola vez: no se publicó nada más.`,
    publishing: (channel) => `Publicada: aparece en ${channel} en un momento, con sus archivos en el hilo.`,
    noChannel: 'No hay canal donde publicarla: GCM_REMINDER_CHANNEL no está configurado. No se publicó nada.',
    gone: 'El plan de esta actualización ya no está cargado. No se cambió nada.',
    editAfterPublish: (user, date) =>
      `Esta actualización fue publicada por ${user} el ${date}: la publicación en el canal queda como estaba. No se cambió nada.`,
    modal: {
      title: 'Editar actualización',
      submit: 'Guardar',
      close: 'Cancelar',
      about: (from, to) =>
        `Sus palabras van al comienzo de la actualización del ${from} al ${to}, como de la copresidencia. Escriba en inglés, en español o en ambos: la actualización de cada idioma muestra las suyas. Deje un campo en blanco para omitirlo.`,
      paragraph: (language) => `Párrafo de apertura (${language})`,
      paragraphHint: (max) => `Hasta ${max} caracteres.`,
      highlights: (language) => `Puntos destacados (${language})`,
      highlightsHint: (count, max) => `Uno por línea: hasta ${count}, de hasta ${max} caracteres cada uno.`,
      languages: { en: 'inglés', es: 'español' },
    },
    problem: {
      paragraph_too_long: (max) => `Demasiado largo: como máximo ${max} caracteres.`,
      too_many_highlights: (max) => `Demasiados: como máximo ${max} puntos destacados, uno por línea.`,
      highlight_too_long: (line, max) => `El punto destacado ${line} es demasiado largo: como máximo ${max} caracteres cada uno.`,
    },
    saved: (any) => (any ? 'Guardado: el borrador muestra sus palabras al comienzo.' : 'Guardado: el borrador ya no tiene apertura de la copresidencia.'),
  },
  briefFiles: {
    charts: 'Gráficos',
    tables: 'Tablas',
    chartImage: (title) => `Gráfico: ${title}`,
    prioritiesTable: 'Avance por prioridad, al final del período',
    priorityTable: (id, title) => `${id} ${title}: las ocurrencias del período`,
    nothingListed: 'No se lista ninguna ocurrencia de esta prioridad en el período.',
    objectivesTable: 'Objetivos del PMM: las prioridades y actividades que sirven a cada uno',
    notServed: 'sin cubrir',
    notServedLine: (list) => `Ninguna actividad del plan sirve a estos objetivos: ${list}.`,
    overdueTable: 'Atrasadas al final del período, por agencia líder',
    overdueBefore: 'pendiente desde antes del período',
    overdueStatus: 'atrasada',
    sheet: { summary: 'Resumen', priorities: 'Por prioridad', objectives: 'Por objetivo', overdue: 'Atrasadas', done: 'Hechas', next: 'Próximo trimestre' },
    columns: {
      field: 'Dato',
      value: 'Valor',
      plan: 'Plan',
      from: 'Desde',
      to: 'Hasta',
      title: 'Título',
      activities: 'Actividades',
      activitiesDone: 'Actividades hechas',
      occurrences: 'Ocurrencias',
      occurrencesDone: 'Ocurrencias hechas',
      status: 'Estado',
      activity: 'Actividad',
      objective: 'Objetivo del PMM',
      servedBy: 'Prioridades que lo sirven',
      activitiesServing: 'Actividades que lo sirven',
    },
    alsoFiles: 'Con él, la misma actualización como documento de Word (.docx) y como libro de Excel (.xlsx).',
  },
};

/** `hoy`, `mañana`, `en 3 días`, `ayer`, `hace 3 días`: `days` desde hoy (domain/day-gap.ts dayGap). */
function daysAwayEs(days: number): string {
  if (days === 0) return 'hoy';
  if (days === 1) return 'mañana';
  if (days === -1) return 'ayer';
  return days > 1 ? `en ${days} días` : `hace ${-days} días`;
}

/** El estado registrado, como lo nombra `plan:import`. */
const stateWordsEs: Record<StateKind, (n: number) => string> = {
  completion: (n) => (n === 1 ? 'marca de hecho' : 'marcas de hecho'),
  meeting_date: (n) => (n === 1 ? 'fecha de reunión' : 'fechas de reunión'),
  status: (n) => (n === 1 ? 'estado' : 'estados'),
  reminder: (n) => (n === 1 ? 'recordatorio registrado' : 'recordatorios registrados'),
};
