// Debian's Chromium driven by playwright-core: one browser per test file, closed after it. Suites skip, saying
// why, on machines without /usr/bin/chromium.
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Whether Chromium is installed where the browser suites look for it. */
export const browserAvailable = fs.existsSync(CHROMIUM_PATH);

const SKIP_REASON = `skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`;

/** `describe` for a browser suite: skipped, with the reason in its name, where Chromium is absent. */
export function describeBrowser(name: string, suite: () => void): void {
  if (browserAvailable) describe(name, suite);
  else describe.skip(`${name} (${SKIP_REASON})`, suite);
}

/** Launches headless Chromium (`--no-sandbox` only as root, where Chromium's sandbox refuses to start). */
export async function launchBrowser(): Promise<Browser> {
  const args = ['--disable-dev-shm-usage'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}

export interface BrowserHandle {
  /** The file's browser (launched in beforeAll). */
  readonly browser: Browser;
  /** A fresh context (its own cookies and storage), closed with the browser. */
  newContext(): Promise<BrowserContext>;
}

/** Launches one browser before the file's (or block's) tests and closes it after them. */
export function useBrowser(): BrowserHandle {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (browserAvailable) browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => browser?.close());
  const current = (): Browser => {
    if (!browser) throw new Error('useBrowser: the browser starts in beforeAll; use it inside tests and hooks');
    return browser;
  };
  return {
    get browser() {
      return current();
    },
    newContext: () => current().newContext(),
  };
}
