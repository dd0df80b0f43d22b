export {};
//# sourceMappingURL=instance-tables.js.map