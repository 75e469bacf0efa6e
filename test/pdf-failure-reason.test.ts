/**
 * A PDF that pdf.js cannot read gets a reason written for a person: pdf.js's
 * own account of the damage when it has one, never a JavaScript runtime
 * message (seen in the 5,000-case fuzz run: "This error originated either by
 * throwing inside of an async function without a catch block…", "invalid key length").
 */
import { describe, expect, it } from 'vitest'
import { failureToError } from '../src/ingest/pdf/run-extraction.js'

describe('reasons for unreadable PDFs', () => {
  it("keeps pdf.js's description of the damage", () => {
    expect(failureToError({ name: 'FormatError', message: 'Bad FCHECK in flate stream: 120, 253' }).message).toBe('the PDF is damaged: Bad FCHECK in flate stream: 120, 253')
  })

  it('never shows a JavaScript runtime message as the reason', () => {
    const internal = [
      { name: 'UnknownErrorException', message: 'This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason:' },
      { name: 'Error', message: 'invalid key length' },
      { name: 'TypeError', message: "Cannot read properties of undefined (reading 'get')" }
    ]
    for (const failure of internal) {
      const reason = failureToError(failure).message
      expect(reason).toBe('the PDF is damaged: part of it could not be decoded')
    }
  })
})
