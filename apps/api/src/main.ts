import { ConfigError, loadConfig } from './config/config.js';
import { createPlatform } from './app.factory.js';
import { EmbeddedPostgresError } from './database/embedded-postgres.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  // Until the platform is up, a stop signal ends the process at once: exiting runs the embedded
  // PostgreSQL's 'exit' hook, which a signal without a handler would skip (leaving it running).
  const stopStarting = () => process.exit(1);
  process.once('SIGINT', stopStarting);
  process.once('SIGTERM', stopStarting);
  const platform = await createPlatform(config);
  process.off('SIGINT', stopStarting);
  process.off('SIGTERM', stopStarting);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    await platform.close().catch((e: Error) => console.error(e.message));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await platform.app.listen(config.port, config.host);
  const demo = config.demo
    ? ` Demo accounts use the password "${config.demoPassword === 'demo' ? 'demo' : '(IUC_DEMO_PASSWORD)'}".`
    : '';
  console.log(
    `IUC Knowledge Platform is up at ${config.publicUrl} (API docs at ${config.publicUrl}/api/docs).${demo}`,
  );
}

main().catch((err: Error) => {
  // A problem the message explains in full gets one line; anything else, its stack.
  console.error(
    `Failed to start: ${err instanceof EmbeddedPostgresError ? err.message : (err.stack ?? err.message)}`,
  );
  process.exit(1);
});
