/**
 * The version requests Clerk's SDKs put in bundle URLs (`@clerk/clerk-js@<version>`), matched against one
 * installed version: an exact version (`6.40.0`), a partial one (`6`, `6.40`, `6.x`, `6.40.*`), a caret or
 * tilde range (`^6.40.0`, `~6.40.0`), `>=` a version, or `latest`/`*`. Anything else (prerelease tags such as
 * `beta` or `snapshot`, unions, hyphen ranges) matches nothing: Roster serves one installed version only.
 */

interface Version {
  major: number;
  minor: number;
  patch: number;
}

const NUMBER = '(0|[1-9]\\d{0,8})';
const WILDCARD = '(?:[xX*])';
const EXACT = new RegExp(`^v?${NUMBER}\\.${NUMBER}\\.${NUMBER}$`);
const PARTIAL = new RegExp(`^v?${NUMBER}(?:\\.(?:${NUMBER}|${WILDCARD})(?:\\.${WILDCARD})?)?$`);
const RANGE = new RegExp(`^(\\^|~|>=)v?${NUMBER}(?:\\.${NUMBER}(?:\\.${NUMBER})?)?$`);

function parseExact(text: string): Version | null {
  const match = EXACT.exec(text);
  return match ? { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) } : null;
}

const compare = (a: Version, b: Version): number => a.major - b.major || a.minor - b.minor || a.patch - b.patch;

/** Whether `requested` is a fully specified version (`6.40.0`): the content behind it never changes. */
export function isExactVersion(requested: string): boolean {
  return parseExact(requested) !== null;
}

/**
 * Whether the `installed` version (exact, without prerelease) satisfies `requested`. A prerelease or build
 * in `installed` satisfies only its own exact spelling.
 */
export function satisfiesVersionRequest(installed: string, requested: string): boolean {
  const have = parseExact(installed);
  if (!have) return requested === installed;
  const wanted = requested.trim();
  if (wanted === 'latest' || wanted === '*' || wanted === 'x' || wanted === 'X') return true;

  const exact = parseExact(wanted);
  if (exact) return compare(exact, have) === 0;

  const partial = PARTIAL.exec(wanted);
  if (partial) {
    if (Number(partial[1]) !== have.major) return false;
    return partial[2] === undefined || Number(partial[2]) === have.minor;
  }

  const range = RANGE.exec(wanted);
  if (!range) return false;
  const [, operator, major, minor, patch] = range;
  const floor: Version = { major: Number(major), minor: Number(minor ?? 0), patch: Number(patch ?? 0) };
  if (compare(have, floor) < 0) return false;
  if (operator === '>=') return true;
  if (operator === '~') return have.major === floor.major && (minor === undefined || have.minor === floor.minor);
  // Caret: the left-most non-zero part stays fixed (`^0.3.1` means <0.4.0, `^0.0.3` means 0.0.3 only).
  if (floor.major > 0 || minor === undefined) return have.major === floor.major;
  if (floor.minor > 0 || patch === undefined) return have.major === 0 && have.minor === floor.minor;
  return compare(have, floor) === 0;
}
