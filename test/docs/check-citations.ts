import { posix } from 'node:path';

/** What a citation checker needs to know about the repository. Paths are repository-relative, with `/`. */
export interface CitationRepository {
  fileExists(path: string): boolean;
  /** The anchors GitHub generates for the headings of a markdown file. */
  anchorsOf(path: string): ReadonlySet<string>;
}

export interface CitationProblem {
  file: string;
  line: number;
  citation: string;
  problem: string;
}

export interface CitationReport {
  /** Markdown references and `§` citations looked at, valid or not. */
  checked: number;
  problems: CitationProblem[];
}

// A markdown file name at the start of a token: `docs/reliability.md#retries`, `../README.md`, `webhooks.md`.
const markdownReference = /(?<![\w/.-])((?:\.{1,2}\/)*[\w-][\w.-]*(?:\/[\w.-]+)*\.md)(?![\w-])(#[\w-]*)?/g;
// A link to a heading of the same page: `[sources](#sources)`.
const sameFileAnchor = /\]\((#[\w-]+)\)/g;
// `§6.2.1`, `§ 4`: a numbered section. A `§` not followed by a digit is the character itself (GSM 0x5F).
const sectionSign = /§\s?\d/g;
// A public document that § may number: RFC 9110, ECMA-262, 3GPP TS 23.038, ITU-T E.164, ISO 8601; then any
// sections already cited for it on this line (`3GPP TS 23.038 §6.2.1, §6.2.1.1`).
const publicDocumentBefore = /(?:RFC \d+|ECMA-\d+|3GPP TS [\d.]+|ITU-T [\w.]+|ISO(?:\/IEC)? [\d-]+)(?:[\s,]+(?:and\s+)?§\s?[\d.]+)*[\s,]*(?:and\s+)?$/;
const url = /\bhttps?:\/\/\S+/g;

/**
 * GitHub's anchor for a heading: lowercase; punctuation dropped except hyphens (letters, digits, spaces,
 * hyphens and underscores stay); each space becomes a hyphen.
 */
export function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of every ATX heading outside fenced code blocks; a repeated heading gets `-1`, `-2`… */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? '';
      if (fence === undefined) fence = marker[0];
      else if (marker[0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = (heading[1] ?? '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = githubSlug(text);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Where a reference from `file` points: the repository root first, then the citing file's folder. */
function resolve(file: string, reference: string, repository: CitationRepository): string | undefined {
  const candidates = [posix.normalize(reference), posix.normalize(posix.join(posix.dirname(file), reference))];
  return candidates.find((candidate) => !candidate.startsWith('..') && repository.fileExists(candidate));
}

/**
 * Checks every citation in one file's text: each `*.md` it names must exist in the repository, each
 * `#anchor` on it must be a heading of that file, and each `§` must number a public document (RFC,
 * ECMA, 3GPP, ITU-T, ISO) named just before it. URLs are left out: they cite public pages.
 */
export function checkCitations(file: string, text: string, repository: CitationRepository): CitationReport {
  const problems: CitationProblem[] = [];
  let checked = 0;
  const lines = text.split('\n');
  lines.forEach((rawLine, index) => {
    const line = rawLine.replace(url, (match) => ' '.repeat(match.length));
    const at = (citation: string, problem: string) => problems.push({ file, line: index + 1, citation, problem });

    for (const match of line.matchAll(markdownReference)) {
      checked += 1;
      const reference = match[1] ?? '';
      const anchor = match[2];
      const target = resolve(file, reference, repository);
      if (target === undefined) {
        at(match[0], `${reference} is not in the repository: cite a docs/ page with an anchor or a public URL`);
        continue;
      }
      if (anchor === undefined || anchor === '#') continue;
      if (!repository.anchorsOf(target).has(anchor.slice(1))) at(match[0], `${target} has no heading for ${anchor}`);
    }

    if (file.endsWith('.md')) {
      for (const match of line.matchAll(sameFileAnchor)) {
        checked += 1;
        const anchor = match[1] ?? '';
        if (!repository.anchorsOf(file).has(anchor.slice(1))) at(anchor, `${file} has no heading for ${anchor}`);
      }
    }

    for (const match of line.matchAll(sectionSign)) {
      checked += 1;
      const before = line.slice(0, match.index);
      if (!publicDocumentBefore.test(before)) {
        const start = Math.max(0, match.index - 30);
        at(line.slice(start, match.index + 8).trim(), '§ cites a section without naming a public document (RFC, ECMA-262, 3GPP TS, ITU-T, ISO) before it');
      }
    }
  });
  return { checked, problems };
}
