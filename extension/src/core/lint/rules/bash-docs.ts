import { afterFirstLine, descendants } from '../ast';
import type { Rule } from '../types';
import { commandArgs, commandsNamed, headerComments } from './bash-util';

const HEADER_TEMPLATE = '# Description : <ce que fait le script>\n# Usage       : <nom> [-h] ARGUMENTS\n# Auteur      : <nom>\n# Date        : <AAAA-MM-JJ>\n';

/** Documentation rules: shebang, header, usage. */
export const bashDocs: Rule[] = [
  {
    code: 'TSSR-B001', language: 'bash', severity: 'warning', critere: 'CCS4.2',
    title: { fr: 'Shebang manquant', en: 'Missing shebang' },
    explanation: {
      fr: 'Sans « #!/usr/bin/env bash » en première ligne, le script est lancé par le shell de l’appelant (souvent sh), qui ne comprend pas tout bash. Un script diffusable dit lui-même quel interpréteur l’exécute.',
      en: 'Without "#!/usr/bin/env bash" on the first line, the caller\'s shell (often sh) runs the script and may not understand bash. A script meant to be shared names its own interpreter.',
    },
    check(ctx) {
      if (ctx.text.startsWith('#!')) return;
      ctx.report({ startIndex: 0, endIndex: afterFirstLine(ctx.text) - 1 }, { fr: 'Le script n’a pas de shebang (#!/usr/bin/env bash)', en: 'The script has no shebang (#!/usr/bin/env bash)' },
        { title: { fr: 'Ajouter « #!/usr/bin/env bash »', en: 'Add "#!/usr/bin/env bash"' }, edits: [{ start: 0, end: 0, newText: '#!/usr/bin/env bash\n' }] });
    },
  },
  {
    code: 'TSSR-B002', language: 'bash', severity: 'warning', critere: 'CP11.4',
    title: { fr: 'En-tête de documentation incomplet', en: 'Incomplete documentation header' },
    explanation: {
      fr: 'Critère « Les scripts sont documentés » : un commentaire en tête dit à quoi sert le script, comment l’appeler (Usage), qui l’a écrit et quand. C’est ce que lit un collègue avant de le lancer.',
      en: 'Critère "scripts are documented": a header comment says what the script does, how to call it (Usage), who wrote it and when. It is what a colleague reads before running it.',
    },
    check(ctx) {
      const header = headerComments(ctx.root);
      const text = header.map((c) => c.text).join('\n');
      const missing: string[] = [];
      if (header.filter((c) => c.text.replace(/^#+\s*/, '').length > 3).length < 1) missing.push('description');
      const takesArguments = descendants(ctx.root, ['simple_expansion', 'expansion']).some((e) => /^\$\{?([1-9@*#])/.test(e.text));
      if (takesArguments && !/usage|utilisation|syntaxe/i.test(text)) missing.push('usage');
      if (!/auteur|author|date|\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4}/i.test(text)) missing.push('auteur/date');
      if (!missing.length) return;
      const at = ctx.text.startsWith('#!') ? afterFirstLine(ctx.text) : 0;
      const node = header[0] ?? { startIndex: 0, endIndex: Math.max(0, at - 1) };
      ctx.report(node, { fr: `En-tête incomplet : il manque ${missing.join(', ')}`, en: `Incomplete header: missing ${missing.join(', ').replace('auteur', 'author')}` },
        header.length ? undefined : { title: { fr: 'Insérer un en-tête à compléter', en: 'Insert a header to fill in' }, edits: [{ start: at, end: at, newText: HEADER_TEMPLATE }] });
    },
  },
  {
    code: 'TSSR-B003', language: 'bash', severity: 'warning', critere: 'CCS4.2',
    title: { fr: 'Pas d’aide ni de contrôle des arguments', en: 'No help and no argument check' },
    explanation: {
      fr: 'Un script qui prend des arguments doit répondre à -h/--help par son usage et refuser un mauvais nombre d’arguments (test de « $# », message sur stderr, code de sortie non nul). Sinon il échoue plus loin avec une erreur obscure.',
      en: 'A script that takes arguments should answer -h/--help with its usage and refuse a wrong argument count (test "$#", message on stderr, non-zero exit). Otherwise it fails later with an obscure error.',
    },
    check(ctx) {
      const positional = descendants(ctx.root, ['simple_expansion', 'expansion']).find((e) => /^\$\{?([1-9@*]|#\}?$)/.test(e.text))
        ?? commandsNamed(ctx.root, ['shift', 'getopts'])[0];
      if (!positional) return;
      // Text searches, comments left out: cheaper than visiting every word of the tree.
      const code = ctx.text.replace(/^\s*#.*$/gm, '');
      const hasHelp = /(^|[\s|("'])(-h|--help)(?=[\s|)"']|$)/m.test(code) || commandsNamed(ctx.root, ['getopts']).some((g) => commandArgs(g).some((a) => a.text.includes('h')));
      const hasCount = /\$#|\$\{#\}/.test(code);
      const missing = [...(hasHelp ? [] : ['-h/--help']), ...(hasCount ? [] : ['$#'])];
      if (!missing.length) return;
      ctx.report(positional, { fr: `Arguments utilisés sans ${missing.map((m) => (m === '$#' ? 'contrôle de leur nombre ($#)' : 'aide -h/--help')).join(' ni ')}`, en: `Arguments used without ${missing.map((m) => (m === '$#' ? 'a count check ($#)' : '-h/--help')).join(' nor ')}` });
    },
  },
];
