// @vitest-environment node
/**
 * deploy/sigmamind-dashboard.service: `systemd-analyze verify` accepts it (paths pointed at
 * this checkout), and its ExecStart, run as systemd would (WorkingDirectory, Environment,
 * EnvironmentFile), serves and stops on its KillSignal with a success exit code. There is no
 * systemd running as PID 1 here, so the unit itself is not started.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closedPort } from '../api/testing/upstream-stub.ts';
import { REPO_ROOT } from '../testing/compiled-server.ts';
import { portIsFree, start, stop, type Started } from '../testing/processes.ts';

const UNIT = readFileSync(join(REPO_ROOT, 'deploy/sigmamind-dashboard.service'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'unit-'));
const envFile = join(dir, 'sigmamind-dashboard.env');
const unitFile = join(dir, 'sigmamind-dashboard.service');
const analyze = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => existsSync(p));
let server: Started | undefined;

afterAll(async () => {
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
});

/** The unit pointed at this checkout, this node and a test environment file. */
function localUnit(): string {
  return UNIT.replaceAll('/opt/sigmamind-dashboard', REPO_ROOT)
    .replaceAll('/usr/bin/node', process.execPath)
    .replaceAll('/etc/sigmamind-dashboard.env', envFile);
}

/** `Key=value` lines of the [Service] section, repeated keys kept in order. */
function service(unit: string): [string, string][] {
  const section = /\[Service\]\n([\s\S]*?)(?:\n\[|$)/.exec(unit)?.[1] ?? '';
  return section
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const at = line.indexOf('=');
      return [line.slice(0, at), line.slice(at + 1)];
    });
}

describe('deploy/sigmamind-dashboard.service', () => {
  it.skipIf(!analyze)('passes systemd-analyze verify with no warning', () => {
    writeFileSync(envFile, 'SANDBOX=1\n');
    writeFileSync(unitFile, localUnit());
    const result = spawnSync(analyze!, ['verify', unitFile], { encoding: 'utf8' });
    expect(result.stderr + result.stdout).toBe('');
    expect(result.status).toBe(0);
    // The check can fail: a typo is reported.
    writeFileSync(unitFile, localUnit().replace('KillSignal=SIGTERM', 'KillSignal=SIGTERMX'));
    const broken = spawnSync(analyze!, ['verify', unitFile], { encoding: 'utf8' });
    expect(broken.stderr).toMatch(/Failed to parse signal name/);
  });

  it('runs one node process on the compiled server that stops on KillSignal with exit 0', async () => {
    const settings = service(localUnit());
    const get = (key: string) => settings.filter(([k]) => k === key).map(([, v]) => v);
    expect(get('KillSignal')).toEqual(['SIGTERM']);
    expect(get('Type')).toEqual(['simple']);
    const [command, ...args] = get('ExecStart')[0]!.split(' ');
    expect(command).toBe(process.execPath);
    expect(args).toEqual([join(REPO_ROOT, 'dist-server/server/serve.js')]);

    const port = await closedPort();
    writeFileSync(envFile, `SANDBOX=1\nHOST=127.0.0.1\nPORT=${port}\nDRAIN_DELAY_MS=200\n`);
    const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
    for (const assignment of get('Environment')) {
      const [key, value] = assignment.split('=') as [string, string];
      env[key] = value;
    }
    for (const line of readFileSync(get('EnvironmentFile')[0]!, 'utf8').split('\n')) {
      const at = line.indexOf('=');
      if (at > 0) env[line.slice(0, at)] = line.slice(at + 1);
    }
    server = start(command!, args, { cwd: get('WorkingDirectory')[0], env });
    await expect.poll(server.output, { timeout: 30_000 }).toContain(`(pid ${server.child.pid})`);
    const ready = execFileSync(process.execPath, [
      '-e',
      `fetch('http://127.0.0.1:${port}/readyz').then(async (r) => console.log(r.status))`,
    ]).toString();
    expect(ready.trim()).toBe('200');
    server.child.kill(get('KillSignal')[0] as NodeJS.Signals);
    expect(await server.exited).toEqual([0, null]);
    expect(await portIsFree(port)).toBe(true);
  });
});
