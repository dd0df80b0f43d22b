import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { ApiVersion, Config } from './config/config.js';
import { createClientErrorHandler } from './http/client-errors.js';
import { createErrorHandler, createNotFoundHandler, toErrorBody } from './http/errors.js';
import { findJsonBodyProblem, parseJsonBody } from './http/json-body.js';
import { requestBaseUrl } from './http/public-url.js';
import { hasWellFormedQuery, isCanonicalRequestTarget } from './http/request-target.js';
import { newRequestId, NO_STORE_HEADERS, REQUEST_ID_HEADER } from './http/request-id.js';
import { serializeRequestForLog } from './http/request-log.js';
import { installRateLimits } from './http/rate-limit.js';
import { installRouteAuth } from './http/route-auth.js';
import type { RouteContext } from './http/route-context.js';
import { registerAvatarRoutes } from './http/routes/avatars.js';
import { registerContactRoutes } from './http/routes/contacts.js';
import { registerCreateUser } from './http/routes/users/create-user.js';
import { registerListUsers } from './http/routes/users/list-users.js';
import { registerMetadataRoutes, registerModerationRoutes } from './http/routes/users/moderation.js';
import { registerUserRoutes } from './http/routes/users/user.js';
import { compileRouteValidator } from './http/validation.js';
import { registerOpenApi } from './http/openapi.js';
import type { RosterApp } from './http/roster-app.js';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors } from './lib/error-catalog.js';
import type { Clock } from './lib/clock.js';
import type { HasherRegistry } from './passwords/registry.js';
import type { RosterDatabase } from './storage/database.js';
import { isDatabaseReachable } from './storage/database-health.js';
import { createServices } from './services/services.js';
import { createSecretBox } from './lib/secret-box.js';
import { assertInstanceKeyMatches } from './instance-key-check.js';
import { registerCredentialRoutes } from './http/routes/users/credentials.js';
import { registerProfileImageRoutes } from './http/routes/users/profile-image.js';
import { registerWeb3WalletRoutes } from './http/routes/users/web3-wallets.js';
import { registerUserPasskeyRoutes } from './http/routes/users/passkeys.js';
import { registerExternalAccountRoutes } from './http/routes/users/external-accounts.js';
import { registerOrganizationRoutes } from './http/routes/organizations/index.js';
import { registerSessionRoutes } from './http/routes/sessions/index.js';
import { registerClientRoutes } from './http/routes/clients/index.js';
import { registerJwtTemplateRoutes } from './http/routes/jwt-templates/index.js';
import { registerInvitationRoutes } from './http/routes/invitations/index.js';
import { registerTestingTokenRoute } from './http/routes/testing-tokens.js';
import { registerSignInTicketRoutes } from './http/routes/sign-in-tickets.js';
import { registerBundleRoutes } from './http/fapi/bundles.js';
import { applyMethodOverride, parseFormBody } from './http/fapi/form-body.js';
import { registerFrontendApi } from './http/fapi/index.js';
import { createFrontendInstance } from './frontend/instance.js';
import { registerWebhookEndpointRoutes } from './http/routes/webhooks/index.js';
import { toUserJSON } from './http/routes/users/serialize.js';
import { toSessionJSON } from './http/routes/sessions/serialize.js';
import { toInvitationJSON, toMembershipJSON, toOrganizationJSON } from './http/routes/organizations/serialize.js';
import { createWebhookRenderer } from './webhooks/webhook-subjects.js';
import { createWebhookPublisher } from './webhooks/webhook-publisher.js';
import { createWebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import { instanceIdOf } from './webhooks/instance-id.js';
import { runWithRequestContext } from './lib/request-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The Clerk API version this request speaks (header, query parameter or instance default). */
    apiVersion: ApiVersion;
  }
  interface FastifyInstance {
    /** The Frontend API's URL, publishable key and origins (resolved after listen when the port was 0). */
    frontendInstance: import('./frontend/instance.js').FrontendInstance;
    /** Delivers webhook events (started when the app is ready, stopped when it closes). */
    webhookDispatcher: import('./webhooks/webhook-dispatcher.js').WebhookDispatcher;
  }
}

export interface AppDeps {
  config: Readonly<Config>;
  database: RosterDatabase;
  clock: Clock;
  hashers: HasherRegistry;
  /** Pino options or `false` (tests); the secret key and bodies are never logged. */
  logger: boolean | object;
}

