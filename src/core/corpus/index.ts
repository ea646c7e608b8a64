/**
 * The workspace as a corpus: per-document records, question sets and their answering term,
 * cross-document resolution, workspace-symbol matching and table writers. Pure: no editor and no
 * Node APIs; the caller reads files and decides when a cached record is stale.
 */
export * from './identity';
export * from './postponement';
export * from './record';
export * from './term';
export * from './questionSets';
export * from './corpusIndex';
export * from './resolve';
export * from './symbols';
export * from './tables';
export { fold } from './fold';
export * from './citations';
export * from './overview';
export * from './overviewTable';
export * from './exportArgs';
