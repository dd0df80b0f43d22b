export {};
//# sourceMappingURL=organization-tables.js.map