import assert from 'node:assert/strict';
import { findingsOf, ruleTable, testParser, type RuleCases } from '../helpers/lint';

const H = '#!/usr/bin/env bash\n# Description : test\n# Auteur : moi, 2026-11-28\nset -euo pipefail\n';

const table: RuleCases[] = [
  {
    code: 'TSSR-B001',
    bad: ['echo bonjour\n', '# commentaire\necho x\n'],
    good: ['#!/bin/bash\necho x\n', '#!/usr/bin/env bash\n'],
    fix: [['echo x\n', '#!/usr/bin/env bash\necho x\n']],
  },
  {
    code: 'TSSR-B002',
    bad: ['#!/bin/bash\necho x\n', '#!/bin/bash\n# Description : fait x\necho x\n', '#!/bin/bash\n# Auteur : a, 2026-01-01\necho "$1"\n'],
    good: [H + 'echo x\n', '#!/bin/bash\n# Description : copie\n# Usage : copie.sh SRC\n# Auteur : Léa, 2026-11-28\necho "$1"\n'],
    fix: [
      [
        '#!/bin/bash\necho x\n',
        '#!/bin/bash\n# Description : <ce que fait le script>\n# Usage       : <nom> [-h] ARGUMENTS\n# Auteur      : <nom>\n# Date        : <AAAA-MM-JJ>\necho x\n',
      ],
    ],
  },
  {
    code: 'TSSR-B003',
    bad: [H + 'cp "$1" "$2"\n', H + 'if [[ $# -ne 2 ]]; then exit 1; fi\ncp "$1" "$2"\n', H + 'case "${1:-}" in -h|--help) exit 0;; esac\ncp "$1" /tmp\n'],
    good: [
      H + 'echo "pas d’argument"\n',
      H + 'case "${1:-}" in -h|--help) echo "Usage"; exit 0;; esac\n[[ $# -eq 1 ]] || exit 1\ncp "$1" /tmp\n',
      H + 'while getopts "hv" o; do :; done\n(( $# == 1 )) || exit 1\necho "$1"\n',
    ],
  },
  {
    code: 'TSSR-B004',
    bad: [H + 'cp $src /tmp\n', H + 'echo ${nom}\n', H + 'rm -- $f.bak\n', H + 'ls $HOME/docs\n'],
    good: [
      H + 'cp "$src" /tmp\n',
      H + 'if [[ $a == b ]]; then echo ok; fi\n',
      H + 'cat <<EOF\n$HOME et $USER\nEOF\n',
      H + 'echo $# $?\n',
      H + 'n=$(( x + 1 ))\necho "$n"\n',
      H + 'x=$y\n',
      H + 'echo "${#tab[@]}"\n',
      H + 'echo "$(date) $x"\n',
      H + 'echo ${#x}\n',
    ],
    fix: [[H + 'cp $src /tmp\n', H + 'cp "$src" /tmp\n']],
  },
  {
    code: 'TSSR-B005',
    bad: [
      H + 'rm -rf "$dir"/*\n',
      H + 'rm -r $tmp\n',
      '#!/bin/bash\ntmp=$(mktemp -d)\nrm -rf "$tmp"\n',
      H + 'rm -fr "${cible}/old"\n',
      H + 'rm --recursive "$d"\n',
    ],
    good: [H + 'rm -rf "${dir:?}"/*\n', H + 'rm -f "$fichier"\n', H + 'rm -rf /tmp/fixe\n', H + 'rm -r "${d:?}"\n', H + 'tmp=$(mktemp -d)\nrm -rf "$tmp"\n'],
    fix: [[H + 'rm -rf "$dir"/*\n', H + 'rm -rf "${dir:?}"/*\n']],
  },
  {
    code: 'TSSR-B006',
    bad: ['#!/bin/bash\n# Description : x\ncp a b\n', '#!/bin/bash\nset -u\ncp a b\n'],
    good: [
      '#!/bin/bash\nset -euo pipefail\ncp a b\n',
      '#!/bin/bash\nset -e\n',
      '#!/bin/bash\nset -o errexit\n',
      "#!/bin/bash\ntrap 'echo erreur' ERR\n",
      '#!/bin/bash\ncp a b || exit 1\n',
      '#!/bin/bash\ncp a b\nif [ $? -ne 0 ]; then echo ko; fi\n',
    ],
    fix: [['#!/bin/bash\n# Description : x\ncp a b\n', '#!/bin/bash\n# Description : x\nset -euo pipefail\ncp a b\n']],
  },
  {
    code: 'TSSR-B007',
    bad: ['#!/bin/bash\ncd /srv/app\nrm -f ./*.tmp\n', '#!/bin/bash\nfor d in a b; do cd "$d"; done\n'],
    good: [
      '#!/bin/bash\ncd /srv/app || exit 1\n',
      '#!/bin/bash\nset -e\ncd /srv/app\n',
      '#!/bin/bash\nif cd /srv/app; then ls; fi\n',
      '#!/bin/bash\ncd /srv && ls\n',
      '#!/bin/bash\n( cd /srv )\n',
    ],
    fix: [['#!/bin/bash\ncd /srv/app\n', '#!/bin/bash\ncd /srv/app || exit 1\n']],
  },
  {
    code: 'TSSR-B008',
    bad: [
      H + 'password="Azerty123"\n',
      H + 'DB_PASSWORD=secret\n',
      H + "export API_KEY='abc123'\n",
      H + 'local mdp="x"\n',
      H + 'sshpass -p motdepasse ssh srv\n',
      H + 'mysql -uroot -pS3cret base\n',
      H + 'curl -u admin:admin https://x\n',
    ],
    good: [
      H + 'password="$1"\n',
      H + 'PASSWORD_FILE=/etc/app/pass\n',
      H + 'read -rs password\n',
      H + 'password=""\n',
      H + 'token=$(cat /run/secrets/token)\n',
      H + 'echo "password"\n',
      H + 'password_min_length=12\n',
      H + 'sshpass -f /root/.pass ssh srv\n',
      H + 'mysql -u root -p base\n',
    ],
  },
  {
    code: 'TSSR-B009',
    bad: [H + 'd=`date`\n', H + 'echo "`hostname`"\n'],
    good: [H + 'd=$(date)\n', H + "echo 'texte avec `backticks`'\n"],
    fix: [[H + 'd=`date +%F`\n', H + 'd=$(date +%F)\n']],
  },
  {
    code: 'TSSR-B010',
    bad: ['#!/bin/bash\nif [[ ! -f x ]]; then\n  echo "x absent" >&2\nfi\n', '#!/bin/bash\necho "erreur" 1>&2\nexit 0\n'],
    good: [
      '#!/bin/bash\nif [[ ! -f x ]]; then\n  echo "x absent" >&2\n  exit 2\nfi\n',
      '#!/bin/bash\nset -e\necho "erreur" >&2\n',
      '#!/bin/bash\necho ok\n',
      '#!/bin/bash\nf() { echo ko >&2; return 1; }\n',
    ],
  },
  {
    code: 'TSSR-B011',
    bad: [H + 'if [ $reponse = oui ]; then echo ok; fi\n', H + '[ -z $x ] && exit 1\n', H + 'test_it() { [ -f $f ]; }\n'],
    good: [
      H + 'if [ "$reponse" = oui ]; then echo ok; fi\n',
      H + 'if [[ $reponse == oui ]]; then echo ok; fi\n',
      H + '[ $# -eq 2 ] || exit 1\n',
      H + '[ "$(id -u)" -eq 0 ]\n',
    ],
    fix: [[H + '[ -z $x ] && exit 1\n', H + '[ -z "$x" ] && exit 1\n']],
  },
  {
    code: 'TSSR-B012',
    bad: [H + 'read ligne\n', H + 'read -p "Nom : " nom\n', H + 'while read l; do echo "$l"; done < f\n'],
    good: [H + 'read -r ligne\n', H + 'read -rp "Nom : " nom\n', H + 'while IFS= read -r l; do echo "$l"; done < f\n', H + 'echo read\n'],
    fix: [[H + 'read ligne\n', H + 'read -r ligne\n']],
  },
  {
    code: 'TSSR-B013',
    bad: [H + 'cat /etc/passwd | grep root\n', H + 'cat "$f" | wc -l\n'],
    good: [H + 'grep root /etc/passwd\n', H + 'cat a b | sort\n', H + 'cat -n f | head\n', H + 'cat f\n'],
    fix: [[H + 'cat /etc/passwd | grep root\n', H + 'grep root < /etc/passwd\n']],
  },
];

describe('script coach: bash rules', () => {
  before(testParser);
  ruleTable(table, 'bash');

  it('reports French and English messages, a severity, a critère and 1-based positions', () => {
    const [f] = findingsOf(`${H}cp $src /tmp\n`, 'bash', 'TSSR-B004');
    assert.match(f.message.fr, /guillemets/);
    assert.match(f.message.en, /unquoted/);
    assert.equal(f.severity, 'warning');
    assert.equal(f.critere, 'CP11.3');
    assert.deepEqual([f.range.line, f.range.col, f.range.endCol], [5, 4, 8]);
  });

  it('positions stay right after accented text (UTF-16 offsets)', () => {
    const [f] = findingsOf(`${H}# Sauvegarde de l’été — données €\ncp $src /tmp\n`, 'bash', 'TSSR-B004');
    assert.deepEqual([f.range.line, f.range.col], [6, 4]);
  });
});
