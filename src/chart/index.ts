/** Loading, validating and packaging charts exactly as Helm does. */
export type { Chart, ChartFile, Lock } from './chart'
export { loadChartDir, loadChartArchive, checkDependencies } from './loader'
export { saveChart, type SavedArchive } from './save'
export { applyOverrides } from './overrides'
export { sourceDateEpoch, type SourceDate } from './source-date'
export { metadataYaml } from './chart-yaml'
