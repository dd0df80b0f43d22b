// An app that keeps its own copy of users from Clerk's webhooks, written as Clerk's syncing guide writes it
// (`verifyWebhook` from @clerk/backend/webhooks, the signing secret in CLERK_WEBHOOK_SIGNING_SECRET). Nothing in it
// knows about Roster: pointed at Roster's webhook endpoint instead of Clerk's dashboard, it works unchanged.
import { verifyWebhook } from '@clerk/backend/webhooks';
import express from 'express';

/**
 * The app's own user table (in memory here; a real app writes its database). Each row keeps what the app needs
 * from Clerk's User, and the `svix-id` of the last event applied, so a redelivered event changes nothing twice.
 */
export function createUserStore() {
  const users = new Map();
  return {
    users,
    apply(event, eventId) {
      const { type, data } = event;
      if (type === 'user.created' || type === 'user.updated') {
        const primary = data.email_addresses.find((address) => address.id === data.primary_email_address_id);
        users.set(data.id, {
          id: data.id,
          email: primary?.email_address ?? null,
          firstName: data.first_name,
          lastName: data.last_name,
          banned: data.banned,
          updatedAt: data.updated_at,
          lastEventId: eventId,
        });
      } else if (type === 'user.deleted') {
        users.delete(data.id);
      }
    },
  };
}

/** The Express app: `POST /api/webhooks` (Clerk's guide's route) and `GET /users`, the copy. */
export function createWebhookSyncApp({ signingSecret, store = createUserStore() }) {
  const app = express();
  app.post('/api/webhooks', express.raw({ type: 'application/json' }), async (req, res) => {
    // verifyWebhook takes a Fetch Request: the raw body and the svix-* headers, exactly as they arrived.
    const request = new Request(`http://${req.headers.host}${req.originalUrl}`, { method: 'POST', headers: req.headers, body: req.body });
    let event;
    try {
      event = await verifyWebhook(request, { signingSecret });
    } catch {
      return res.status(400).send('Webhook verification failed');
    }
    store.apply(event, req.headers['svix-id']);
    res.status(200).send('ok');
  });
  app.get('/users', (_req, res) => res.json([...store.users.values()]));
  return { app, store };
}
