import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { loadConfig, type Config } from './config/config.js';
import { ensureDataDir, ensureInstanceKey, ensureSecretKey } from './instance-files.js';
import { systemClock, type Clock } from './lib/clock.js';
import { createHasherRegistry } from './passwords/registry.js';
import type { RosterDatabase } from './storage/database.js';
import { createDatabase } from './storage/database.js';
import { migrateToLatest } from './storage/migrate.js';
import { assertEmailDeliveryConfigured } from './email/create-mailer.js';
import { signUpPossible } from './frontend/environment.js';
import { instanceTypeOf } from './frontend/instance.js';

export interface StartOptions {
  /** Pino options or `false`. @default pino at the configured level, with credentials redacted */
  logger?: boolean | object;
  /** @default the system clock */
  clock?: Clock;
}

export interface StartedServer {
  app: FastifyInstance;
  database: RosterDatabase;
  config: Readonly<Config>;
  /** What to print once listening: the URLs and where the secret key comes from. */
  banner: string;
  close(): Promise<void>;
}

/** Where the secret key comes from; the generated key itself only on the start that generated it. */
type SecretKeySource = { kind: 'configured' } | { kind: 'generated'; key: string; created: boolean; file: string };

function secretKeyLine(source: SecretKeySource): string {
  if (source.kind === 'configured') return '  secretKey: one of ROSTER_SECRET_KEYS';
  if (source.created) return `  secretKey: ${source.key}   (generated now and shown only this once; stored in ${source.file})`;
  return `  secretKey: the one generated on first start, stored in ${source.file}`;
}

/** loadConfig → keys → createDatabase → migrate → buildApp (which checks the instance key) → listen. */
export async function startServer(env: NodeJS.ProcessEnv, options: StartOptions = {}): Promise<StartedServer> {
  let config = loadConfig(env);
  // On PostgreSQL loadConfig has already required both keys from the environment: nothing is generated.
  if (!config.databaseUrl) ensureDataDir(config.dataDir);
  let source: SecretKeySource = { kind: 'configured' };
  if (config.secretKeys.length === 0) {
    const generated = ensureSecretKey(config.dataDir);
    source = { kind: 'generated', ...generated };
    config = Object.freeze({ ...config, secretKeys: Object.freeze([generated.key]) });
  }
  if (!config.instanceKey) config = Object.freeze({ ...config, instanceKey: ensureInstanceKey(config.dataDir) });
  // A production instance whose sign-up needs an email address cannot start without a way to send the codes; the
  // Frontend API's sign-up always verifies one, so an open sign-up needs it whatever the required identifiers.
  const frontendSignUpOpen = config.frontend.signUpMode === 'public' && signUpPossible(config);
  assertEmailDeliveryConfigured({
    config: config.email,
    instanceType: instanceTypeOf(config.secretKeys),
    requiredIdentifiers: frontendSignUpOpen ? ['email_address'] : config.requiredIdentifiers,
  });

  const database = await createDatabase(config);
  let app: FastifyInstance | undefined;
  try {
    await migrateToLatest(database);
    app = await buildApp({
      config,
      database,
      clock: options.clock ?? systemClock,
      hashers: createHasherRegistry(),
      logger: options.logger ?? { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // A built app may hold connections of its own (the rate limits' Redis) that would keep the process alive.
    await app?.close().catch(() => undefined);
    await database.close();
    throw error;
  }

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  const where = database.dialect === 'sqlite' ? config.sqliteFile : 'PostgreSQL (DATABASE_URL)';
  const frontend = app.frontendInstance;
  if (config.databaseUrl && !config.fapi.frontendApiUrl && !config.publicUrl) {
    // Every node would name its own port in the publishable key: browsers signed in through one node would carry
    // cookies and tokens the others' middleware does not recognise.
    app.log.warn('DATABASE_URL is set but neither ROSTER_FRONTEND_API_URL nor ROSTER_PUBLIC_URL: set one of them, the same on every node');
  }
  const banner =
    [
      '',
      `Roster is listening on ${base}  (database: ${where})`,
      `  apiUrl:    ${base}`,
      secretKeyLine(source),
      `  publishableKey: ${frontend.publishableKey()}`,
      `  frontendApiUrl: ${frontend.url()}   (clerk-js's proxyUrl; its scripts load from ${frontend.url()}/npm/@clerk/…)`,
      '',
    ].join('\n') + '\n';
  return {
    app,
    database,
    config,
    banner,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
