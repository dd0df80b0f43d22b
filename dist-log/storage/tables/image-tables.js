export {};
//# sourceMappingURL=image-tables.js.map