import { messages, t, type Lang, type MessageKey } from './i18n';

/** A sentence for a yaml syntax error in the user's language; unknown codes keep the parser's first line. */
export function yamlSyntaxText(code: string, parserMessage: string, lang: Lang): string {
  // yaml files an unclosed flow collection (`[a, b` or `{a: 1`) under BAD_INDENT: the missing bracket is the real news.
  const unclosed = /end with a ([\]}])/.exec(parserMessage);
  if (unclosed) return t(lang, 'yaml.unclosedFlow', unclosed[1]);
  const key = `yaml.${code}`;
  return key in messages ? t(lang, key as MessageKey) : parserMessage.split('\n')[0];
}
