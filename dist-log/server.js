import { ConfigError } from './config/config.js';
import { startServer } from './start-server.js';
/** Starts Roster from the environment, prints the banner, and closes cleanly on SIGTERM/SIGINT. */
async function main() {
    const server = await startServer(process.env);
    process.stdout.write(server.banner);
    const shutdown = async () => {
        await server.close();
        process.exit(0);
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
}
main().catch((error) => {
    const message = error instanceof ConfigError ? `configuration error: ${error.message}` : error instanceof Error ? error.stack : String(error);
    process.stderr.write(`roster failed to start: ${message}\n`);
    process.exit(1);
});
//# sourceMappingURL=server.js.map