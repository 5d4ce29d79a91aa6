// @vitest-environment node
/**
 * deploy/Dockerfile, checked without a Docker engine (none runs here): parsed instruction by
 * instruction for what the README promises (multi-stage, Node 24, non-root, HEALTHCHECK on
 * /healthz, STOPSIGNAL SIGTERM, node on the compiled server as PID 1), and its HEALTHCHECK
 * command and CMD run against the compiled server as they would run in the image.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closedPort } from '../api/testing/upstream-stub.ts';
import { REPO_ROOT } from '../testing/compiled-server.ts';
import { portIsFree, start, stop, type Started } from '../testing/processes.ts';

interface Instruction {
  keyword: string;
  args: string;
  stage: number;
}

/** Dockerfile instructions (continuations joined, comments dropped), numbered by stage. */
function parseDockerfile(text: string): Instruction[] {
  const joined = text.replace(/\\\n/g, ' ');
  const instructions: Instruction[] = [];
  let stage = -1;
  for (const raw of joined.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match) throw new Error(`not an instruction: ${line}`);
    const keyword = match[1]!.toUpperCase();
    if (keyword === 'FROM') stage += 1;
    instructions.push({ keyword, args: match[2]!.replace(/\s+/g, ' ').trim(), stage });
  }
  return instructions;
}

const KNOWN = new Set(
  'FROM RUN CMD LABEL EXPOSE ENV ADD COPY ENTRYPOINT VOLUME USER WORKDIR ARG ONBUILD STOPSIGNAL HEALTHCHECK SHELL'.split(
    ' ',
  ),
);
const instructions = parseDockerfile(readFileSync(join(REPO_ROOT, 'deploy/Dockerfile'), 'utf8'));
const last = Math.max(...instructions.map((i) => i.stage));
const final = instructions.filter((i) => i.stage === last);
const one = (keyword: string) => {
  const found = final.filter((i) => i.keyword === keyword);
  expect(found, keyword).toHaveLength(1);
  return found[0]!.args;
};
const execForm = (args: string) => JSON.parse(args) as string[];

let server: Started | undefined;
afterAll(() => stop(server));

describe('deploy/Dockerfile', () => {
  it('is multi-stage on Node 24, and runs as a non-root user', () => {
    expect(instructions.every((i) => KNOWN.has(i.keyword))).toBe(true);
    const froms = instructions.filter((i) => i.keyword === 'FROM').map((i) => i.args);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/^node:24(?:[.-][\w.-]+)? AS \w+$/);
    expect(final.some((i) => i.keyword === 'COPY' && i.args.startsWith('--from=build '))).toBe(
      true,
    );
    expect(final.some((i) => i.keyword === 'RUN' && i.args.includes('--omit=dev'))).toBe(true);
    expect(one('USER')).not.toMatch(/^(root|0)(:|$)/);
    expect(one('USER')).toBe('node');
    expect(one('STOPSIGNAL')).toBe('SIGTERM');
  });

  it('starts node on the compiled server, exec form (node is PID 1 and gets the signal)', () => {
    const cmd = execForm(one('CMD'));
    expect(cmd).toEqual(['node', 'dist-server/server/serve.js']);
    const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(packageJson.scripts.serve).toBe(`exec ${cmd.join(' ')}`);
    expect(final.some((i) => i.keyword === 'ENTRYPOINT')).toBe(false);
  });

  it('has a HEALTHCHECK on /healthz that passes against the running server and fails without it', async () => {
    const healthcheck = one('HEALTHCHECK');
    expect(healthcheck).toMatch(/^--interval=\S+ --timeout=\S+ .*CMD \[/);
    const command = execForm(healthcheck.slice(healthcheck.indexOf('CMD ') + 4));
    expect(command[0]).toBe('node');
    expect(command.join(' ')).toContain('/healthz');

    const port = await closedPort();
    // The image's CMD, from the image's WORKDIR (the repository here), with the image's ENV.
    const [node, ...args] = execForm(one('CMD'));
    expect(node).toBe('node');
    const env = { PATH: process.env.PATH ?? '', PORT: String(port), SANDBOX: '1' };
    server = start(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...env, NODE_ENV: 'production', HOST: '127.0.0.1', DRAIN_DELAY_MS: '0' },
    });
    await expect.poll(server.output, { timeout: 30_000 }).toContain('Serving');
    const probe = () =>
      start(process.execPath, command.slice(1), { env }).exited.then(([code]) => code);
    expect(await probe()).toBe(0);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual([0, null]);
    expect(await portIsFree(port)).toBe(true);
    expect(await probe()).toBe(1);
  });
});
