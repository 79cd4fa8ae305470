/**
 * Makes sure a browser exists before the browser tests start, with a clear
 * message instead of a stack trace. Order: CHROME_PATH, the system chromium,
 * Playwright's own browser, then (as root on Debian/Ubuntu) `apt-get install chromium`,
 * then `npx playwright install chromium` where the network allows.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from './chromium.mjs';

function playwrightOwn() {
  try {
    const p = chromium.executablePath();
    return existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

const found = findChromium() ?? playwrightOwn();
if (found) {
  console.log(`chromium: ${found}`);
  process.exit(0);
}
console.log('No Chromium found: trying to install one.');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && spawnSync('which', ['apt-get']).status === 0) {
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } catch {
    console.log('apt-get could not install chromium.');
  }
}
if (!findChromium()) {
  try {
    execSync('npx playwright install chromium', { stdio: 'inherit' });
  } catch {
    console.log('Playwright could not download its browser.');
  }
}
const final = findChromium() ?? playwrightOwn();
if (!final) {
  console.error(
    'No Chromium available. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere: `npx playwright install chromium`) or set CHROME_PATH.',
  );
  process.exit(1);
}
console.log(`chromium: ${final}`);
