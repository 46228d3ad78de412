import { type DocumentReport, formatProblem, type IngestSummary } from '../ingest';

/** One line per document, then its problems indented: what `kg ingest` prints. */
export function formatDocumentReport(report: DocumentReport): string {
  const where = report.articleId ? `${report.articleId} (${report.source})` : report.source;
  const head = `${report.status.padEnd(9)} ${where}`;
  if (report.status === 'rejected') {
    const n = report.problems.length;
    return [`${head}: ${n} problem${n === 1 ? '' : 's'}`, ...report.problems.map((p) => `    ${formatProblem(p)}`)].join('\n');
  }
  const c = report.counts;
  if (!c) return head;
  return (
    `${head}: ${c.entities} entities (${c.entitiesCreated} new), ${c.events} events, ` +
    `${c.participations} participations, ${c.relations} relations, ${c.figures} figures`
  );
}

export function formatSummary(summary: IngestSummary): string {
  const t = summary.totals;
  return `${summary.reports.length} documents: ${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.rejected} rejected`;
}
