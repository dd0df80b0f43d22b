/** What `<UserProfile/>`'s device list shows of a browser (Clerk's `SessionActivity`), read from its User-Agent. */
export interface BrowserInfo {
  browserName: string | null;
  browserVersion: string | null;
  /** `Macintosh`, `Windows`, `iPhone`, `iPad`, `Android`, `Linux`, `ChromeOS`; null when unknown. */
  deviceType: string | null;
  isMobile: boolean;
}

/** Checked in order: Edge and Opera also say Chrome, Chrome also says Safari. */
const BROWSERS: readonly [name: string, pattern: RegExp][] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/([\d.]+)/],
  ['Opera', /\b(?:OPR|OPiOS)\/([\d.]+)/],
  ['Samsung Internet', /\bSamsungBrowser\/([\d.]+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/([\d.]+)/],
  ['Chrome', /\b(?:Chrome|CriOS|HeadlessChrome)\/([\d.]+)/],
  ['Safari', /\bVersion\/([\d.]+).*\bSafari\//],
];

const DEVICES: readonly [name: string, pattern: RegExp][] = [
  ['iPhone', /\biPhone\b/],
  ['iPad', /\biPad\b/],
  ['Android', /\bAndroid\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['Windows', /\bWindows\b/],
  ['Macintosh', /\bMacintosh\b/],
  ['Linux', /\bLinux\b/],
];

/** The browser, its major version and the device of a User-Agent header; nulls for what it does not say. */
export function parseUserAgent(userAgent: string | null): BrowserInfo {
  if (!userAgent) return { browserName: null, browserVersion: null, deviceType: null, isMobile: false };
  let browserName: string | null = null;
  let browserVersion: string | null = null;
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (!match) continue;
    browserName = name;
    browserVersion = match[1]!.split('.')[0]!;
    break;
  }
  const deviceType = DEVICES.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? null;
  const isMobile = /\bMobi|\biPhone\b|\bAndroid\b.*\bMobile\b/.test(userAgent);
  return { browserName, browserVersion, deviceType, isMobile };
}
