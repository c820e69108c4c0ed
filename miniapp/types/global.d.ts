/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'

/** Base URL of the API, fixed at build time (config/index.ts: defineConstants). */
declare const API_BASE: string
/** WeChat subscribe-message template for 候补成功 / 活动变更 notices ('' when not configured). */
declare const SUBSCRIBE_TEMPLATE_ID: string

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    TARO_APP_API_BASE?: string
    TARO_APP_SUBSCRIBE_TEMPLATE_ID?: string
  }
}
