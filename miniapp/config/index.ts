import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

/**
 * Build config for 教工之家.
 *
 * API base (compile-time constant `API_BASE`):
 *   - env TARO_APP_API_BASE wins when set (weapp: the deployed https URL);
 *   - otherwise h5 uses '/api' (the local static server proxies /api/* to the API);
 *   - otherwise weapp gets '' and the app says the server address is not configured.
 */
const appRoot = path.resolve(__dirname, '..')
const repoRoot = path.resolve(appRoot, '..')

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV || 'weapp'
  const apiBase = process.env.TARO_APP_API_BASE ?? (platform === 'h5' ? '/api' : '')
  if (!apiBase) {
    console.warn('[staff-home] TARO_APP_API_BASE is not set: the weapp build has no API server address.')
  }
  const alias = {
    '@': path.join(appRoot, 'src'),
    '@shared': path.join(repoRoot, 'shared'),
  }

  // webpack persistent cache in miniapp/.cache/webpack/<mode>-<platform>; Taro passes extra keys to webpack.
  const cache = {
    enable: true,
    cacheDirectory: path.join(appRoot, '.cache', 'webpack'),
    buildDependencies: { babel: [path.join(appRoot, 'babel.config.cjs')] },
  }

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'staff-home',
    date: '2026-01-01',
    // NutUI React Taro is drawn at 375; our own styles at 750.
    designWidth(input?: unknown) {
      const file = (input as { file?: string } | undefined)?.file
      if (typeof file === 'string' && file.replace(/\\+/g, '/').includes('@nutui')) return 375
      return 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    alias,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
      SUBSCRIBE_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Levels of templates unrolled in base.wxml (default 16, 11 KB more of the main package); the
    // deepest page nests 10 (tests/build/weapp.test.ts checks every page stays within this).
    baseLevel: 12,
    cache,
    logger: { quiet: true, stats: false },
    mini: {
      // Compile the repo's shared/ folder (plain-data modules imported as values, e.g. role labels),
      // and zod, which shared/schemas brings into a sub-package (发起提案征集 checks with the server's
      // schema): it ships ES2020 (`?.`, `??`), and project.config.json leaves WeChat's ES6 → ES5 off.
      compile: { include: [path.join(repoRoot, 'shared'), path.join(repoRoot, 'node_modules', 'zod')] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      compile: { include: [path.join(repoRoot, 'shared')] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      webpackChain(chain) {
        // Pages are loaded lazily: share their common modules (NutUI, our components) in async
        // chunks too, instead of a copy in every page's chunk.
        const split = chain.optimization.get('splitChunks')
        if (split) chain.optimization.splitChunks({ ...split, chunks: 'all' })
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  return merge({}, baseConfig)
})
