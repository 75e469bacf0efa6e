/**
 * The first step of every text-based reader (text, Markdown, HTML): bytes
 * to text, refusing binary junk and empty input, noting a guessed encoding.
 */
import { ConversionError } from '../errors.js'
import { assertLooksLikeText, decodeText } from '../io/decode-text.js'
import { type Message, info } from '../messages.js'

export function decodeInput(bytes: Uint8Array): { text: string; messages: Message[] } {
  const decoded = decodeText(bytes)
  assertLooksLikeText(decoded.text)
  if (decoded.text.trim() === '') throw new ConversionError('the input is empty', 'empty')
  return { text: decoded.text, messages: decoded.guessed ? [info('encoding-detected', `decoded as ${decoded.encoding}`)] : [] }
}
