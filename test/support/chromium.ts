import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium (apt), never a downloaded browser. Playwright gives each launch a fresh,
 * empty profile; the flags keep it from reaching the network on its own.
 */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}
