/** Values prefixed with `-` are excluded, `+` (or nothing) included. */
export function includeExclude(values) {
    const include = [];
    const exclude = [];
    for (const value of values) {
        if (value.startsWith('-'))
            exclude.push(value.slice(1));
        else
            include.push(value.startsWith('+') ? value.slice(1) : value);
    }
    return { include, exclude };
}
//# sourceMappingURL=include-exclude.js.map