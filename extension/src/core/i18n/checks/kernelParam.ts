import { defineEntries } from '../define';

/** Reasons of the `kernelParam` check. */
export const kernelParam = defineEntries({
  'kernelParam.missing': {
    fr: 'le paramètre noyau {key} n’existe pas sur ce noyau (nom mal écrit, ou module non chargé ?)',
    en: 'kernel parameter {key} does not exist on this kernel (misspelt, or module not loaded?)',
  },
  'kernelParam.readFailed': { fr: 'lecture du paramètre noyau {key} impossible : {error}', en: 'cannot read kernel parameter {key}: {error}' },
  'kernelParam.badKey': {
    fr: '« {key} » n’est pas un nom de paramètre noyau : écrivez-le comme sysctl, par exemple net.ipv4.ip_forward',
    en: '"{key}" is not a kernel parameter name: write it as sysctl does, e.g. net.ipv4.ip_forward',
  },
  'kernelParam.isDirectory': {
    fr: '{key} est un groupe de paramètres, pas un paramètre : nommez un paramètre de ce groupe (sysctl -a | grep {key})',
    en: '{key} is a group of parameters, not a parameter: name one parameter of it (sysctl -a | grep {key})',
  },
});
