// Runs the README's walkthrough against a Roster started with `npm start`:
//   ROSTER_SECRET_KEY=sk_test_… node examples/quickstart.mjs
import { createClerkClient } from '@clerk/backend';

const clerk = createClerkClient({
  secretKey: process.env.ROSTER_SECRET_KEY,
  apiUrl: process.env.ROSTER_API_URL ?? 'http://127.0.0.1:3000',
});

const email = `ada+${Date.now()}@example.com`;
const user = await clerk.users.createUser({
  emailAddress: [email],
  firstName: 'Ada',
  lastName: 'Lovelace',
  password: 'analytical-engine-1843',
});
console.log('created', user.id, user.primaryEmailAddress?.emailAddress);

const { data, totalCount } = await clerk.users.getUserList({ query: 'lovelace', limit: 5 });
console.log('search "lovelace":', totalCount, 'match(es); first is', data[0]?.id);
console.log('count:', await clerk.users.getCount());

await clerk.users.updateUser(user.id, { username: `ada${Date.now()}` });
await clerk.users.updateUserMetadata(user.id, { publicMetadata: { plan: 'pro', flags: { beta: true } } });
console.log('metadata:', (await clerk.users.getUser(user.id)).publicMetadata);

console.log('banned:', (await clerk.users.banUser(user.id)).banned, '→', (await clerk.users.unbanUser(user.id)).banned);
const locked = await clerk.users.lockUser(user.id);
console.log('locked:', locked.locked, `(${locked.raw?.lockout_expires_in_seconds}s left)`, '→', (await clerk.users.unlockUser(user.id)).locked);

console.log('deleted:', (await clerk.users.deleteUser(user.id)).deleted);
