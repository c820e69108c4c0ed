/**
 * Request routing in front of dynalite: requests whose `X-Amz-Target` names one of our
 * extension operations are answered here (DynamoDB JSON 1.0 wire format); every other request
 * goes to dynalite's own handler untouched.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { crc32 } from './dynalite.js'
import { ApiError, serializationError, toApiError } from './errors.js'

/** Answers one operation: receives the parsed JSON body, resolves the response body or throws. */
export type OperationHandler = (body: unknown) => Promise<Record<string, unknown>>

const TARGET_PREFIX = 'DynamoDB_20120810.'
const MAX_REQUEST_BYTES = 16 * 1024 * 1024

export interface Router {
  /** Call before closing the server: answers still to come tell the client to drop the connection. */
  beginShutdown(): void
}

export function installOperations(server: Server, operations: Record<string, OperationHandler>): Router {
  const dynaliteListeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[]
  const pending = new Set<ServerResponse>()
  let closing = false

  server.removeAllListeners('request')
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (closing) res.setHeader('Connection', 'close')
    pending.add(res)
    res.once('close', () => pending.delete(res))

    const operation = operationName(req)
    const handler = operation !== undefined && Object.hasOwn(operations, operation) ? operations[operation] : undefined
    if (req.method === 'POST' && handler) {
      void serve(req, res, handler)
    } else {
      for (const listener of dynaliteListeners) listener.call(server, req, res)
    }
  })

  return {
    beginShutdown() {
      closing = true
      for (const res of pending) if (!res.headersSent) res.setHeader('Connection', 'close')
    },
  }
}

function operationName(req: IncomingMessage): string | undefined {
  const target = req.headers['x-amz-target']
  if (typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) return undefined
  return target.slice(TARGET_PREFIX.length)
}

async function serve(req: IncomingMessage, res: ServerResponse, handler: OperationHandler): Promise<void> {
  const contentType = req.headers['content-type']?.split(';')[0]?.trim()
  res.setHeader('x-amzn-RequestId', randomBytes(39).toString('base64').toUpperCase().replace(/[+/]/g, '0'))
  try {
    const text = await readBody(req)
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw serializationError()
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw serializationError()
    send(res, 200, await handler(body), contentType)
  } catch (err) {
    const apiError = toApiError(err)
    if (!(err instanceof ApiError) && apiError.statusCode >= 500) console.error('[local-dynamodb]', err)
    send(res, apiError.statusCode, apiError.toBody(), contentType)
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_REQUEST_BYTES) {
        reject(new ApiError(413, 'com.amazon.coral.service#RequestEntityTooLarge', 'Request too large'))
        req.destroy()
      } else {
        chunks.push(chunk)
      }
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, payload: Record<string, unknown>, requestContentType?: string): void {
  if (res.headersSent || res.destroyed) return
  const body = JSON.stringify(payload)
  res.statusCode = status
  res.setHeader('Content-Type', requestContentType === 'application/json' ? 'application/json' : 'application/x-amz-json-1.0')
  res.setHeader('x-amz-crc32', crc32.unsigned(body))
  res.setHeader('Content-Length', Buffer.byteLength(body, 'utf8'))
  res.end(body)
}
