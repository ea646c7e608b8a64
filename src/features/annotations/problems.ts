import vscode = require('vscode');
import { describeIssue, type SidecarProblem } from '../../core/annotations/sidecar';

/** A sidecar problem in the user's language. The YAML library's own messages stay as it words them. */
export function problemMessage(problem: SidecarProblem): string {
  return describeIssue(problem.issue, vscode.l10n.t);
}
