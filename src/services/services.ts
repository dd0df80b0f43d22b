import { createClientService } from '../clients/client-service.js';
import { createHandshakeService } from '../clients/handshake.js';
import { createSessionRefresh } from '../clients/session-refresh.js';
import { createSignInService } from '../clients/sign-in-service.js';
import { createSignInTicketService } from '../clients/sign-in-tokens.js';
import { createSignUpService, type EmailCodes } from '../clients/sign-up-service.js';
import type { ServiceDeps } from '../domain/service-deps.js';
import { createMailer } from '../email/create-mailer.js';
import type { MailLogger } from '../email/mailer.js';
import { signUpPossible } from '../frontend/environment.js';
import { instanceTypeOf } from '../frontend/instance.js';
import { createTestingTokens } from '../frontend/testing-tokens.js';
import { assertVerified } from '../verification/outcome-errors.js';
import { sendEmailCode } from '../verification/send-email-code.js';
import { createPhoneCodes } from '../verification/phone-codes.js';
import { createSmsSender } from '../sms/create-sms-sender.js';
import { createPhoneVerificationService } from '../users/phone-verification-service.js';
import { createVerificationCodes } from '../verification/verification-codes.js';
import { createImageService } from '../images/image-service.js';
import { createJwtTemplateService } from '../jwt-templates/jwt-template-service.js';
import { createTemplateTokenMinter } from '../jwt-templates/template-token.js';
import { createInvitationService } from '../organizations/invitation-service.js';
import { createIdentifierLists } from '../invitations/identifier-lists.js';
import { createInstanceInvitationService, invitationLink } from '../invitations/instance-invitation-service.js';
import { createTicketRedemption } from '../invitations/ticket-redemption.js';
import { createTickets } from '../invitations/tickets.js';
import { createMembershipService } from '../organizations/membership-service.js';
import { createOrganizationService } from '../organizations/organization-service.js';
import { createRoleRegistry } from '../organizations/roles.js';
import { createSessionActivity } from '../sessions/session-activity.js';
import { createSessionService } from '../sessions/session-service.js';
import { createSigningKeyStore } from '../sessions/signing-keys.js';
import { createSessionTokenVerifier } from '../sessions/session-token-verifier.js';
import { createSessionVerification } from '../sessions/session-verification.js';
import { createAccountService } from '../users/account-service.js';
import { createEmailVerificationService } from '../users/email-verification-service.js';
import { createIdentificationService } from '../users/identification-service.js';
import { createMFAService } from '../users/mfa-service.js';
import { createPasswordService } from '../users/password-service.js';
import { createProfileImageService } from '../users/profile-image-service.js';
import { createUserListService } from '../users/user-list-service.js';
import { createUserMetadataService } from '../users/user-metadata-service.js';
import { createUserModeration } from '../users/user-moderation.js';
import { createUserService } from '../users/user-service.js';
import { createOAuthProviders } from '../oauth/provider-client.js';
import { createPasskeyRemoval } from '../passkeys/passkey-removal.js';
import { createPasskeyService } from '../passkeys/passkey-service.js';
import { createOAuthFlow } from '../oauth/oauth-flow.js';
import { createOAuthAttempts } from '../clients/oauth-attempts.js';
import { createOAuthAccessTokens } from '../oauth/access-tokens.js';
import { createExternalAccountService } from '../oauth/external-account-service.js';
import { createWebhookEndpointService } from '../webhooks/webhook-endpoint-service.js';

const SILENT: MailLogger = { info: () => undefined, warn: () => undefined };

/**
 * Builds every service from the shared dependencies, each exactly once (the services that need another one
 * receive it), and makes sure a session signing key exists before anything is served. `logger` receives what the
 * development mailer writes (codes, on development instances only).
 */
