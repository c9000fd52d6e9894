/**
 * Web API errors that no retry can cure: the bot is not in the channel, the channel is gone, or Slack refuses
 * the bot's token. A post failing with one is not retried; `/gcm reminders` tells co-chairs what to do.
 * Every other failure (a 429, a 5xx, a timeout, a cut connection, another error) is temporary and retried
 * with backoff (docs/outbox.md).
 */
export type PermanentFailure = 'not_in_channel' | 'channel' | 'auth';

const permanent: Readonly<Record<string, PermanentFailure>> = {
  not_in_channel: 'not_in_channel',
  channel_not_found: 'channel',
  is_archived: 'channel',
  invalid_auth: 'auth',
  not_authed: 'auth',
  account_inactive: 'auth',
  token_revoked: 'auth',
  token_expired: 'auth',
  missing_scope: 'auth',
};

/** What a record's last error (a Web API error code, as the outbox writes it) says about retrying: null when it is worth retrying. */
export function permanentFailure(lastError: string | null): PermanentFailure | null {
  return (lastError && permanent[lastError]) || null;
}
