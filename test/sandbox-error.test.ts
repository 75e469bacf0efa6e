import { describe, expect, it } from 'vitest'
import { describeSandboxError } from '../src/sandbox/pool.js'

describe('a worker that stops for a reason of its own', () => {
  it('is reported on one line, whatever line breaks its message holds', () => {
    const failure = describeSandboxError(new Error('first\r\nsecond\u2028third\rfourth'), { threads: 1, timeoutMs: 1000, maxMemoryMb: 64 })
    expect(failure.reason).toBe('could not convert: the conversion worker stopped (first second third fourth)')
    expect(failure.code).toBe('internal')
  })
})
