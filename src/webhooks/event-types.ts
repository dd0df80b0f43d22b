/**
 * Clerk's webhook event types an endpoint may subscribe to (Clerk's webhook reference, 2025-04-15, without billing
 * and waitlist events). Roster emits those in {@link EMITTED_EVENT_TYPES}; a subscription to another is kept and
 * receives those events once Roster emits them.
 */
export const WEBHOOK_EVENT_TYPES = [
  'user.created', 'user.updated', 'user.deleted',
  'session.created', 'session.ended', 'session.removed', 'session.revoked', 'session.pending',
  'email.created', 'sms.created',
  'organization.created', 'organization.updated', 'organization.deleted',
  'organizationMembership.created', 'organizationMembership.updated', 'organizationMembership.deleted',
  'organizationInvitation.created', 'organizationInvitation.accepted', 'organizationInvitation.revoked',
  'organizationDomain.created', 'organizationDomain.updated', 'organizationDomain.deleted',
  'role.created', 'role.updated', 'role.deleted',
  'permission.created', 'permission.updated', 'permission.deleted',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The events Roster emits today. */
export const EMITTED_EVENT_TYPES: readonly WebhookEventType[] = [
  'user.created', 'user.updated', 'user.deleted', 'session.created', 'session.ended', 'session.removed', 'session.revoked',
  'organization.created', 'organization.updated', 'organization.deleted',
  'organizationMembership.created', 'organizationMembership.updated', 'organizationMembership.deleted',
  'organizationInvitation.created', 'organizationInvitation.accepted', 'organizationInvitation.revoked',
];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
