/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'

/** Base URL of the API, fixed at build time (config/index.ts: defineConstants). */
declare const API_BASE: string

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    TARO_APP_API_BASE?: string
  }
}
