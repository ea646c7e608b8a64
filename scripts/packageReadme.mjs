// Writes dist/README.md, the README that goes into the .vsix (package.json `vsce.readmePath`).
//
// The repository README shows screenshots through relative links (media/*.png). In a .vsix those cannot
// work: vsce wants to rewrite them to absolute https URLs of a public repository, which this project does
// not have (and inventing one would publish broken links), and VS Code's extension details view only
// loads https: and data: images (its Content-Security-Policy is `img-src https: data:`), so a relative
// image shipped inside the package would still show as broken. So the package README is the same text
// without the screenshot lines, and the screenshots stay out of the package. Any other relative link
// fails here, with the line, rather than being published broken.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isRelative = (link) => !/^[a-z][a-z0-9+.-]*:/i.test(link) && !link.startsWith('#');

/** The README text for the package: screenshot lines removed; throws on any other relative link. */
export function packageReadme(markdown) {
  const out = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const image = /^!\[[^\]]*\]\(([^)\s]+)\)\s*$/.exec(line);
    if (image && isRelative(image[1])) {
      // Drop the image line and one of the blank lines around it.
      if (out.length && out[out.length - 1] === '' && lines[i + 1] === '') i++;
      continue;
    }
    for (const m of line.matchAll(/!?\[[^\]]*\]\(([^)\s]+)[^)]*\)|<(?:img|a)\b[^>]*?(?:src|href)=["']([^"']+)["']/g)) {
      const link = m[1] ?? m[2];
      if (isRelative(link)) throw new Error(`README.md:${i + 1}: relative link "${link}" would be broken in the package`);
    }
    out.push(line);
  }
  return out.join('\n');
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const text = packageReadme(await readFile(path.join(repoRoot, 'README.md'), 'utf8'));
  await mkdir(path.join(repoRoot, 'dist'), { recursive: true });
  await writeFile(path.join(repoRoot, 'dist', 'README.md'), text);
  console.log('dist/README.md written (README without the screenshots)');
}
