export {};
//# sourceMappingURL=jwt-template-tables.js.map