export {};
//# sourceMappingURL=user-tables.js.map