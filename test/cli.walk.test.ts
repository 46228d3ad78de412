import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestDatabase } from './support/db';
import { articleDoc } from './support/documents';
import { runKg } from './support/runKg';

/** A folder holding `good.json` (article `id`) in a subfolder, plus whatever the scenario adds. */
function folderWith(id: string): { root: string; good: string } {
  const root = mkdtempSync(join(tmpdir(), 'kg-walk-'));
  mkdirSync(join(root, 'sub'));
  const good = join(root, 'sub', 'good.json');
  writeFileSync(good, JSON.stringify(articleDoc(id)));
  return { root, good };
}

const lines = (out: string, text: string): number => out.split('\n').filter((l) => l.includes(text)).length;

// the first load into a fresh database can take a minute on a busy machine
jest.setTimeout(240_000);

describe('kg walking a folder', () => {
  useTestDatabase();

  it('when a folder holds a symbolic link to itself, then validate lists each file once and reports the loop', async () => {
    const { root, good } = folderWith('loop');
    symlinkSync('..', join(root, 'sub', 'back'));
    const { status, out } = await runKg('validate', root);
    expect(lines(out, 'good.json')).toBe(1);
    expect(out).toContain(`valid    ${good}`);
    expect(out).toContain(`invalid  ${join(root, 'sub', 'back')}`);
    expect(out).toMatch(/symbolic link loop/);
    expect(status).toBe(1);
  });

  it('when a folder holds a link loop, then ingest reports it as rejected and loads the rest', async () => {
    const { root } = folderWith('loop2');
    symlinkSync('..', join(root, 'sub', 'back'));
    symlinkSync('a.json', join(root, 'b.json'));
    symlinkSync('b.json', join(root, 'a.json')); // a.json → b.json → a.json
    const { status, out } = await runKg('ingest', '--json', root);
    const summary = JSON.parse(out);
    expect(summary.totals).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 3 });
    expect(summary.reports.filter((r: { status: string }) => r.status === 'rejected').map((r: { source: string }) => r.source)).toEqual([
      join(root, 'sub', 'back'),
      join(root, 'a.json'),
      join(root, 'b.json'),
    ]);
    expect(status).toBe(1);
  });

  it('when a folder holds a dangling link named *.json, then it is rejected by name and the good files load', async () => {
    const { root } = folderWith('dangling');
    symlinkSync(join(root, 'gone.json'), join(root, 'broken.json'));
    const { status, out } = await runKg('ingest', root);
    expect(out).toContain(`rejected  ${join(root, 'broken.json')}`);
    expect(out).toMatch(/dangling symbolic link/);
    expect(out).toMatch(/2 documents: 1 created, 0 updated, 0 unchanged, 1 rejected/);
    expect(status).toBe(1);
  });

  it('when a folder holds a FIFO named *.json, then it is rejected as not a regular file instead of hanging', async () => {
    const { root } = folderWith('fifo');
    const fifo = join(root, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const { status, out } = await runKg('ingest', root);
    expect(out).toContain(`rejected  ${fifo}`);
    expect(out).toMatch(/a FIFO, not a regular file/);
    expect(out).toMatch(/2 documents: 1 created, 0 updated, 0 unchanged, 1 rejected/);
    expect(status).toBe(1);
  });

  it('when a link points out of the folder, then it is not followed and is reported', async () => {
    const { root } = folderWith('inside');
    const elsewhere = mkdtempSync(join(tmpdir(), 'kg-walk-out-'));
    writeFileSync(join(elsewhere, 'outside.json'), JSON.stringify(articleDoc('outside')));
    symlinkSync(join(elsewhere, 'outside.json'), join(root, 'outside.json'));
    symlinkSync(elsewhere, join(root, 'elsewhere'));
    const { status, out } = await runKg('validate', root);
    expect(out).toContain(`invalid  ${join(root, 'elsewhere')}`);
    expect(out).toContain(`invalid  ${join(root, 'outside.json')}`);
    expect(out).toMatch(/outside .*; not followed/);
    expect(lines(out, 'valid    ')).toBe(1);
    expect(status).toBe(1);
  });

  it('when links inside the folder reach a file or folder twice, then each file is read once and all is well', async () => {
    const { root, good } = folderWith('twice');
    symlinkSync('sub', join(root, 'again'));
    symlinkSync(join('sub', 'good.json'), join(root, 'same.json'));
    const { status, out } = await runKg('validate', root);
    expect(out.trim().split('\n')).toEqual([`valid    ${good}`]);
    expect(status).toBe(0);
  });
});
