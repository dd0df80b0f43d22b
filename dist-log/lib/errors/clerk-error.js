/** One Clerk error as Roster answers it; `http/errors.ts` turns it into Clerk's JSON body. */
export class ClerkError extends Error {
    status;
    code;
    longMessage;
    meta;
    constructor(status, code, message, longMessage, meta = {}) {
        super(message);
        this.status = status;
        this.code = code;
        this.longMessage = longMessage;
        this.meta = meta;
        this.name = 'ClerkError';
    }
}
//# sourceMappingURL=clerk-error.js.map