/** The one composition root: services from dependencies (createServices), routes from services. */
export async function buildApp(deps: AppDeps): Promise<RosterApp> {
  const { config } = deps;
  const requestTimeoutInMs = config.requestTimeoutInSeconds * 1000;
  const app = Fastify({
    // Request logs never hold query values that identify people (emails, phones, usernames, search text).
    logger: typeof deps.logger === 'object' ? { ...deps.logger, serializers: { req: serializeRequestForLog } } : deps.logger,
    bodyLimit: config.bodyLimitInBytes,
    genReqId: newRequestId,
    routerOptions: { ignoreTrailingSlash: true },
    // clerk-js tunnels PATCH/PUT/DELETE through `POST ?_method=…`: the Frontend API routes them as the verb named.
    rewriteUrl: (raw) => {
      applyMethodOverride(raw);
      return raw.url ?? '/';
    },
    // A client that stops sending mid-headers or mid-body loses its connection instead of holding it open.
    requestTimeout: requestTimeoutInMs,
    http: {
      headersTimeout: requestTimeoutInMs,
      connectionsCheckingInterval: Math.min(Math.max(Math.floor(requestTimeoutInMs / 4), 250), 5000),
      // Node would answer a missing Host with an empty 400; the onRequest hook below answers in Clerk's shape.
      requireHostHeader: false,
    },
    clientErrorHandler: createClientErrorHandler(config.requestTimeoutInSeconds),
    // A URL Fastify cannot decode (e.g. %ff) still gets a Clerk-shaped answer.
    frameworkErrors: (_error, request, reply) => {
      // Framework errors skip the onSend hook that fixes the content type, and Fastify would add a
      // charset: write the exact `application/json` @clerk/backend needs on the raw response.
      const body = JSON.stringify(toErrorBody(errors.resourceNotFound(), request.id));
      (reply as FastifyReply).hijack();
      reply.raw.writeHead(404, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        [REQUEST_ID_HEADER]: request.id,
        ...NO_STORE_HEADERS,
      });
      reply.raw.end(body);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // JSON bodies: an empty body is an empty object (the SDK sends bodiless POSTs with a JSON content type).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, parseJsonBody);
  // Form bodies are the Frontend API's (clerk-js); parseFormBody refuses them elsewhere.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, parseFormBody);
  await app.register(fastifyCookie);
  app.setValidatorCompiler(compileRouteValidator);
  // Response schemas document the wire (Roster's OpenAPI); replies are written as the serializers build them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(createErrorHandler(config.bodyLimitInBytes));

  // Closing: requests already running finish, and their connections close with them. Node closes only the
  // connections idle at the moment of close(); one whose request ends later would stay open for the whole
  // keep-alive timeout (72 s), holding up shutdown.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    // @clerk/backend parses JSON only when Content-Type is exactly `application/json`.
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('application/json')) reply.header('content-type', 'application/json');
    reply.header(REQUEST_ID_HEADER, request.id);
    reply.header('x-content-type-options', NO_STORE_HEADERS['x-content-type-options']);
    // Public images set their own caching.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', NO_STORE_HEADERS['cache-control']);
    return payload;
  });

  app.decorateRequest('apiVersion', config.defaultApiVersion);
  app.decorateRequest('fapiClient', null);
  app.decorateRequest('fapiOrigin', null);
  // Everything a request runs, to its database writes, knows the request (webhook events' `http_request`).
  app.addHook('onRequest', (request, _reply, done) => {
    runWithRequestContext({ clientIp: request.ip, userAgent: request.headers['user-agent'] ?? null }, done);
  });
  // Runs before every route's own hooks, and for requests no route matches.
  app.addHook('onRequest', async (request) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) throw errors.badRequest('HTTP/1.1 requests must carry a Host header.');
    // One spelling per path: what the router would decode or normalise is not served (see request-target.ts).
    if (!isCanonicalRequestTarget(request.raw.url ?? '')) throw errors.resourceNotFound();
    // Query values are strict UTF-8, as bodies are: never decoded into U+FFFD.
    if (!hasWellFormedQuery(request.raw.url ?? '')) throw errors.malformedRequestParameters();
    // Requests no route matches need the key too, checked here, before their body is read or parsed.
    if (request.is404) await routeAuth.authenticateUnrouted(request);
  });
  // Authentication is declared by each route and runs on the route that handles the request.
  const routeAuth = installRouteAuth(app, { secretKeys: config.secretKeys, defaultApiVersion: config.defaultApiVersion });
  app.setNotFoundHandler(createNotFoundHandler());
  app.addHook('preValidation', async (request) => {
    // Requests without any body (no content type either) validate as an empty object too.
    if (request.body === undefined) request.body = {};
    // No id contains NUL, and PostgreSQL cannot compare text holding one: refuse it up front.
    if (findJsonBodyProblem(request.params) === 'nul') throw errors.resourceNotFound();
    for (const [name, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
      if (findJsonBodyProblem(value) === 'nul') throw errors.paramValueInvalid(name, `${name} must not contain NUL characters.`);
    }
  });

  if (!config.instanceKey) throw new Error('config.instanceKey is required (server.ts provisions it in the data directory)');
  const secretBox = createSecretBox(config.instanceKey);
  await assertInstanceKeyMatches(deps.database, secretBox, { config, clock: deps.clock });
  const services = await createServices({ database: deps.database, clock: deps.clock, hashers: deps.hashers, config, secretBox }, { logger: app.log });
  app.addHook('onClose', async () => services.mailer.close());
  // Abandoned sign-ins and sign-ups, used codes and idle clients are deleted every ten minutes (every node may run
  // it: deleting what another node deleted is a no-op).
  const purge = setInterval(() => {
    services.purgeStaleFrontendRows().catch((error: unknown) => app.log.warn({ err: error }, 'purging stale Frontend API rows failed'));
  }, 10 * 60_000);
  purge.unref();
  app.addHook('onClose', async () => clearInterval(purge));
  const ctx: RouteContext = {
    ...services,
    serializeContext: (request: FastifyRequest) => ({ baseUrl: requestBaseUrl(request, config.publicUrl) }),
  };

  // Clerk's rate limits count a request after its key check and before its body: after the hooks above, before any route.
  await installRateLimits(app, {
    config: config.rateLimits,
    instanceKey: config.instanceKey,
    // Development instances let end-to-end suites through with a testing token (`__clerk_testing_token`).
    exemptFrontendRequest: (request) => {
      if (!config.sessions.testMode) return false;
      const token = (request.query as Record<string, unknown> | undefined)?.__clerk_testing_token;
      return typeof token === 'string' && services.testingTokens.isValid(token);
    },
  });
  await registerOpenApi(app);
  // Public, so it says nothing about why: 503 when the database does not answer (database-health.ts).
  const health = (status: string) => Type.Object({ status: Type.Literal(status) }, { additionalProperties: false });
  app.get('/healthz', { config: { auth: 'public' }, schema: { response: { 200: health('ok'), 503: health('unavailable') } } }, async (_request, reply) =>
    (await isDatabaseReachable(deps.database)) ? { status: 'ok' } : reply.code(503).send({ status: 'unavailable' }),
  );
  registerAvatarRoutes(app);
  registerListUsers(app, ctx);
  registerCreateUser(app, ctx);
  registerModerationRoutes(app, ctx);
  registerMetadataRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerCredentialRoutes(app, ctx);
  await registerOrganizationRoutes(app, ctx, { bodyLimitInBytes: config.bodyLimitInBytes });
  registerSessionRoutes(app, ctx);
  registerClientRoutes(app, ctx);
  registerJwtTemplateRoutes(app, ctx);
  registerInvitationRoutes(app, ctx);
  registerTestingTokenRoute(app, ctx, { testMode: config.sessions.testMode });
  registerSignInTicketRoutes(app, ctx);
  registerContactRoutes(app, ctx, 'email_address');
  registerContactRoutes(app, ctx, 'phone_number');
  await registerProfileImageRoutes(app, ctx, { bodyLimitInBytes: config.bodyLimitInBytes });
  registerWeb3WalletRoutes(app, ctx);
  registerUserPasskeyRoutes(app, ctx);
  registerExternalAccountRoutes(app, ctx);
  registerWebhookEndpointRoutes(app, ctx);
  registerBundleRoutes(app);
  const listeningPort = () => {
    const address = app.server.address();
    return typeof address === 'object' && address ? address.port : config.port;
  };
  const instance = createFrontendInstance({
    secretKeys: config.secretKeys,
    frontendApiUrl: config.fapi.frontendApiUrl,
    publicUrl: config.publicUrl,
    allowedOrigins: config.fapi.allowedOrigins,
    listeningPort,
  });
  app.decorate('frontendInstance', instance);

  // Webhooks: the outbox's changes become events rendered with the Backend API's own JSON, delivered by this node
  // unless ROSTER_WEBHOOK_DELIVERY=off. Image URLs in them use ROSTER_PUBLIC_URL, else this server's own address.
  const webhookContext = () => ({ baseUrl: config.publicUrl ?? `http://localhost:${listeningPort()}` });
  const render = createWebhookRenderer({
    lockout: config.lockout,
    roles: services.roles,
    clock: deps.clock,
    serializers: {
      user: (record) => toUserJSON(record, webhookContext()),
      // The webhook reference's Session has no `tasks` (the Backend API's has).
      session: (record, user) => {
        const { tasks: _tasks, ...session } = toSessionJSON(record);
        return { ...session, user: toUserJSON(user, webhookContext()) };
      },
      organization: (record) => toOrganizationJSON(record, webhookContext()),
      membership: (record) => toMembershipJSON(record, webhookContext()),
      // The webhook reference's invitation carries no public_organization_data (the Backend API's does).
      invitation: (record) => {
        const { public_organization_data: _organization, ...invitation } = toInvitationJSON(record, webhookContext());
        return invitation;
      },
    },
  });
  const publisher = createWebhookPublisher({ database: deps.database, render, clock: deps.clock, instanceId: instanceIdOf(config.instanceKey) });
  const dispatcher = createWebhookDispatcher({
    database: deps.database,
    clock: deps.clock,
    secretBox,
    config: config.webhooks,
    publisher,
    warn: (object, message) => app.log.warn(object, message),
  });
  app.decorate('webhookDispatcher', dispatcher);
  app.addHook('onReady', async () => dispatcher.start());
  // A request that may have changed something: its events go out now, not at the next poll.
  app.addHook('onResponse', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') dispatcher.wake();
  });
  app.addHook('preClose', async () => dispatcher.stop());
  await registerFrontendApi(app, { ...ctx, config, clock: deps.clock, instance }, routeAuth.setFrontendAuth);
  return app;
}
