/** A setting in the environment is missing or invalid; the message names it and what it must be. */
export class ConfigError extends Error {
}
//# sourceMappingURL=config-error.js.map