// Part of `npm test`: the sidebar's browser tests drive Debian's chromium at /usr/bin/chromium
// (never a test tool's own browser download). When it is missing and this machine allows it (root,
// apt-get), it is installed here; otherwise the run stops at once with one line saying what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

if (!isRoot || !hasApt) {
  const how = hasApt ? `sudo sh -c '${INSTALL}'` : 'your system\'s "chromium" package (it must be at /usr/bin/chromium)';
  console.error(`npm test needs Chromium at ${CHROMIUM} for the sidebar's browser tests: install it with ${how}, then run npm test again.`);
  process.exit(1);
}

console.log(`Installing Debian's chromium for the sidebar's browser tests (${INSTALL}) …`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const run = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', 'chromium']) || !existsSync(CHROMIUM)) {
  console.error(`npm test needs Chromium at ${CHROMIUM} for the sidebar's browser tests and installing it failed: run ${INSTALL} by hand and look at what apt-get says.`);
  process.exit(1);
}
console.log(`Chromium installed at ${CHROMIUM}.`);
