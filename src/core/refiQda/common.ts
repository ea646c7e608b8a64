/**
 * What export and import of REFI-QDA share: namespaces, limits, code paths and colours.
 */

/** Namespace of `project.qde` (REFI-QDA 1.5, Project.xsd of March 2019). */
export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
/** Namespace of a `.qdc` codebook. */
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
export const PROJECT_SCHEMA_LOCATION = `${PROJECT_NAMESPACE} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd`;
export const CODEBOOK_SCHEMA_LOCATION = `${CODEBOOK_NAMESPACE} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd`;

/** The project file inside a `.qdpx`. */
export const PROJECT_ENTRY = 'project.qde';
/** The folder of the sources inside a `.qdpx` (as MAXQDA writes it; reading ignores case). */
export const SOURCES_FOLDER = 'sources';

/** The separator of a tag's hierarchy: "beleid/toezegging" is code "toezegging" under "beleid". */
export const CODE_SEPARATOR = '/';

/** The segments of a code path: split on "/", trimmed, empty ones dropped. */
export function codeSegments(path: string): string[] {
  return path.split(CODE_SEPARATOR).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A code path in its normal form ("a / b/" → "a/b"); empty when it has no name at all. */
export function normalCodePath(path: string): string {
  return codeSegments(path).join(CODE_SEPARATOR);
}

/** A colour as `#rrggbb` in lower case ("#ABC" → "#aabbcc"), or undefined when it is none. */
export function normalColor(color: string | undefined): string | undefined {
  if (color === undefined) return undefined;
  const c = color.trim();
  if (/^#[0-9a-fA-F]{6}$/u.test(c)) return c.toLowerCase();
  if (/^#[0-9a-fA-F]{3}$/u.test(c)) return `#${[...c.slice(1)].map((x) => x + x).join('')}`.toLowerCase();
  return undefined;
}

/** An `xsd:dateTime` (what REFI-QDA's creationDateTime needs), checked as a real moment. */
export function isXsdDateTime(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))?$/u.exec(s);
  if (!m) return false;
  const [, , , , hh, mm, ss, th, tm] = m;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return false;
  if (th !== undefined && (Number(th) > 14 || Number(tm) > 59)) return false;
  return isXsdDate(s.slice(0, 10));
}

/** An `xsd:date` without time zone ("2024-02-29"), checked as a real day. */
export function isXsdDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
