// Generates the check types' reference from schemas/checks/<type>.schema.json (every file there with a `type` const is
// a check type, so a new schema file needs no change here): docs/checks.md in French (the schemas' `description`) and
// docs/checks.en.md in English (their `x-description-en`).
// `node scripts/gen-docs.mjs` writes them; `--check` exits 1 if a committed file differs.
import { readFileSync, writeFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const checksDir = join(root, 'schemas/checks');

/** The page's own words, by language: the schemas hold the rest. */
const WORDS = {
  fr: {
    file: 'docs/checks.md',
    other: 'English: [checks.en.md](checks.en.md)',
    title: 'Types de contrôle',
    intro: [
      'Chaque contrôle d’un critère d’`exercise.yaml` a un `type` et les attributs ci-dessous. Un attribut omis n’est pas vérifié.',
      'Chaque type a son schéma dans `schemas/checks/<type>.schema.json` ; cette page en est générée.',
    ],
    header: '| Attribut | Type | Obligatoire | Description |',
    yes: 'oui',
    selects: 'Choisit ce type de contrôle.',
    shared: 'Définitions communes',
    type: 'Type :',
    arrayOf: 'liste de',
    or: 'ou',
    pattern: 'motif',
  },
  en: {
    file: 'docs/checks.en.md',
    other: 'Français : [checks.md](checks.md)',
    title: 'Check types',
    intro: [
      'Every check of an `exercise.yaml` critère has a `type` and the attributes below. An attribute left out is not checked.',
      'Each type has its schema in `schemas/checks/<type>.schema.json`; this page is generated from them.',
    ],
    header: '| Attribute | Type | Required | Description |',
    yes: 'yes',
    selects: 'Selects this check type.',
    shared: 'Shared definitions',
    type: 'Type:',
    arrayOf: 'array of',
    or: 'or',
    pattern: 'pattern',
  },
};
/** The language being rendered and its words; set by render(). */
let lang = 'fr';
let w = WORDS.fr;

const files = readdirSync(checksDir)
  .filter((f) => f.endsWith('.schema.json'))
  .sort();
const schemas = Object.fromEntries(files.map((f) => [`checks/${f}`, JSON.parse(readFileSync(join(checksDir, f), 'utf8'))]));
const schemaFor = (file) => (schemas[file] ??= JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8')));
const types = Object.values(schemas).filter((s) => s.properties?.type?.const);
/** Shared definitions met while rendering, listed once at the end. */
let shared = new Map();
/** A node's text in the language being rendered: French `description`, English `x-description-en`. */
const text = (node) => (lang === 'en' ? node['x-description-en'] : undefined) ?? node.description;

/** Resolves `other.schema.json#/$defs/Name` relative to the checks/ schema that holds it. */
function resolve(ref, from) {
  const [file, pointer] = ref.split('#');
  const target = file ? join(dirname(from), file).replace(/\\/g, '/') : from;
  const name = pointer ? basename(pointer) : basename(target, '.schema.json');
  let node = schemaFor(target);
  for (const key of (pointer ?? '').split('/').filter(Boolean)) node = node[key];
  return { target, name, node };
}

const anchor = (name) => name.toLowerCase().replace(/[^a-z0-9-]/g, '');
const code = (v) => `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``;

/** A short, readable type: `string`, `integer (≥ 0)`, `file` | `directory`, `array of string`, [TextMatcher](#textmatcher). */
function typeOf(s, from) {
  if (s.$ref) {
    const { target, name, node } = resolve(s.$ref, from);
    if (!shared.has(name)) {
      shared.set(name, null);
      shared.set(name, { node, from: target, type: typeOf(node, target) });
    }
    return `[${name}](#${anchor(name)})`;
  }
  if ('const' in s) return code(s.const);
  if (s.enum) return s.enum.map(code).join(' | ');
  // An object's own anyOf/oneOf (which keys go together) says less than its keys do.
  const alternatives = s.properties ? undefined : (s.anyOf ?? s.oneOf);
  if (alternatives) return alternatives.map((a) => typeOf(a, from)).join(` ${w.or} `);
  const t = [s.type ?? (s.properties ? 'object' : 'any')].flat().join(` ${w.or} `);
  if (t === 'array') return `${w.arrayOf} ${s.items ? typeOf(s.items, from) : 'any'}`;
  if (t === 'object' && s.properties)
    return `{ ${Object.entries(s.properties)
      .map(([k, p]) => `${k}: ${typeOf(p, from)}`)
      .join(', ')} }`;
  const bounds = [
    s.minimum !== undefined && `≥ ${s.minimum}`,
    s.maximum !== undefined && `≤ ${s.maximum}`,
    s.pattern && `${w.pattern} ${code(s.pattern)}`,
  ].filter(Boolean);
  return bounds.length ? `${t} (${bounds.join(', ')})` : t;
}

/** A property's description, or its shared definition's. */
function describe(s, from) {
  if (text(s)) return text(s);
  if (s.const !== undefined) return w.selects;
  return s.$ref ? (text(resolve(s.$ref, from).node) ?? '') : '';
}

const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function section(s) {
  const from = s.$id;
  const lines = [`## \`${s.properties.type.const}\``, '', text(s) ?? '', ''];
  lines.push(w.header, '| --- | --- | --- | --- |');
  for (const [name, p] of Object.entries(s.properties)) {
    lines.push(`| \`${name}\` | ${cell(typeOf(p, from))} | ${s.required?.includes(name) ? w.yes : ''} | ${cell(describe(p, from))} |`);
  }
  for (const example of s.examples ?? []) {
    lines.push('', '```yaml', YAML.stringify({ checks: [example] }, { lineWidth: 0 }).trimEnd(), '```');
  }
  return lines.join('\n');
}

/** The page in `language` (`fr` or `en`). */
function render(language) {
  [lang, w, shared] = [language, WORDS[language], new Map()];
  const sections = types.map(section);
  const defs = [...shared].filter(([, d]) => d).map(([name, d]) => [`### ${name}`, '', text(d.node) ?? '', '', `${w.type} ${d.type}`].join('\n'));
  return (
    [
      '<!-- DO NOT EDIT: generated by scripts/gen-docs.mjs from schemas/checks/. Run `npm run gen`. -->',
      `# ${w.title}`,
      '',
      w.other,
      '',
      ...w.intro,
      '',
      types
        .map((s) => `- [\`${s.properties.type.const}\`](#${anchor(s.properties.type.const)}): ${(text(s) ?? '').split('. ')[0].replace(/\.$/, '')}`)
        .join('\n'),
      '',
      ...sections.flatMap((section) => [section, '']),
      `## ${w.shared}`,
      '',
      ...defs.flatMap((def) => [def, '']),
    ]
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

let drift = 0;
for (const language of Object.keys(WORDS)) {
  const page = render(language);
  const outFile = join(root, WORDS[language].file);
  if (!process.argv.includes('--check')) {
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, page);
  } else if (!existsSync(outFile) || readFileSync(outFile, 'utf8') !== page) {
    console.error(`drift: ${outFile}`);
    drift++;
  }
}
if (drift) process.exit(1);
