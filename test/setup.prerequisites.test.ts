/**
 * `npm test` on a fresh machine: its `pretest` (scripts/test-prerequisites.sh) installs what the tests need or
 * stops before any test runs, naming the command to run. These scenarios run the script as `npm test` does,
 * on a machine where installing is impossible.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const MISSING_BROWSER = path.join(os.tmpdir(), 'kg-no-such-dir', 'chromium');

/** A PATH holding only the commands the script reads, so that apt-get and sudo are absent. */
function pathWithoutInstaller(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-prereq-bin-'));
  for (const cmd of ['bash', 'node', 'npm', 'java', 'mvn', 'sed', 'head', 'grep', 'cut', 'tr', 'id', 'fc-list', 'sh', 'env']) {
    const found = spawnSync('bash', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();
    if (found) fs.symlinkSync(found, path.join(dir, cmd));
  }
  return dir;
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(args[0], args.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm test on a machine that lacks a prerequisite', () => {
  let bin: string;
  beforeAll(() => {
    bin = pathWithoutInstaller();
  });
  afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));

  test('when the browser is missing and apt-get is absent, the test command stops before jest with the install command', () => {
    const r = run([path.join(bin, 'npm'), 'test', '--', '--listTests'], {
      PATH: bin,
      KG_CHROMIUM_PATH: MISSING_BROWSER,
      KG_CI_SKIP_BROWSER: '',
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain(`Chromium at ${MISSING_BROWSER}`);
    expect(r.out).toContain('apt-get is not on this machine');
    expect(r.out).toMatch(/sudo apt-get install -y chromium/);
    // jest never ran: --listTests would have printed the test files
    expect(r.out).not.toContain('setup.prerequisites.test.ts');
  });

  test('when installing is refused with KG_NO_INSTALL=1, it stops with the same advice and the way to skip the browser tests', () => {
    const r = run(['bash', 'scripts/test-prerequisites.sh'], { KG_CHROMIUM_PATH: MISSING_BROWSER, KG_NO_INSTALL: '1', KG_CI_SKIP_BROWSER: '' });
    expect(r.status).toBe(1);
    expect(r.out).toContain('KG_NO_INSTALL=1');
    expect(r.out).toContain('sudo apt-get install -y chromium');
    expect(r.out).toContain('KG_CI_SKIP_BROWSER=1 npm test');
  });

  test('when the browser tests are skipped on purpose, a missing browser is not required', () => {
    const r = run(['bash', 'scripts/test-prerequisites.sh'], { KG_CHROMIUM_PATH: MISSING_BROWSER, KG_NO_INSTALL: '1', KG_CI_SKIP_BROWSER: '1' });
    expect(r.out).not.toContain('Chromium');
    expect(r.status).toBe(0);
  });

  test('when Java is needed and missing, it names the JDK package', () => {
    const noJava = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-prereq-nojava-'));
    for (const f of fs.readdirSync(bin)) if (f !== 'java') fs.symlinkSync(fs.readlinkSync(path.join(bin, f)), path.join(noJava, f));
    try {
      const env = { PATH: noJava, KG_NO_INSTALL: '1', KG_CI_SKIP_BROWSER: '1', NEO4J_URI: '' };
      const r = run([path.join(noJava, 'bash'), 'scripts/test-prerequisites.sh'], env);
      expect(r.status).toBe(1);
      expect(r.out).toContain('Java 17+');
      expect(r.out).toContain('openjdk-17-jdk-headless');
    } finally {
      fs.rmSync(noJava, { recursive: true, force: true });
    }
  });
});

describe('npm test on this machine', () => {
  test('every prerequisite is present once the pretest has run, so it reports them present', () => {
    const r = run(['bash', 'scripts/test-prerequisites.sh'], { KG_NO_INSTALL: '1' });
    expect(r.out).toContain('test prerequisites: present');
    expect(r.status).toBe(0);
  });
});
