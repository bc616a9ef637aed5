// The orders backend of test/fixtures/backends/orders.mjs as an HTTP service on 127.0.0.1: one
// state per `attempt`, and the requests it got, for the url form of tools_backend.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface OrdersService {
  url: string
  requests: { path: string; body: Record<string, unknown> }[]
  /** Attempts still held (reset, not ended). */
  attempts: Map<string, { orders: Record<string, { status: string }> }>
  close(): Promise<void>
}

const DEFAULT = () => ({ orders: { W1: { status: 'pending' }, W2: { status: 'delivered' } } })

export async function startOrdersService(): Promise<OrdersService> {
  const attempts: OrdersService['attempts'] = new Map()
  const requests: OrdersService['requests'] = []
  const server: Server = createServer((req, res) => {
    let text = ''
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
    req.on('end', () => {
      const body = JSON.parse(text) as Record<string, unknown>
      const path = req.url ?? ''
      requests.push({ path, body })
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(value))
      }
      const attempt = String(body.attempt)
      if (path === '/tools/reset') {
        attempts.set(attempt, structuredClone(body.state as ReturnType<typeof DEFAULT> | null) ?? DEFAULT())
        return send(200, { ok: true })
      }
      if (path === '/tools/end') {
        attempts.delete(attempt)
        return send(200, {})
      }
      const state = attempts.get(attempt)
      if (!state) return send(404, { message: 'unknown attempt' })
      if (path === '/tools/state') return send(200, { state })
      const args = body.args as { order_id: string }
      if (args.order_id === 'HANG') return // never answered
      if (args.order_id === 'BOOM') return send(500, { message: 'internal error' })
      const order = state.orders[args.order_id]
      if (body.tool === 'get_order')
        return order ? send(200, { result: { order_id: args.order_id, ...order } }) : send(404, { error: 'no order' })
      if (!order || order.status !== 'pending')
        return send(400, { error: `order ${args.order_id} is ${order?.status ?? 'missing'}, not pending` })
      order.status = 'cancelled'
      send(200, { result: { order_id: args.order_id, status: 'cancelled' } })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/tools`,
    requests,
    attempts,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
