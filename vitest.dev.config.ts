// Developer harness: `npx vitest run -c vitest.dev.config.ts` runs test/dev/*.dev.ts
// (repair accuracy per layout on generated tables, and a side-by-side debug view).
import { defineConfig } from 'vitest/config'

export default defineConfig({ test: { include: ['test/dev/*.dev.ts'], testTimeout: 600_000 } })
