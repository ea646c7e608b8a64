/**
 * REFI-QDA exchange (QDA software: ATLAS.ti, MAXQDA, NVivo, QualCoder): export of annotations as
 * a `.qdpx` project or a `.qdc` codebook, and import of either. Pure: bytes and plain data.
 */
export {
  exportQdpx, exportQdc, projectXml, codebookXml,
  type RefiExportInput, type RefiExportOptions, type RefiExportResult, type RefiExportCounts,
} from './export';
export { type RefiCodeInput } from './exportCodes';
export { type RefiDocumentInput, type RefiAnnotationInput, type RefiValue, type SkippedAnnotation, type SkipReason } from './exportDocuments';
export { importRefi, type RefiImportOptions, type RefiImportResult } from './import';
export { decodeText, MAX_REFI_FILE_BYTES, MAX_REFI_ENTRY_BYTES, MAX_REFI_TOTAL_BYTES } from './importFile';
export { describeRefiIssue, type RefiImportIssue, type RefiImportProblem } from './importIssues';
export { type RefiWorkspaceDocument, type ImportedAnnotation, type ImportedDocument } from './importPlacing';
export { type ImportedCode } from './importProject';
export { CODE_SEPARATOR, normalCodePath, normalColor } from './common';
export { refiGuid, selectionGuid, uuidV5 } from './guid';
