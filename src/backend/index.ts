export { ToolsBackend } from './tools-backend.js'
export { replayState, type ReplayedAction } from './replay.js'
