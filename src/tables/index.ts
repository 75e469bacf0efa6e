/**
 * Table detection and repair: pure functions from text lines to grids.
 * See README, "Table repair".
 */
export type { DetectedTable } from './detected-table.js'
export { findTables } from './find-tables.js'
export * from '../ast/grid.js'
