/**
 * Runs `close` once on SIGTERM or SIGINT (docker stop, Ctrl-C), then exits. A close that hangs
 * is cut off after 20 s (docker's default grace period is 10 s; compose sets 25 s).
 */
export function onShutdown(close: () => Promise<void>, log: (msg: string) => void = console.log): void {
  let closing = false;
  const handler = (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal} received, shutting down…`);
    setTimeout(() => {
      log('shutdown timed out; exiting');
      process.exit(1);
    }, 20_000).unref();
    close()
      .then(() => process.exit(0))
      .catch((err) => {
        log(`error during shutdown: ${(err as Error).message}`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => handler('SIGTERM'));
  process.once('SIGINT', () => handler('SIGINT'));
}
