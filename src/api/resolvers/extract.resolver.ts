import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { currentGazetteer, extractArticle } from '../../extract';
import { LIMITS, validateDocument } from '../../ingest';
import { checkId } from '../args/limits';
import type { Context } from '../context';
import { viaDriver } from '../db/run';
import { badInput } from '../errors';
import { ExtractArticleInput, ExtractReport } from '../types/extract.type';

/** Review before load: a draft from a text, linked to what the graph knows, and written nowhere. */
@Resolver()
export class ExtractResolver {
  @Authorized('editor')
  @Mutation(() => ExtractReport, {
    description:
      'Drafts a kg-article/1 document from the plain text of a Chinese newsletter (rule-based, offline), linking names the ' +
      'graph already knows to their ids. Returns the draft and its problems for review; nothing is written (load it with ' +
      '`ingestArticle`).',
  })
  async extractArticle(
    @Arg('text', () => String, { description: 'The article text (Chinese).' }) text: string,
    @Arg('article', () => ExtractArticleInput, { nullable: true, description: 'What the text itself may not say about the article.' }) article: ExtractArticleInput | null,
    @Ctx() ctx: Context,
  ): Promise<ExtractReport> {
    if (text.length > LIMITS.articleText) throw badInput(`text: ${text.length} characters, more than one article (at most ${LIMITS.articleText})`, 'text');
    const meta = { ...(article ?? {}) };
    if (meta.id !== undefined && meta.id !== null) checkId(meta.id, 'article.id');
    if (meta.publishedOn && !/^\d{4}-\d{2}(-\d{2})?$/u.test(meta.publishedOn)) {
      throw badInput(`article.publishedOn: YYYY-MM-DD or YYYY-MM, not ${JSON.stringify(meta.publishedOn.slice(0, 40))}`, 'article');
    }
    const gazetteer = await viaDriver(ctx, () => currentGazetteer(ctx.deps.driver, ctx.deps.database));
    const draft = extractArticle(text, Object.fromEntries(Object.entries(meta).filter(([, v]) => v != null)), { gazetteer });
    const validation = validateDocument(draft.document);
    return {
      document: draft.document as unknown as Record<string, unknown>,
      problems: validation.ok ? [] : validation.problems,
      warnings: draft.warnings,
      notices: draft.notices,
      unsure: draft.unsure,
    };
  }
}
