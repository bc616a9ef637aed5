export { deepSubset } from './deep-subset.js'
export { ToolSandbox } from './tool-sandbox.js'
export { REQUEST_APPROVAL, type ToolResponse, type ToolSession } from './tool-session.js'
