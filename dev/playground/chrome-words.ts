/**
 * Slack's own words that the playground's page draws around the bot's messages (its "chrome"), in both
 * languages: each is shown in the language of the message, modal or file it belongs to, and the page's
 * own frame in the viewer's (the person's Slack locale). The bot's words are never here: they are in src/i18n.
 */
export const chromeWords = {
  en: {
    onlyYou: 'Only visible to you',
    edited: '(edited)',
    reply: 'reply',
    replies: 'replies',
    lastReply: 'Last reply',
    optional: '(optional)',
    choose: 'Choose…',
    date: 'Date',
    submit: 'Submit',
    cancel: 'Cancel',
    download: 'Download',
    markdown: 'Markdown',
    calendar: 'Calendar',
    word: 'Word document',
    excel: 'Excel spreadsheet',
    text: 'Text',
    dmEmpty: 'No direct messages yet: a file you ask for (/gcm report, /gcm calendar) comes here.',
    directMessages: 'direct messages',
    today: 'Today',
    openAssistant: 'Ask gcm',
    newChat: 'New chat',
    close: 'Close',
    messageBot: 'Message gcm',
    send: 'Send',
  },
  es: {
    onlyYou: 'Solo tú puedes ver esto',
    edited: '(editado)',
    reply: 'respuesta',
    replies: 'respuestas',
    lastReply: 'Última respuesta',
    optional: '(opcional)',
    choose: 'Elegir…',
    date: 'Fecha',
    submit: 'Enviar',
    cancel: 'Cancelar',
    download: 'Descargar',
    markdown: 'Markdown',
    calendar: 'Calendario',
    word: 'Documento de Word',
    excel: 'Hoja de cálculo de Excel',
    text: 'Texto',
    dmEmpty: 'Aún no hay mensajes directos: aquí llega un archivo que pidas (/gcm informe, /gcm calendario).',
    directMessages: 'mensajes directos',
    today: 'Hoy',
    openAssistant: 'Preguntar a gcm',
    newChat: 'Nuevo chat',
    close: 'Cerrar',
    messageBot: 'Enviar mensaje a gcm',
    send: 'Enviar',
  },
} as const satisfies Record<'en' | 'es', Record<string, string>>;

/** The language of a Slack locale (`es-LA`, `en-US`): Spanish for `es-…`, else English. */
export const languageOfLocale = (locale: string | undefined): 'en' | 'es' => (locale?.toLowerCase().startsWith('es') ? 'es' : 'en');
