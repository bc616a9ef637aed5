// The settings of an http agent (workflow.yml `agent: { type: http, ... }`).
import type * as z from 'zod'
import { stringMap, text } from '../model/schema-common.js'
import { agentSchema } from './agent-type.js'

export const httpSchema = agentSchema('http', {
  url: text.describe('The agent service; each task is POSTed to it.'),
  headers: stringMap.optional().describe('Request headers; a value `${NAME}` is read from the environment.')
})
export type HttpAgent = z.output<typeof httpSchema>
