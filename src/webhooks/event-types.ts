/**
 * Clerk's webhook event types an endpoint may subscribe to (Clerk's webhook reference, 2025-04-15, without billing
 * and waitlist events). A subscription to one Roster does not emit yet (README: Webhooks) is kept and receives those
 * events once Roster emits them.
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

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
