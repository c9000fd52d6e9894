// The container's HEALTHCHECK (and usable by any monitor on the host): GET /health on HEALTH_PORT when set
// (Socket Mode), else PORT (HTTP mode), on the loopback. Exit 0 on 200, 1 otherwise, with the reason on stderr.
// Plain Node (fetch): the slim image has no curl.
const port = process.env.HEALTH_PORT || process.env.PORT || '3000';
const url = `http://127.0.0.1:${port}/health`;
try {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  const body = (await res.text()).slice(0, 500);
  if (res.status !== 200) {
    console.error(`${url}: ${res.status} ${body}`);
    process.exit(1);
  }
} catch (e) {
  console.error(`${url}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
