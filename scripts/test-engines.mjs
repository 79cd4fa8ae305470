/**
 * npm run test:engines [-- firefox|webkit]: the engine suite (tests/engines)
 * under a virtual display when there is none (WebKitGTK's MiniBrowser needs
 * one; Firefox runs headless). Needs a built dist/ (npm run build), Debian's
 * firefox-esr, webkit2gtk-driver and xvfb, exiftool and ImageMagick.
 */
import { spawnSync } from 'node:child_process';

const args = ['vitest', 'run', '--config', 'tests/engines/vitest.config.ts', ...process.argv.slice(2)];
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).stdout.trim();
const [command, commandArgs] = hasDisplay || !xvfb ? ['npx', args] : [xvfb, ['-a', '-s', '-screen 0 1280x1024x24', 'npx', ...args]];
const run = spawnSync(command, commandArgs, { stdio: 'inherit' });
process.exit(run.status ?? 1);
