// An OpenAI-compatible chat completions server for the benchmark: every answer takes DELAY_MS
// (default 50). A task's conversation is 3 model calls: lookup_order, send_reply, final JSON.
import { createServer } from 'node:http'

const delay = Number(process.env.DELAY_MS ?? 50)
const usage = { prompt_tokens: 900, completion_tokens: 60, total_tokens: 960 }

function toolCall(name, args) {
  return {
    role: 'assistant',
    content: null,
    tool_calls: [{ id: `call_${name}`, type: 'function', function: { name, arguments: JSON.stringify(args) } }]
  }
}

function answer(body) {
  const toolMessages = body.messages.filter((m) => m.role === 'tool').length
  const message =
    toolMessages === 0
      ? toolCall('lookup_order', { order_id: 'ORD-1' })
      : toolMessages === 1
        ? toolCall('send_reply', { text: 'done' })
        : { role: 'assistant', content: '{"label":"ok","escalated":false,"message":"done"}' }
  return {
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 1700000000,
    model: body.model,
    choices: [{ index: 0, message, finish_reason: message.tool_calls ? 'tool_calls' : 'stop' }],
    usage
  }
}

const server = createServer((req, res) => {
  let raw = ''
  req.on('data', (d) => (raw += d))
  req.on('end', () =>
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(answer(JSON.parse(raw))))
    }, delay)
  )
})
server.keepAliveTimeout = 60000
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`))
