import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium package; the browser tests drive it with playwright-core (no downloaded browsers). */
export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Where each step's screenshot goes (gitignored). */
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'e2e');

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is absent: install Debian's chromium package (apt-get install chromium) to run the browser tests`;
}

/** A headless Chromium with a fresh profile, one page, and a screenshot helper. */
export interface TestBrowser {
  page: Page;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Launches Chromium with a throwaway --user-data-dir; page errors fail loudly through `errors`. */
export async function launchBrowser(errors: string[]): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'sandbox-chromium-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
    timezoneId: 'UTC',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console error: ${msg.text()}`);
  });
  return {
    page,
    screenshot: async (name) => {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
