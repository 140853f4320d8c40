/** Command ids of the learner's path (statement, starter files, hints, VM setup, progress, sample pack). */
export const LearnerCommands = {
  start: 'tssrLab.startExercise',
  nextHint: 'tssrLab.nextHint',
  prepareVm: 'tssrLab.prepareVm',
  showProgress: 'tssrLab.showProgress',
  exportProgress: 'tssrLab.exportProgress',
  openSample: 'tssrLab.openSample',
  toggleGrouping: 'tssrLab.toggleGrouping',
} as const;
