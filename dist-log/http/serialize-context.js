export {};
//# sourceMappingURL=serialize-context.js.map