export {};
//# sourceMappingURL=roster-app.js.map