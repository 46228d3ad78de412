import { Arg, Args, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { type ArticleRemoval, deleteArticle, ingestDocument, judgeMerge, parseDocumentText } from '../../ingest';
import { BoxedJson, JsonArgument } from '../args/jsonDocument';
import { checkId } from '../args/limits';
import { MergeArgs } from '../args/mutation.args';
import type { Context } from '../context';
import type { NodeRow } from '../cypher/rows';
import { assessPair } from '../cypher/duplicates';
import { viaDriver, writeTransaction } from '../db/run';
import { forgetLoaded, loaders } from '../loaders';
import { reasonOf, refusal } from './judgement.resolver';
import { Entity } from '../types/entity.type';
import { DeleteArticleReport, IngestReport } from '../types/ingest.type';

/** Writes. Each one makes what the request loaded before stale, so later fields read afresh. */
@Resolver()
export class MutationResolver {
  @Authorized('editor')
  @Mutation(() => IngestReport, {
    description:
      'Loads one kg-article/1 document (all of it or none of it), exactly as the CLI does; re-loading an article replaces ' +
      'what it said before. A rejected document is reported with its problems, not raised as an error. The document is ' +
      'a JSON object, or a string holding its JSON text (read as the CLI reads a file).',
  })
  async ingestArticle(@Arg('document', () => JsonArgument, { description: 'The kg-article/1 document: a JSON object, or a string of its JSON text.' }) document: BoxedJson, @Ctx() ctx: Context): Promise<IngestReport> {
    // a string is the document's JSON text, read as the CLI reads a file (byte order mark, duplicate members)
    const parsed = typeof document.value === 'string' ? parseDocumentText(document.value) : { document: document.value };
    if ('problems' in parsed) return { source: 'request', articleId: null, status: 'rejected', problems: parsed.problems, counts: null };
    const report = await viaDriver(ctx, () =>
      ingestDocument(ctx.deps.driver, parsed.document, 'request', {
        database: ctx.deps.database,
        timeoutMs: ctx.deps.transactionTimeoutMs,
      }),
    );
    forgetLoaded(ctx);
    return { ...report, articleId: report.articleId ?? null, counts: report.counts ?? null };
  }

  @Authorized('editor')
  @Mutation(() => DeleteArticleReport, {
    description: 'Removes an article and what only it supported; facts other articles support stay, minus its claims.',
  })
  async deleteArticle(@Arg('id', () => ID, { description: 'The article id.' }) id: string, @Ctx() ctx: Context): Promise<ArticleRemoval> {
    const articleId = checkId(id, 'id'); // before the transaction: a bad argument never reaches the database
    const removal = await writeTransaction(ctx, (tx) => deleteArticle(tx, articleId));
    forgetLoaded(ctx);
    return removal;
  }

  @Authorized('editor')
  @Mutation(() => Entity, {
    description:
      'Merges entity `merge` into entity `keep` (same type required): everything said of `merge` is now said of `keep`, and ' +
      '`merge` (and ids merged into it before) resolve to `keep`. Recorded as a MERGE judgement (who, when, `reason`: ' +
      '`judgements`), which `undoJudgement` reverts. Two entities marked distinct are refused. Returns the kept entity.',
  })
  async mergeEntities(@Args(() => MergeArgs) { keep, merge, reason }: MergeArgs, @Ctx() ctx: Context): Promise<NodeRow | null> {
    checkId(keep, 'keep');
    checkId(merge, 'merge');
    const why = reasonOf(reason);
    const { kept } = await writeTransaction(ctx, (tx) => judgeMerge(tx, keep, merge, { reason: why, by: ctx.role, assess: assessPair })).catch(refusal('merge'));
    forgetLoaded(ctx);
    return loaders(ctx).node().load(kept);
  }
}
