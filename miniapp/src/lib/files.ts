import Taro from '@tarojs/taro'
import { ApiError, NETWORK_ERROR_MESSAGE, apiUrl, authHeader, goToLogin, toApiError } from '../api/client'

export interface PickedFile {
  name: string
  size: number
  base64: string
}

/** Mini-program: pick an .xlsx from a WeChat chat and read it as base64; null when cancelled. */
export async function pickXlsx(): Promise<PickedFile | null> {
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })
  } catch (e) {
    const msg = (e as { errMsg?: string })?.errMsg ?? ''
    if (/cancel/i.test(msg)) return null
    throw new ApiError(0, 'PICK_FAILED', '没能打开文件，请再试一次')
  }
  const file = chosen.tempFiles[0]
  if (!file) return null
  const base64 = await new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      encoding: 'base64',
      success: (r) => resolve(r.data as string),
      fail: () => reject(new ApiError(0, 'READ_FAILED', '读取文件失败，请再试一次')),
    })
  })
  return { name: file.name, size: file.size, base64 }
}

/** Mini-program: download an .xlsx (or a .docx) from the API with the token and open it (share/save from there). */
export async function downloadXlsx(path: string, _fileName: string, fileType: 'xlsx' | 'docx' = 'xlsx'): Promise<void> {
  let res: Taro.downloadFile.FileSuccessCallbackResult
  try {
    res = await Taro.downloadFile({ url: apiUrl(path), header: authHeader() })
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR_MESSAGE)
  }
  if (res.statusCode !== 200) {
    let body: unknown = null
    try {
      body = Taro.getFileSystemManager().readFileSync(res.tempFilePath, 'utf8')
    } catch {
      /* no body */
    }
    if (res.statusCode === 401) goToLogin()
    throw toApiError(res.statusCode, body)
  }
  await Taro.openDocument({ filePath: res.tempFilePath, fileType, showMenu: true })
}

/** Mini-program: an .xlsx that came inside a JSON answer (base64, e.g. 邀请码打印表), saved under the user data folder and opened. */
export async function saveXlsxBase64(base64: string, fileName: string): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: Taro.base64ToArrayBuffer(base64),
      success: () => resolve(),
      fail: () => reject(new ApiError(0, 'SAVE_FAILED', '文件保存失败，请再试一次')),
    })
  })
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}
