/**
 * `GET /health` (liveness: restart the process when it fails) and `GET /ready` (readiness: take the instance
 * out of the load balancer, do not restart it).
 *
 * /health answers 200 while the process is up and `liveness()` says ok; `liveness` is the hook through which
 * the database layer tells that it cannot recover on its own (e.g. the embedded Neo4j could not be restarted),
 * so that a supervisor restarts the process. /ready answers 200 when Neo4j answers and the schema is applied.
 */
import express from 'express';
import type { Availability } from './database';

export interface HealthChecks {
  /** whether the process can still serve, however long it takes; default: always */
  liveness?: () => Availability;
  readiness: () => Promise<Availability>;
}

export function healthRoutes(checks: HealthChecks): express.Router {
  const router = express.Router();
  router.get('/health', (_req, res) => {
    const live = checks.liveness?.() ?? { ok: true };
    if (live.ok) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'failed', reason: live.reason });
  });
  router.get('/ready', async (_req, res) => {
    const r = await checks.readiness();
    if (r.ok) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'unavailable', reason: r.reason });
  });
  return router;
}
