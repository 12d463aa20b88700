/**
 * A zone's CIDR blocks as the user types or pastes them: one per line, or several on a line
 * separated by commas (or semicolons). Each entry is judged by the CIDR validator of
 * core/validate and read by parseBlock (./ip.ts) as placement reads it; a bare address, a
 * block given twice and blocks beyond the zone's cap are problems too. Nothing is applied here:
 * the caller applies the blocks only when there is no problem, or when the user confirms.
 */
import { validateCidr } from '@/core/validate/cidr';
import { quoteInput } from '@/core/validate/quote';

import { formatBlock, parseBlock } from './ip';

export interface CidrListProblem {
  /** 1-based line of the text. */
  line: number;
  /** The entry as typed (trimmed). */
  text: string;
  /** What is wrong, in words, quoting the entry. */
  message: string;
}

export interface CidrList {
  /** The good blocks, as typed (trimmed), in order. */
  cidrs: string[];
  problems: CidrListProblem[];
}

/** "Line 3: "10.0.0/8" is not a valid CIDR block: …" */
export function cidrProblemText(problem: CidrListProblem): string {
  return `Line ${problem.line}: ${problem.message}`;
}

/** Reads a zone's blocks from text; `max`: how many blocks a zone may hold. */
export function parseCidrList(text: string, max: number): CidrList {
  const cidrs: string[] = [];
  const problems: CidrListProblem[] = [];
  /** Canonical block -> the line it was first given on. */
  const seen = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((lineText, i) => {
    const line = i + 1;
    for (const raw of lineText.split(/[,;]/)) {
      const entry = raw.trim();
      if (entry === '') continue;
      const problem = (message: string): void => {
        problems.push({ line, text: entry, message });
      };
      const block = entry.includes('/') ? null : parseBlock(entry);
      if (block) {
        problem(
          `${quoteInput(entry)} is an address, not a CIDR block: write ${entry}/${block.family === 4 ? 32 : 128} for this address alone, or its network`,
        );
        continue;
      }
      const error = validateCidr(entry);
      const parsed = error ? null : parseBlock(entry);
      if (!parsed) {
        problem(error ?? `${quoteInput(entry)} is not a valid CIDR block`);
        continue;
      }
      const canonical = formatBlock(parsed);
      const first = seen.get(canonical);
      if (first !== undefined) {
        problem(
          `${quoteInput(entry)} is the block ${canonical} again (line ${first}): give it once`,
        );
        continue;
      }
      if (cidrs.length >= max) {
        problem(`${quoteInput(entry)}: a zone holds at most ${max} CIDR blocks`);
        continue;
      }
      seen.set(canonical, line);
      cidrs.push(entry);
    }
  });
  return { cidrs, problems };
}
