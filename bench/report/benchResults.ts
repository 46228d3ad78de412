/** Everything one run of the benchmark measured, as `<size>.json` holds it. */
import type { ArchiveStats, SizeName } from '../data/generate';
import type { IngestResult } from '../ingest/ingestBench';
import type { GraphCounts } from '../lib/neo4j';
import type { DeriveProfile, QueryProfile } from '../query/profile';
import type { QueryResult } from '../query/queryBench';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  neo4j: string;
  neo4jHeap: string;
  neo4jPageCache: string;
  loadAverageStart: number[];
  loadAverageEnd: number[];
}

export interface BenchResults {
  size: SizeName;
  seed: number;
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  archive: ArchiveStats;
  load?: { loader: string; seconds: number; docsPerSec: number; reused: boolean; graph: GraphCounts };
  ingest?: IngestResult;
  query?: { durationSec: number; warmupSec?: number; connections: number; results: QueryResult[] };
  profile?: QueryProfile[];
  /** cost of the ingester's re-derivation read for hubs and typical entities at this size */
  deriveProfile?: DeriveProfile[];
  /** the query half comes from the earlier run that started then (this run was --only ingest) */
  queryCarriedFrom?: string;
}
