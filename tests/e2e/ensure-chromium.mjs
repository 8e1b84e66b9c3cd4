// The browser tests drive Debian's Chromium. Find it, install it where we may (root on Debian), or stop
// with one line saying what to do: the browser tests are never skipped silently.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.error('Chromium is missing: installing Debian\'s chromium with apt-get…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.error(`Browser tests need Chromium at ${CHROMIUM}: run "sudo apt-get install -y chromium", then npm test again.`);
    process.exit(1);
  }
}
console.error(`Browser tests use ${execSync(`${CHROMIUM} --version`, { encoding: 'utf8' }).trim()}`);
