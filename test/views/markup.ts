/**
 * Slack markup that pings or links, found unescaped in a message (its fallback `text`, its blocks, a Home
 * view): `<!channel>`, `<!here>`, `<!subteam^…>`, `<@U…>`, `<#C…>`, `<http…>`. The bot's own tokens are
 * allowed: date tokens (`<!date^…>`) and the tokens in `allowed` (the sharer, the co-chairs it names on
 * purpose, the reminder channel).
 */
const hidden = new Set(['value', 'action_id', 'block_id', 'callback_id', 'private_metadata']);

export function unescapedMarkup(message: unknown, allowed: readonly string[] = ['<@U0MEMBER>', '<@U0COCHAIR>']): string[] {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(/<(!|@|#|https?:)[^>]*>?/g)) {
        const token = m[0];
        if (token.startsWith('<!date^')) continue;
        if (allowed.includes(token)) continue;
        found.push(token);
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    // A button's value, an action or block ID are data Slack hands back, never shown.
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (!hidden.has(k)) walk(x);
  };
  walk(message);
  return found;
}
