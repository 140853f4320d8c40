import { stringify } from 'yaml';
import { checkTypes } from './schema-walk';

/** A snippet in VS Code's syntax (`${1:text}` placeholders), as the lines of a YAML block. */
export interface Snippet {
  /** `exercise`, `critere`, `pack` or `check:<type>`. */
  id: string;
  /** The check type, for check snippets. */
  type?: string;
  /** Lines of the body; the first goes where the cursor is, the others are indented from the first line's key. */
  lines: string[];
}

/** Escapes text for a snippet body, where `$`, `}` and `\` are syntax. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Emits YAML block lines for a value, each plain scalar a numbered placeholder (the check's `type` stays literal). */
class Emitter {
  private stop = 1;

  scalar(v: unknown, literal = false): string {
    const text = stringify(v, { lineWidth: 0 }).trimEnd();
    return literal || text.includes('\n') ? escapeSnippet(text) : `\${${this.stop++}:${escapeSnippet(text)}}`;
  }

  /** Lines of a map's entries at the given indent. */
  map(obj: Record<string, unknown>, indent: string): string[] {
    return Object.entries(obj).flatMap(([k, v]) => this.entry(k, v, indent));
  }

  private entry(key: string, v: unknown, indent: string): string[] {
    if (Array.isArray(v)) {
      if (v.every((x) => x === null || typeof x !== 'object')) return [`${indent}${key}: [${v.map((x) => this.scalar(x)).join(', ')}]`];
      return [`${indent}${key}:`, ...v.flatMap((item) => this.item(item, `${indent}  `))];
    }
    if (v !== null && typeof v === 'object') return [`${indent}${key}:`, ...this.map(v as Record<string, unknown>, `${indent}  `)];
    if (typeof v === 'string' && v.includes('\n')) {
      // A block scalar keeps its lines: `|` then the text, one level in.
      const body = v.replace(/\n$/, '').split('\n');
      return [`${indent}${key}: |${v.endsWith('\n') ? '' : '-'}`, ...body.map((l) => `${indent}  ${escapeSnippet(l)}`)];
    }
    return [`${indent}${key}: ${this.scalar(v, key === 'type' && indent === '')}`];
  }

  private item(v: unknown, indent: string): string[] {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return [`${indent}- ${this.scalar(v)}`];
    const [first, ...rest] = this.map(v as Record<string, unknown>, `${indent}  `);
    return [`${indent}- ${first.slice(indent.length + 2)}`, ...rest];
  }
}

/** One snippet per check type, built from the first `examples` entry of its schema: snippets cannot drift from the schemas. */
export function checkSnippets(): Snippet[] {
  return checkTypes().flatMap(({ type, schema }) => {
    const example = schema.examples?.[0];
    if (!example || typeof example !== 'object') return [];
    return [{ id: `check:${type}`, type, lines: [...new Emitter().map(example as Record<string, unknown>, ''), '$0'] }];
  });
}

/** A critère with a hint ladder and one check (a list item: the caller writes `- ` before it). */
export function critereSnippet(): Snippet {
  return {
    id: 'critere',
    lines: [
      'id: ${1:mon-critere}',
      'title:',
      '  fr: ${2:Ce que le critère vérifie}',
      '  en: ${3:What the critère checks}',
      'referentiel: ${4:CP9.1}',
      'points: ${5:2}',
      'hints:',
      '  - fr: ${6:Un premier indice}',
      '    en: ${7:A first hint}',
      '  - fr: ${8:La commande exacte}',
      '    en: ${9:The exact command}',
      'checks:',
      '  - type: ${10:file}',
      '    path: ${11:/etc/hostname}',
      '$0',
    ],
  };
}

/** A whole exercise.yaml. */
export function exerciseSnippet(): Snippet {
  return {
    id: 'exercise',
    lines: [
      'id: ${1:mon-exercice}',
      'title:',
      '  fr: ${2:Titre de l’exercice}',
      '  en: ${3:Exercise title}',
      'competences: [${4:CP9}]',
      'level: ${5|debutant,intermediaire,avance|}',
      'durationMinutes: ${6:30}',
      'statement: enonce.md',
      'solution:',
      '  apply: ${7:solution.sh}',
      'criteria:',
      '  - id: ${8:premier-critere}',
      '    title:',
      '      fr: ${9:Ce que le critère vérifie}',
      '      en: ${10:What the critère checks}',
      '    referentiel: ${11:CP9.1}',
      '    points: ${12:2}',
      '    hints:',
      '      - fr: ${13:Un premier indice}',
      '        en: ${14:A first hint}',
      '    checks:',
      '      - type: ${15:file}',
      '        path: ${16:/etc/hostname}',
      '$0',
    ],
  };
}

/** A whole pack.yaml. */
export function packSnippet(): Snippet {
  return {
    id: 'pack',
    lines: [
      'id: ${1:mon-pack}',
      'title:',
      '  fr: ${2:Titre du pack}',
      '  en: ${3:Pack title}',
      'version: ${4:1.0.0}',
      'authors: [${5:Équipe pédagogique}]',
      'exercises:',
      '  - ${6:premier-exercice}',
      '$0',
    ],
  };
}

/** Replaces each placeholder by its default text: the YAML the snippet inserts when every field is left as is. */
export function expandSnippet(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1')
    .replace(/\$0/g, '')
    .replace(/\\([\\$}])/g, '$1');
}
