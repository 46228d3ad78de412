export { extractArticle, type ArticleMeta, type Draft, type ExtractOptions } from './extract';
export { Gazetteer, loadGazetteer, type GazetteerEntry } from './gazetteer';
export { currentGazetteer, graphStamp } from './gazetteerCache';
export { decodeText, NotTextError, checkText } from './textCheck';
export { splitSentences, type Sentence } from './text';
export { SURE } from './toDocument';
export { DEFAULT_LLM_TIMEOUT_MS, extractWithLlm, LlmError, type LlmOptions } from './llm';
