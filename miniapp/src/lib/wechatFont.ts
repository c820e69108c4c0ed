import Taro from '@tarojs/taro'

/**
 * The member's WeChat font size (我 › 设置 › 通用 › 字体大小, or 关怀模式) as a factor: 1 standard, 1.4 in
 * 关怀模式. Older WeChat has no getAppBaseInfo, and it may lack the field: then 1. The H5 build reads
 * wechatFont.h5.ts instead (a query parameter simulates it).
 */
export function readWechatFont(): number {
  try {
    return Number((Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number } | undefined)?.fontSizeScaleFactor) || 1
  } catch {
    return 1
  }
}
