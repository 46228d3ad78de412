/**
 * The query plans of what an operation sends: each statement PROFILEd as the API runs it (through the schema, with a
 * real Context), to see which index it seeks and how much it reads.
 */
import type { Driver } from 'neo4j-driver';
import { createContext } from '../../src/api';
import { run } from '../api.harness';
import { testDatabase } from './db';
import { type RunStatement, wrappingDriver } from './recordingDriver';

export interface PlanOperator {
  operatorType: string;
  dbHits: number;
  arguments: Record<string, unknown>;
  children: PlanOperator[];
}

/** A driver that PROFILEs every statement it runs (in a session or a read transaction), handing each plan over. */
function profilingDriver(plans: PlanOperator[]): Driver {
  const profiled = (run: RunStatement): RunStatement => (text, params) => {
    const result = run(`PROFILE ${text}`, params);
    result.summary().then((s) => plans.push(s.profile as never), () => undefined);
    return result;
  };
  return wrappingDriver(profiled);
}

/** The plans of every statement a query sends. */
export async function plansOf(source: string): Promise<PlanOperator[]> {
  const plans: PlanOperator[] = [];
  const ctx = createContext({ driver: profilingDriver(plans), database: testDatabase(), transactionTimeoutMs: 20_000 }, 'reader');
  const result = await run(source, ctx);
  expect(result.errors).toBeUndefined();
  expect(plans.length).toBe(ctx.stats.roundTrips);
  return plans;
}

export const operators = (op: PlanOperator): PlanOperator[] => [op, ...op.children.flatMap(operators)];

/** The db hits of every statement a query sends, added up. */
export async function dbHitsOf(source: string): Promise<number> {
  return (await plansOf(source)).flatMap(operators).reduce((sum, op) => sum + op.dbHits, 0);
}
