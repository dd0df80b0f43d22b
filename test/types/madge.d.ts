// madge ships no types; this covers the part of its programmatic API the import-cycle test uses.
declare module 'madge' {
  interface MadgeConfig {
    fileExtensions?: string[];
    tsConfig?: string | object;
    excludeRegExp?: RegExp[];
    detectiveOptions?: object;
  }

  interface MadgeResult {
    /** Each file (relative to the scanned folder) and the files it imports. */
    obj(): Record<string, string[]>;
    /** Each cycle as the files along it. */
    circular(): string[][];
    /** Imports madge could not resolve. */
    warnings(): { skipped: string[] };
  }

  function madge(path: string, config?: MadgeConfig): Promise<MadgeResult>;
  export default madge;
}
