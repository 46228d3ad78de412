export { foldAligned, searchFold, simplified, type Folded } from './fold';
export { SEARCH_KEYS_VERSION, searchKeysOf, spell, type SearchKeys, type Spelled } from './searchKeys';
export { ensureSearchKeys } from './ensureSearchKeys';
export { highlightName, type NameMatch, type MatchKind } from './highlight';
export { shortForm, SHORT_FORMS } from './shortForms';
export { evidenceInPassage, passageNeedle, passagesIn, type TextPassage } from './passages';
export { blockingKeysOf, coreName, type BlockingKind } from './blockingKeys';
export { BLOCK_JOINED, BLOCK_LEFT } from './sharedBlocks';
