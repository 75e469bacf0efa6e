/**
 * The sandbox worker without a pool around it (src/sandbox/one-thread.ts):
 * the same requests as under piscina, taken one at a time from the parent
 * port, each answered with `{ docmendResult }`.
 */
import { parentPort } from 'node:worker_threads'
import runRequest from './worker.js'
import type { SandboxRequest } from './requests.js'

parentPort?.on('message', async (message: { id: number; request: SandboxRequest }) => {
  parentPort?.postMessage({ docmendResult: await runRequest(message) })
})
