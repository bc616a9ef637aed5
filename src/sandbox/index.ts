export { ToolSandbox } from './tool-sandbox.js'
export { REQUEST_APPROVAL } from '../model/approval-tool.js'
export type { ToolResponse, ToolSession } from './tool-session.js'
