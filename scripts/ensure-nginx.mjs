// Makes sure nginx is on this machine for the test that runs deploy/nginx.conf
// (server/deploy/nginx.test.ts), installing Debian's package as scripts/ensure-chromium.mjs
// does for Chromium. Exit 0: nginx is there (its path printed); 1: it is not, and why.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
if (!existsSync(path)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `nginx not found at ${path}: install it (sudo apt-get install -y nginx) or set NGINX_PATH.`,
    );
    process.exit(1);
  }
  console.error("nginx is missing: installing Debian's nginx package…");
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx', {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    console.error('apt-get could not install nginx.');
    process.exit(1);
  }
  if (!existsSync(path)) {
    console.error(`apt-get finished but ${path} is still missing.`);
    process.exit(1);
  }
}
console.log(path);
