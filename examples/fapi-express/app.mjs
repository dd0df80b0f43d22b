// The example app: an Express 5 backend with @clerk/express pointed at Roster, and pages that mount Clerk's
// <SignUp/>, <SignIn/> and <UserButton/> from Clerk's unmodified browser bundles, served by Roster.
import { createClerkClient } from '@clerk/backend';
import { clerkMiddleware, getAuth } from '@clerk/express';
import express from 'express';

/**
 * Roster's publishable key for a Frontend API URL, as Roster derives it: `pk_test_` + base64(`host[:port]path$`),
 * with Clerk's `clerk.` prefix on a host without a dot (`clerk.localhost:3000/fapi`).
 */
export function publishableKeyFor(frontendApiUrl, instance = 'test') {
  const url = new URL(frontendApiUrl);
  const host = url.hostname.includes('.') ? url.host : `clerk.${url.host}`;
  return `pk_${instance}_${Buffer.from(`${host}${url.pathname.replace(/\/+$/, '')}$`).toString('base64')}`;
}

/** Reads the example's configuration from the environment (see README.md in this folder). */
export function configFromEnv(env = process.env) {
  const rosterUrl = (env.ROSTER_URL || 'http://localhost:3000').replace(/\/+$/, '');
  const frontendApiUrl = (env.ROSTER_FRONTEND_API_URL || `${rosterUrl}/fapi`).replace(/\/+$/, '');
  const secretKey = env.CLERK_SECRET_KEY || env.ROSTER_SECRET_KEY;
  if (!secretKey) throw new Error('Set CLERK_SECRET_KEY (or ROSTER_SECRET_KEY) to one of Roster\'s secret keys (ROSTER_SECRET_KEYS).');
  const publishableKey = env.CLERK_PUBLISHABLE_KEY || publishableKeyFor(frontendApiUrl, secretKey.startsWith('sk_live_') ? 'live' : 'test');
  return { rosterUrl, frontendApiUrl, secretKey, publishableKey };
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const json = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

/** One page: Clerk's two bundles from Roster, then `mount(clerk, node)` once Clerk has loaded. */
function page({ frontendApiUrl, publishableKey }, title, mount) {
  const fapi = escapeHtml(frontendApiUrl);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} · Roster example</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:40rem}nav a{margin-right:1rem}#component{margin-top:2rem}</style></head>
<body>
<nav><a href="/">Home</a><a href="/sign-up">Sign up</a><a href="/sign-in">Sign in</a><a href="/me">Who am I?</a></nav>
<div id="component"></div>
<script src="${fapi}/npm/@clerk/clerk-js@6/dist/clerk.browser.js" data-clerk-publishable-key="${escapeHtml(publishableKey)}"
  data-clerk-proxy-url="${fapi}" crossorigin="anonymous"></script>
<script src="${fapi}/npm/@clerk/ui@1/dist/ui.browser.js" crossorigin="anonymous"></script>
<script>
(async () => {
  const clerk = window.Clerk;
  await clerk.load({
    ui: { ClerkUI: window.__internal_ClerkUICtor },
    signInUrl: '/sign-in', signUpUrl: '/sign-up', afterSignOutUrl: '/',
    signInFallbackRedirectUrl: '/me', signUpFallbackRedirectUrl: '/me',
    telemetry: false,
  });
  await (${mount})(clerk, document.getElementById('component'));
})().catch((error) => { document.getElementById('component').textContent = 'Clerk failed to load: ' + error; });
</script>
</body>
</html>
`;
}

/**
 * The example's Express app. `clerkMiddleware` gets its own Backend API client pointed at Roster: the handshake
 * nonce and the session-token keys (JWKS) are fetched through it, so nothing goes to api.clerk.com.
 */
export function createExampleApp(config) {
  const { rosterUrl, frontendApiUrl, secretKey, publishableKey } = config;
  const clerkClient = createClerkClient({ secretKey, publishableKey, apiUrl: rosterUrl, telemetry: { disabled: true } });
  const app = express();
  app.disable('x-powered-by');
  app.use(clerkMiddleware({ clerkClient, secretKey, publishableKey, proxyUrl: frontendApiUrl, signInUrl: '/sign-in', signUpUrl: '/sign-up' }));

  const send = (title, mount) => (_request, response) => response.type('html').set('cache-control', 'no-store').send(page(config, title, mount));
  app.get('/', send('Home', `(clerk, node) => {
    node.innerHTML = clerk.user ? '<p>Signed in as <b></b></p><div id="button"></div>' : '<p>Signed out. <a href="/sign-in">Sign in</a> or <a href="/sign-up">sign up</a>.</p>';
    if (clerk.user) { node.querySelector('b').textContent = clerk.user.primaryEmailAddress?.emailAddress ?? clerk.user.id; clerk.mountUserButton(node.querySelector('#button')); }
  }`));
  app.get('/sign-in{/*rest}', send('Sign in', `(clerk, node) => clerk.mountSignIn(node, { routing: 'path', path: '/sign-in' })`));
  app.get('/sign-up{/*rest}', send('Sign up', `(clerk, node) => clerk.mountSignUp(node, { routing: 'path', path: '/sign-up' })`));
  // Asks the backend: the answer comes from getAuth(req), i.e. from the session token @clerk/express verified.
  app.get('/me', send('Who am I?', `async (clerk, node) => {
    const answer = await (await fetch('/api/me', { credentials: 'same-origin' })).json();
    node.innerHTML = '<p>The backend says: <code id="user-id"></code></p>';
    node.querySelector('#user-id').textContent = answer.userId ?? 'signed out';
  }`));

  app.get('/api/me', (request, response) => {
    const { userId, sessionId } = getAuth(request);
    response.set('cache-control', 'no-store').json({ userId, sessionId });
  });
  return app;
}
