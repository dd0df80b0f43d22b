import { createHash } from 'node:crypto';

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/**
 * A provider's sign-in button logo, drawn by Roster: a rounded square in a colour derived from the strategy, with
 * the first letter of the provider's name. Roster never ships vendor logo files, and serving its own keeps the
 * browser from fetching Clerk's image CDN.
 */
export function renderProviderLogoSVG(strategy: string, name: string): string {
  const hue = createHash('sha256').update(strategy).digest().readUInt16BE(0) % 360;
  const initial = ([...name.trim()][0] ?? '?').toUpperCase();
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32" role="img" aria-label="${escapeXml(name)}">` +
    `<rect width="32" height="32" rx="7" fill="hsl(${hue}, 60%, 42%)"/>` +
    `<text x="16" y="16" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="18" font-weight="700" fill="#fff">${escapeXml(initial)}</text>` +
    '</svg>'
  );
}
