// An http agent for the benchmark: answers every task after DELAY_MS (default 100).
import { createServer } from 'node:http'

const delay = Number(process.env.DELAY_MS ?? 100)
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () =>
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"label":"ok"}')
    }, delay)
  )
})
server.keepAliveTimeout = 60000
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`))
