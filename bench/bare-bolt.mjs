// The bare Bolt app of the benchmark's memory comparison (bench/run.ts, section 2), plain JavaScript so that it
// runs as the compiled bot does (`node FILE`, no tsx): Bolt's HTTPReceiver on PORT with the signing secret,
// acknowledging `/gcm` with a constant. It is Bolt's app as Bolt's own start-up makes it: given a token and no
// identity, Bolt checks the token with `auth.test` at once (against SLACK_API_URL, the stand-in), as the bot does
// before it listens; that first Web API call loads Node's fetch (undici), about 15 MB, in both. It logs
// "listening for Slack" to stderr once it listens, as the bot does, and nothing else.
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? 'x' });
const app = new App({
  token: process.env.SLACK_BOT_TOKEN ?? 'xoxb-bench',
  receiver,
  logLevel: LogLevel.WARN,
  clientOptions: process.env.SLACK_API_URL ? { slackApiUrl: process.env.SLACK_API_URL } : {},
});
app.command('/gcm', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: 'ok' });
});
await app.start({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stderr.write('listening for Slack\n');
process.on('SIGTERM', () => {
  void app.stop().finally(() => process.exit(0));
});
