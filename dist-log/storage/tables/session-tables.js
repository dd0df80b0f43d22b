export {};
//# sourceMappingURL=session-tables.js.map