import type { Lang } from './i18n';

/** French and English explanations of the yaml parser's error codes; its own messages are English only. */
const MESSAGES: Record<string, { fr: string; en: string }> = {
  DUPLICATE_KEY: { fr: 'clé en double dans le même objet : gardez-en une seule', en: 'duplicate key in the same mapping: keep only one' },
  MISSING_CHAR: { fr: 'guillemet ou crochet jamais refermé : refermez-le', en: 'a quote or bracket is never closed: close it' },
  BAD_INDENT: { fr: 'indentation incohérente : alignez cette ligne sur ses voisines (espaces, pas de tabulations)', en: 'inconsistent indentation: align this line with its siblings (spaces, no tabs)' },
  TAB_AS_INDENT: { fr: 'tabulation utilisée pour indenter : YAML n’accepte que des espaces', en: 'a tab is used for indentation: YAML accepts spaces only' },
  MULTIPLE_DOCS: { fr: 'le fichier contient plusieurs documents (---) : n’en gardez qu’un', en: 'the file holds several documents (---): keep only one' },
  MULTILINE_IMPLICIT_KEY: { fr: 'une clé s’étend sur plusieurs lignes : il manque sans doute « : » ou un guillemet', en: 'a key spans several lines: a ":" or a quote is probably missing' },
  BLOCK_AS_IMPLICIT_KEY: { fr: 'un bloc est utilisé comme clé : vérifiez l’indentation et les « : »', en: 'a block is used as a key: check the indentation and the ":"' },
  BAD_SCALAR_START: { fr: 'une valeur commence par un caractère réservé : mettez-la entre guillemets', en: 'a value starts with a reserved character: quote it' },
  UNEXPECTED_TOKEN: { fr: 'caractère inattendu à cet endroit : vérifiez la ponctuation (« : », « - », crochets)', en: 'unexpected character here: check the punctuation (":", "-", brackets)' },
  BAD_DQ_ESCAPE: { fr: 'séquence d’échappement invalide entre guillemets doubles : utilisez des guillemets simples', en: 'invalid escape in a double-quoted string: use single quotes' },
  BAD_ALIAS: { fr: 'alias (*nom) vers une ancre (&nom) qui n’existe pas', en: 'alias (*name) to an anchor (&name) that does not exist' },
  KEY_OVER_1024_CHARS: { fr: 'clé de plus de 1 024 caractères', en: 'key longer than 1,024 characters' },
};

const UNCLOSED_FLOW = { fr: '« {0} » manquant : refermez la liste ou l’objet ouvert plus haut', en: 'missing "{0}": close the list or mapping opened above' };

/** A sentence for a yaml syntax error in the user's language; unknown codes keep the parser's first line. */
export function yamlSyntaxText(code: string, parserMessage: string, lang: Lang): string {
  // yaml files an unclosed flow collection (`[a, b` or `{a: 1`) under BAD_INDENT: the missing bracket is the real news.
  const unclosed = /end with a ([\]}])/.exec(parserMessage);
  if (unclosed) return UNCLOSED_FLOW[lang].replace('{0}', unclosed[1]);
  const known = MESSAGES[code];
  const first = parserMessage.split('\n')[0];
  return known ? known[lang] : first;
}
