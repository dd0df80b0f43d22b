// Invitation tickets: signed by a key derived from the instance key, bound to the invitation id and expiry;
// any change, another instance's key or the passing of the expiry makes them invalid.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTickets, isInvitationRedirectUrl, ticketUrl } from '../../src/invitations/tickets.js';
import { createManualClock } from '../../src/lib/clock.js';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);

describe('invitation tickets', () => {
  const instanceKey = randomBytes(32);
  const clock = createManualClock(NOW);
  const tickets = createTickets({ instanceKey, clock });
  const expiresAtMs = NOW + 86_400_000;

  it('issues the same ticket for the same invitation and checks it', () => {
    const ticket = tickets.issue('inv_abc123', expiresAtMs);
    expect(ticket).toBe(tickets.issue('inv_abc123', expiresAtMs));
    expect(tickets.check(ticket)).toEqual({ ok: true, claims: { invitationId: 'inv_abc123', expiresAt: expiresAtMs / 1000 } });
    expect(tickets.check(tickets.issue('orginv_xyz', expiresAtMs))).toMatchObject({ ok: true, claims: { invitationId: 'orginv_xyz' } });
  });

  it('refuses every altered ticket, and tickets of another instance', () => {
    const ticket = tickets.issue('inv_abc123', expiresAtMs);
    const [id, expiry, mac] = ticket.split('.') as [string, string, string];
    const other = createTickets({ instanceKey: randomBytes(32), clock }).issue('inv_abc123', expiresAtMs);
    for (const altered of [
      `inv_abc124.${expiry}.${mac}`,
      `${id}.${Number(expiry) + 1}.${mac}`,
      `${id}.${expiry}.${mac.slice(1)}A`,
      `${id}.${expiry}.${mac.toUpperCase()}`,
      other,
      `user_abc.${expiry}.${mac}`,
      `${ticket} `,
      '',
      `${id}.${expiry}`,
    ]) {
      expect(tickets.check(altered), altered).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('expires at its expiry, checked after the signature', () => {
    const ticket = tickets.issue('inv_abc123', NOW + 1000);
    expect(tickets.check(ticket).ok).toBe(true);
    clock.advanceMs(1000);
    expect(tickets.check(ticket)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('invitation links', () => {
  it('adds __clerk_ticket to the redirect URL, keeping its own query', () => {
    expect(ticketUrl('https://app.example.com/join?ref=mail#top', 'inv_a.1.m', null)).toBe('https://app.example.com/join?ref=mail&__clerk_ticket=inv_a.1.m#top');
    expect(ticketUrl('/sign-up', 'inv_a.1.m', 'https://app.example.com')).toBe('https://app.example.com/sign-up?__clerk_ticket=inv_a.1.m');
    expect(ticketUrl('/sign-up', 'inv_a.1.m', null)).toBe('/sign-up?__clerk_ticket=inv_a.1.m');
  });

  it('never links anywhere but the web', () => {
    for (const bad of ['javascript:alert(1)', '//evil.example', '/\\evil.example', 'data:text/html,x', 'mailto:a@b.c', 'evil.example', '/a b']) {
      expect(isInvitationRedirectUrl(bad), bad).toBe(false);
      expect(ticketUrl(bad, 't', 'https://app.example.com'), bad).toBe('https://app.example.com/sign-up?__clerk_ticket=t');
    }
    for (const good of ['/join', 'https://app.example.com/x', 'http://localhost:5173/sign-up']) expect(isInvitationRedirectUrl(good), good).toBe(true);
  });
});
