import type { Messages } from './catalog.js';

const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`);

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
  networkSupported: (n) => `y ${n} ${n === 1 ? 'actividad apoyada' : 'actividades apoyadas'} por toda la Red`,
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
  planEnded: (end) =>
    `El período del plan terminó el ${end}: no hay más recordatorios. Para seguir el próximo plan, cargue su archivo con \`npm run plan:import -- ARCHIVO\` (o defina GCM_PLAN y reinicie el bot).`,
  planNotStarted: (start) => `El período del plan empieza el ${start}.`,
  principles: 'Los 10 principios rectores del Pacto Mundial',
  progress: 'Avance del plan',
  progressLine: (done, total) => `${done} de ${total} actividades hechas`,
  occurrencesLine: (done, total) => `${done} de ${total} ocurrencias`,
  planLine: (title, start, end) => `${title}, del ${start} al ${end}`,
  helpTitle: 'Qué puede preguntar',
  helpFooter: (twins) =>
    `Cada palabra clave tiene su gemela en inglés (${twins}); responde en inglés. El texto de las actividades está en inglés, como en el plan.`,
  andMore: (n) => `…y ${n} más`,
  months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  list,
  error: (e) => {
    switch (e.code) {
      case 'objective_range':
        return `"${e.given}" no es un objetivo del Pacto Mundial: tiene ${e.max} objetivos, numerados del 1 al ${e.max}. Pruebe \`objetivo 23\`.`;
      case 'activity_missing':
        return `El plan no tiene la actividad ${e.given}.${e.known.length ? ` Sus actividades son ${e.known.join(', ')}.` : ' `/gcm prioridad` las lista.'}`;
      case 'activity_bad':
        return `"${e.given}" no es una referencia de actividad. Escríbala como \`B1.3\` (prioridad básica 1, actividad 3), \`T2.4\`, \`básica 1.3\`, \`temática 2.4\` o \`1.3\`.`;
      case 'activity_needed':
        return '¿Qué actividad? p. ej. `actividad B1.3`.';
      case 'agency_missing':
        return `Ninguna agencia coincide con "${e.given}". Pruebe una sigla como OIM, CEPAL, ACNUR, IOM o ECLAC, o \`agencia\` sola para ver la lista.`;
      case 'agency_needed':
        return '¿Qué agencia? p. ej. `agencia OIM`.';
      case 'priority_missing':
        return `El plan no tiene la prioridad "${e.given}". Sus prioridades son ${e.known.join(', ')}.`;
      case 'search_needed':
        return '¿Buscar qué? p. ej. `buscar migrantes desaparecidos`.';
      case 'unknown_command':
        return `No conozco "${e.given}". Pruebe \`ayuda\` para ver qué puede preguntar.`;
      case 'no_plan':
        return 'Todavía no hay un plan de trabajo cargado. Cárguelo con `npm run plan:import -- ARCHIVO`.';
      case 'slack_only':
        if (e.command === 'report')
          return 'En la terminal el informe es `npm run report -- --from 2024-01-01 --to 2024-03-31 --format md` (o csv, json); en Slack, `/gcm informe`.';
        return `\`${e.command}\` funciona en Slack, donde se conoce a la copresidencia: use \`/gcm ${e.command} …\` allí.`;
      case 'occurrence_missing':
        return `${e.activityId} no tiene la ocurrencia ${e.label} en el período del plan. Sus ocurrencias: ${e.known.join(', ')}.`;
      case 'bad_date':
        return `"${e.given}" no es una fecha. Escríbala como AAAA-MM-DD, p. ej. 2024-05-14.`;
      case 'agency_ambiguous':
        return `"${e.given}" coincide con varias agencias: ${e.options.join(', ')}. Indique una.`;
      case 'focal_mention':
        return `"${e.given}" no es una mención de Slack que pueda leer. Elija a la persona con el autocompletado @ de Slack, p. ej. \`/gcm enlace OIM @ana\`.`;
      case 'focal_who':
        return '¿A quién? p. ej. `/gcm enlace OIM quitar @luis`.';
      case 'focal_not_allowed':
        return e.mine
          ? `Puede agregarse o quitarse como enlace de su propia agencia (${e.mine}, elegida en la pestaña Inicio de la app). La copresidencia puede nombrar a cualquiera para ${e.agency}.`
          : `Elija primero su agencia en la pestaña Inicio de la app: luego podrá agregarse o quitarse como su enlace. La copresidencia puede nombrar a cualquiera para ${e.agency}.`;
      case 'report_dates':
        return `"${e.given}" no es una fecha. Escriba el período como dos fechas AAAA-MM-DD, p. ej. \`informe 2024-01-01 2024-03-31\`.`;
      case 'report_order':
        return 'El período empieza después de terminar: indique primero DESDE y luego HASTA.';
      case 'report_outside':
        return `Ningún plan cargado cubre del ${e.from} al ${e.to}.`;
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
    hint: (id, example) => `Para indicar otra ocurrencia: \`/gcm hecho ${id} ${example}\`.`,
  },
  reminder: {
    title: (days) => (days === 0 ? 'Recordatorio: vence hoy' : days === 1 ? 'Recordatorio: vence mañana' : `Recordatorio: vence en ${days} días`),
    late: (day) => `Recordatorio atrasado: debía enviarse el ${day}, cuando el bot no estaba en marcha.`,
    tentative: 'fecha tentativa',
    meetingRule: 'Una reunión vence el primer día de su mes hasta que la copresidencia fije la fecha real (Fijar fecha, o /gcm fecha).',
    digestTitle: (days) => `Vence en los próximos ${days} días`,
    digestEmpty: (days) => `No vence nada con fecha en los próximos ${days} días.`,
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
    unsent: 'Aún no enviados (se reintentan)',
    noneUnsent: 'Todos los recordatorios debidos hasta ahora se enviaron.',
    attempts: (n, error) => `${n} ${n === 1 ? 'intento' : 'intentos'}${error ? `, último error: ${error}` : ''}`,
    ended: 'El plan terminó: los recordatorios se detuvieron.',
  },
  report: {
    title: (from, to) => `Informe de avance, del ${from} al ${to}`,
    byPriority: 'Por prioridad, al final del período',
    priorityLine: (ad, at, od, ot) => `${ad} de ${at} actividades hechas · ${od} de ${ot} ocurrencias`,
    total: 'Todas las prioridades',
    done: (n) => `Hecho en el período (${n})`,
    noneDone: 'No se marcó nada como hecho en el período.',
    overdue: (n) => `Atrasado al final del período, por agencia a cargo (${n})`,
    noneOverdue: 'No quedó pendiente nada de lo que vencía en el período.',
    overdueBefore: (n) => `Además, pendiente desde antes del período: ${n}`,
    next: (from, to, n) => `Vence el próximo trimestre, del ${from} al ${to} (${n})`,
    noneNext: 'No vence nada con fecha el próximo trimestre.',
    objectives: 'Objetivos del Pacto',
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
  coChairOnly: 'Solo la copresidencia puede marcar actividades como hechas o reabrirlas. No se cambió nada.',
  markDone: 'Marcar como hecha',
  reopen: 'Reabrir',
  share: 'Compartir en el canal',
  setDate: 'Fijar fecha',
};
