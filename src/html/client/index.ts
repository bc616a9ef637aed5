import { CALLS_SCRIPT } from './calls.js'
import { DOM_SCRIPT } from './dom.js'
import { FILTERS_SCRIPT } from './filters.js'
import { ROWS_SCRIPT } from './rows.js'
import { TABLE_SCRIPT } from './table.js'
import { TRACES_SCRIPT } from './traces.js'

/** The page's only executable script: reads the JSON data blocks and drives the task table. */
export const PAGE_SCRIPT = [
  '(function () {',
  "'use strict';",
  DOM_SCRIPT,
  ROWS_SCRIPT,
  TABLE_SCRIPT,
  FILTERS_SCRIPT,
  TRACES_SCRIPT,
  CALLS_SCRIPT,
  "var meta = readJson('eg-meta') || {};",
  "var tasks = decodeTasks(readJson('eg-tasks') || [], readJson('eg-task-strings') || []);",
  "var traceStats = readJson('eg-trace-index') || { included: false, chunks: {} };",
  'var traceChunks = new Map(Object.entries(traceStats.chunks || {}));',
  'startTable();',
  '})();'
].join('\n')
