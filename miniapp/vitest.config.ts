import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Unit tests of the mini-program's logic (no page rendering): `npx vitest run --config miniapp/vitest.config.ts`
const dir = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  root: dir,
  resolve: {
    alias: {
      '@tarojs/taro': path.join(dir, 'test', 'taro-mock.ts'),
      '@shared': path.join(dir, '..', 'shared'),
    },
  },
  define: {
    API_BASE: JSON.stringify('/api'),
    SUBSCRIBE_TEMPLATE_ID: JSON.stringify(''),
    'process.env.TARO_ENV': JSON.stringify('h5'),
  },
  test: {
    name: 'miniapp',
    environment: 'jsdom',
    include: ['test/**/*.test.ts'],
  },
})
