// Starts the example app (npm run example): an Express backend and pages using Clerk's components, all
// talking to Roster. Configuration from the environment; see README.md in this folder.
import { configFromEnv, createExampleApp } from './app.mjs';

const config = configFromEnv();
const port = Number(process.env.PORT || 3001);
// Listen on the loopback name the pages are opened at: page and Frontend API must be the same site (localhost).
const host = process.env.HOST || 'localhost';

const server = createExampleApp(config).listen(port, host, () => {
  console.log(`Example app: http://localhost:${port} (Roster at ${config.rosterUrl}, Frontend API ${config.frontendApiUrl})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => process.exit(0)));
