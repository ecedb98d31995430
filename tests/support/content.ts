import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The project's content folder. */
export const CONTENT = join(import.meta.dirname, '../../content');

/** A Markdown file of the content folder: its id, front matter and body. */
export interface ContentFile<T> {
  id: string;
  data: T;
  body: string;
}

/** Reads every Markdown file of a content collection folder (front matter parsed as YAML). */
export function readCollection<T>(folder: string): ContentFile<T>[] {
  const dir = join(CONTENT, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${folder}/${name} has no front matter`);
      return {
        id: name.replace(/\.md$/, ''),
        data: parse(match[1] ?? '') as T,
        body: match[2] ?? '',
      };
    });
}

/** A glossary entry as stored in content/glossary.yaml. */
export interface GlossaryEntry {
  id: string;
  term: string;
  match: string[];
  definition: string;
  more?: string;
}

/** The glossary entries. */
export function readGlossary(): GlossaryEntry[] {
  return parse(readFileSync(join(CONTENT, 'glossary.yaml'), 'utf8')) as GlossaryEntry[];
}