export async function createServices(deps: ServiceDeps, options: { logger?: MailLogger } = {}) {
  const passwords = createPasswordService(deps);
  const mfa = createMFAService(deps);
  const roles = createRoleRegistry(deps.config.organizations);
  const signingKeys = createSigningKeyStore({ database: deps.database, clock: deps.clock, secretBox: deps.secretBox, config: deps.config.sessions });
  await signingKeys.ensureKey();
  const sessions = createSessionService({ ...deps, signingKeys, roles });
  const users = createUserService(deps, { passwords, mfa });
  const tokenVerifier = createSessionTokenVerifier({ signingKeys });

  // The Frontend API: email codes, clients, sign-ins and sign-ups.
  const instanceType = instanceTypeOf(deps.config.secretKeys);
  const mailer = createMailer({ config: deps.config.email, instanceType, logger: options.logger ?? SILENT });
  const codes = createVerificationCodes({ database: deps.database, clock: deps.clock, instanceKey: deps.config.instanceKey! });
  const emailDelivery = { codes, mailer, instanceType, appName: deps.config.email.appName };
  const emailCodes: EmailCodes = {
    send: async (subject, emailAddress, options = {}) => ({
      expiresAtMs: (await sendEmailCode(emailDelivery, { subject, emailAddress, ...options })).expiresAt,
    }),
    check: async (subject, code) => assertVerified(await codes.attempt(subject, code)),
  };

  // Phone codes by SMS: the Backend API's and the profile's phone verification, and SMS second factors at sign-in.
  const logger = options.logger ?? SILENT;
  const sms = createSmsSender({ config: deps.config.sms, instanceType, logger });
  const phoneCodes = createPhoneCodes({ codes, sms, instanceType, appName: deps.config.email.appName, warn: (object, message) => logger.warn(object, message) });
  const identifications = createIdentificationService(deps);

  const clients = createClientService({ ...deps, sessions });
  const sessionActivity = createSessionActivity(deps);
  const signInTickets = createSignInTicketService(deps);

  // Invitations: tickets in their links, redeemed at sign-up; the allowlist and blocklist checked at sign-up and in.
  const tickets = createTickets({ instanceKey: deps.config.instanceKey!, clock: deps.clock });
  const ticketRedemption = createTicketRedemption(deps, { tickets, roles });
  const identifierLists = createIdentifierLists(deps);

  // OAuth: the instance's providers (discovered on first use), shared by sign-in, the profile and access tokens.
  const oauthProviders = createOAuthProviders(deps.config.oauth, deps.clock);
  const passkeys = createPasskeyService(deps);
  const oauthFlow = createOAuthFlow(deps, { providers: oauthProviders, logger: options.logger ?? SILENT });
  const instanceInvitations = createInstanceInvitationService(deps, { tickets, mailer, logger: options.logger ?? SILENT });


  const signIns = createSignInService(deps, { clients, passwords, mfa, users, emailCodes, tickets: signInTickets, phoneCodes, lists: identifierLists, passkeys });
  const signUps = createSignUpService(deps, {
    clients,
    passwords,
    users,
    emailCodes,
    signUpAllowed: () => deps.config.frontend.signUpMode === 'public' && signUpPossible(deps.config),
    tickets: ticketRedemption,
    lists: identifierLists,
    signInTickets,
    oauth: oauthFlow,
  });

  return {
    users,
    /** Passkeys (WebAuthn): registration, sign-in assertions, names, deletion. */
    passkeys,
    /** The Backend API's passkey deletion, with the notice Clerk emails the user. */
    passkeyRemoval: createPasskeyRemoval(deps, { passkeys, mailer, logger }),
    /** The OAuth providers people sign in with, by strategy. */
    oauthProviders,
    /** Users' provider access tokens, refreshed once across nodes when about to expire. */
    oauthAccessTokens: createOAuthAccessTokens(deps, { providers: oauthProviders }),
    /** Unlinking users' external accounts (Backend API). */
    externalAccounts: createExternalAccountService(deps, { providers: oauthProviders }),
    /** Sends email; closed with the app. */
    mailer,
    clients,
    /** Testing tokens for end-to-end suites on development instances. */
    testingTokens: createTestingTokens({ instanceKey: deps.config.instanceKey!, clock: deps.clock }),
    /** Drops what the Frontend API no longer needs (app.ts runs it every few minutes). */
    async purgeStaleFrontendRows(): Promise<number> {
      return (await clients.purgeStale()) + (await codes.purgeExpired(3600)) + (await sessionActivity.purgeInactive()) + (await oauthFlow.purgeExpired()) + (await passkeys.purgeExpiredChallenges());
    },
    /** Sign-in tokens and actor tokens (impersonation), redeemed by the Frontend API's ticket sign-in. */
    signInTickets,
    signIns,
    signUps,
    /** OAuth sign-in, sign-up, transfers and "connect an account" (the provider's callback completes them). */
    oauthAttempts: createOAuthAttempts(deps, { flow: oauthFlow, signIns, signUps, lists: identifierLists }),
    /** Instance invitations (`/v1/invitations`). */
    instanceInvitations,
    /** The allowlist and blocklist of identifiers. */
    identifierLists,
    handshake: createHandshakeService({ ...deps, sessions, signingKeys }),
    /** Backend API session refresh (the app's middleware) and the deprecated session verification. */
    sessionRefresh: createSessionRefresh({ ...deps, sessions, verifier: tokenVerifier }),
    sessionVerification: createSessionVerification({ ...deps, verifier: tokenVerifier }),
    userList: createUserListService(deps),
    userMetadata: createUserMetadataService(deps),
    moderation: createUserModeration(deps),
    identifications,
    /** Email addresses verified by a code: the signed-in user's own (`/v1/me`) and the Backend API's. */
    emailVerifications: createEmailVerificationService(deps, { codes, sendCode: emailCodes.send }),
    /** What signed-in users do to their own account (`/v1/me`): password, deletion, sessions. */
    accounts: createAccountService(deps, { passwords, users }),
    /** The browser each session was last used from (`/v1/me/sessions/active`). */
    sessionActivity,
    /** Phone numbers verified by a code sent by SMS. */
    phoneVerification: createPhoneVerificationService(deps, { phoneCodes, identifications }),
    passwords,
    mfa,
    profileImages: createProfileImageService(deps),
    /** Uploaded images behind `image_url`s (profile images and logos). */
    images: createImageService(deps),
    /** Clerk's default organization roles and the instance's custom ones. */
    roles,
    organizations: createOrganizationService(deps, roles),
    memberships: createMembershipService(deps, roles),
    invitations: createInvitationService(deps, roles, { link: (row) => invitationLink(deps.config, tickets, row), mailer, logger: options.logger ?? SILENT }),
    sessions,
    /** The keys that sign session tokens, published as the JWKS. */
    signingKeys,
    /** Tokens from JWT templates. */
    templateTokens: createTemplateTokenMinter({ ...deps, sessions, signingKeys, roles }),
    jwtTemplates: createJwtTemplateService(deps),
    /** Webhook endpoints, their secrets, delivery log and replays (events are delivered by the dispatcher, app.ts). */
    webhookEndpoints: createWebhookEndpointService(deps),
  };
}

/** Every domain service, each built once per app: adding a service is one line in createServices. */
export type Services = Awaited<ReturnType<typeof createServices>>;
