/** Command ids of the Cibles view and the status bar's target. */
export const TargetCommandIds = {
  add: 'tssrLab.targets.add',
  edit: 'tssrLab.targets.edit',
  remove: 'tssrLab.targets.remove',
  test: 'tssrLab.targets.test',
  use: 'tssrLab.targets.use',
  pick: 'tssrLab.targets.pick',
} as const;
