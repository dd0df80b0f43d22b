// Starts the webhook-sync example: node examples/webhook-sync/server.mjs (see README.md in this folder).
import { createWebhookSyncApp } from './app.mjs';

const signingSecret = process.env.CLERK_WEBHOOK_SIGNING_SECRET;
if (!signingSecret) {
  process.stderr.write('Set CLERK_WEBHOOK_SIGNING_SECRET to the secret `npx roster webhooks add` printed.\n');
  process.exit(1);
}
const port = Number(process.env.PORT || 3002);
createWebhookSyncApp({ signingSecret }).app.listen(port, '127.0.0.1', () => {
  process.stdout.write(`webhook-sync listening on http://127.0.0.1:${port}  (POST /api/webhooks, GET /users)\n`);
});
