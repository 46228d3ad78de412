/** Frame times while a mouse drag pans the explorer's canvas (every animation frame timed in the page). */
import type { Page } from 'playwright-core';

export interface PanFrames {
  frames: number;
  durationMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  fps: number;
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** A point of the canvas at least 40 px from every node (a drag there pans rather than moves a node). */
async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const r = document.getElementById('cy')!.getBoundingClientRect();
    const nodes = (window as any).__explorer.nodes() as { x: number; y: number }[];
    for (let y = r.top + 20; y < r.bottom - 20; y += 20) {
      for (let x = r.left + 20; x < r.right - 440; x += 20) {
        if (nodes.every((n) => Math.hypot(n.x - x, n.y - y) > 40)) return { x, y };
      }
    }
    return { x: r.left + 10, y: r.top + 10 };
  });
}

export async function measurePan(page: Page): Promise<PanFrames> {
  const start = await emptyPoint(page);
  // a string, not a function: tsx would wrap a named function in a helper the page does not have
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__framing = true;
    function tick(t) {
      window.__frames.push(t);
      if (window.__framing) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i += 1) await page.mouse.move(start.x + 7 * i, start.y + (i % 2 ? 1 : 0));
  await page.mouse.up();
  await page.waitForTimeout(100);
  const stamps = (await page.evaluate(() => {
    const w = window as any;
    w.__framing = false;
    return w.__frames as number[];
  })) as number[];
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);
  const sorted = [...gaps].sort((a, b) => a - b);
  const durationMs = Math.round(stamps[stamps.length - 1] - stamps[0]);
  return { frames: gaps.length, durationMs, medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95), maxMs: sorted[sorted.length - 1] ?? NaN, fps: gaps.length / (durationMs / 1000) };
}
