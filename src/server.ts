import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { systemClock } from './lib/clock.js';
import { createHasherRegistry } from './passwords/registry.js';
import { ensureInstanceKey, ensureSecretKey } from './instance-files.js';
import { createDatabase } from './storage/dialects.js';
import { migrateToLatest } from './storage/migrate.js';

/** loadConfig → createDatabase → migrate → buildApp → listen; closes cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config = loadConfig();
  let generatedKey: string | null = null;
  if (config.secretKeys.length === 0) {
    const { key } = ensureSecretKey(config.dataDir);
    generatedKey = key;
    config = Object.freeze({ ...config, secretKeys: Object.freeze([key]) });
  }
  if (!config.instanceKey) config = Object.freeze({ ...config, instanceKey: ensureInstanceKey(config.dataDir) });
  const database = await createDatabase(config);
  await migrateToLatest(database);
  const app = await buildApp({
    config,
    database,
    clock: systemClock,
    hashers: createHasherRegistry(),
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  const where = database.dialect === 'sqlite' ? config.sqliteFile : 'PostgreSQL (DATABASE_URL)';
  process.stdout.write(
    [
      '',
      `Roster is listening on ${base}  (database: ${where})`,
      `  apiUrl:    ${base}`,
      generatedKey ? `  secretKey: ${generatedKey}   (generated once, stored in ${config.dataDir}/secret-key)` : '  secretKey: one of ROSTER_SECRET_KEYS',
      '',
    ].join('\n') + '\n',
  );

  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `configuration error: ${error.message}` : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`roster failed to start: ${message}\n`);
  process.exit(1);
});
