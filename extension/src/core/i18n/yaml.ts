import { defineEntries } from './define';

/** YAML and schema wording: the yaml parser's error codes in words (its own messages are English only), keyed `yaml.<CODE>`. */
export const yaml = defineEntries({
  'yaml.DUPLICATE_KEY': { fr: 'clé en double dans le même objet : gardez-en une seule', en: 'duplicate key in the same mapping: keep only one' },
  'yaml.MISSING_CHAR': { fr: 'guillemet ou crochet jamais refermé : refermez-le', en: 'a quote or bracket is never closed: close it' },
  'yaml.BAD_INDENT': {
    fr: 'indentation incohérente : alignez cette ligne sur ses voisines (espaces, pas de tabulations)',
    en: 'inconsistent indentation: align this line with its siblings (spaces, no tabs)',
  },
  'yaml.TAB_AS_INDENT': {
    fr: 'tabulation utilisée pour indenter : YAML n’accepte que des espaces',
    en: 'a tab is used for indentation: YAML accepts spaces only',
  },
  'yaml.MULTIPLE_DOCS': {
    fr: 'le fichier contient plusieurs documents (---) : n’en gardez qu’un',
    en: 'the file holds several documents (---): keep only one',
  },
  'yaml.MULTILINE_IMPLICIT_KEY': {
    fr: 'une clé s’étend sur plusieurs lignes : il manque sans doute « : » ou un guillemet',
    en: 'a key spans several lines: a ":" or a quote is probably missing',
  },
  'yaml.BLOCK_AS_IMPLICIT_KEY': {
    fr: 'un bloc est utilisé comme clé : vérifiez l’indentation et les « : »',
    en: 'a block is used as a key: check the indentation and the ":"',
  },
  'yaml.BAD_SCALAR_START': {
    fr: 'une valeur commence par un caractère réservé : mettez-la entre guillemets',
    en: 'a value starts with a reserved character: quote it',
  },
  'yaml.UNEXPECTED_TOKEN': {
    fr: 'caractère inattendu à cet endroit : vérifiez la ponctuation (« : », « - », crochets)',
    en: 'unexpected character here: check the punctuation (":", "-", brackets)',
  },
  'yaml.BAD_DQ_ESCAPE': {
    fr: 'séquence d’échappement invalide entre guillemets doubles : utilisez des guillemets simples',
    en: 'invalid escape in a double-quoted string: use single quotes',
  },
  'yaml.BAD_ALIAS': { fr: 'alias (*nom) vers une ancre (&nom) qui n’existe pas', en: 'alias (*name) to an anchor (&name) that does not exist' },
  'yaml.KEY_OVER_1024_CHARS': { fr: 'clé de plus de 1 024 caractères', en: 'key longer than 1,024 characters' },
  'yaml.unclosedFlow': { fr: '« {0} » manquant : refermez la liste ou l’objet ouvert plus haut', en: 'missing "{0}": close the list or mapping opened above' },
  'schema.unknownProperty': { fr: 'propriété inconnue « {0} »', en: 'unknown property "{0}"' },
});
